// `npm run bench`: bundles each bench/*.bench.ts with esbuild and runs it in
// turn; each prints its figures against a baseline measured in the same run.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
// Bundles live inside the repo so their packages resolve from node_modules.
const out = join(here, '..', 'dist', 'bench');
// `node bench/run.mjs chat-path` runs only the benches whose file name contains the word.
const benches = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && f.includes(process.argv[2] ?? ''));
let failed = 0;
for (const file of benches) {
  const outfile = join(out, file.replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [join(here, file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit', cwd: join(here, '..') });
  if (run.status !== 0) failed++;
}
if (failed) {
  console.log(`\n${failed} benchmark(s) missed a budget.`);
  process.exitCode = 1;
}
