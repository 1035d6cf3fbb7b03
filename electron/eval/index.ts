// Entry of `npm run eval`: binds each data file's first word to its filter's
// evaluator. Exit 2 on a usage mistake, 1 when the data cannot be read.
import { join, resolve } from 'node:path';
import { evaluateAttacks } from './attacks-eval';
import { evaluateContent } from './content-eval';
import { formatReports, parseEvalArgs, runEval } from './eval-cli';
import { evaluatePii } from './pii-eval';

const evaluators = {
  'prompt-attacks': evaluateAttacks,
  'content-safety': evaluateContent,
  pii: evaluatePii,
};

// The team's evaluation data sits beside the repository, outside it.
const defaultData = resolve(join(process.cwd(), '..', 'shared', 'eval'));

function main(): void {
  const args = parseEvalArgs(process.argv.slice(2), defaultData);
  if (typeof args === 'string') {
    console.error(args);
    process.exitCode = 2;
    return;
  }
  let reports;
  try {
    reports = runEval(args, evaluators);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `There is no folder at ${args.data}.`
        : String((error as Error).message);
    console.error(`${reason} Point --data at a folder of *.jsonl files.`);
    process.exitCode = 1;
    return;
  }
  if (args.json) process.stdout.write(`${JSON.stringify({ files: reports })}\n`);
  else console.log(formatReports(reports));
}

main();
