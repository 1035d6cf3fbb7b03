// `airlock <call> [json]`: every call the UI can make, from a script.
import type { ChatSendOutput } from '../../shared/chat-contract';
import { isCallName, type Envelope, type EventName } from '../../shared/contract';
import type { ModelsProgress } from '../../shared/models-contract';
import { resolveDataDir } from '../core/data-dir';
import { createCore } from '../core/services';
import { readServeFile } from '../serve/serve-file';
import { chatEvents, chatPrinter } from './chat-print';
import { formatOutput } from './cli-format';
import { helpText } from './cli-help';
import { formatResult, importEvents, importFollower } from './import-print';
import { connectServe, ConnectError } from './serve-client';

interface CliArgs {
  call?: string;
  input?: string;
  json: boolean;
  local: boolean;
  data?: string;
  help: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { json: false, local: false, help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--local') args.local = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--data') {
      const value = argv[++i];
      if (!value) throw new UsageError('--data needs a folder.');
      args.data = value;
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option "${arg}". See airlock --help.`);
    else positional.push(arg);
  }
  if (positional.length > 2) throw new UsageError('Give the input as one JSON argument, in single quotes.');
  [args.call, args.input] = positional;
  return args;
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help || !args.call) {
    console.log(helpText());
    return args.call || args.help ? 0 : 2;
  }
  if (!isCallName(args.call))
    throw new UsageError(`Airlock has no call named "${args.call}". See airlock --help.`);
  let input: unknown = {};
  if (args.input !== undefined) {
    try {
      input = JSON.parse(args.input);
    } catch {
      throw new UsageError(`The input is not valid JSON: ${args.input.slice(0, 80)}`);
    }
  }
  const dataDir = resolveDataDir({ flag: args.data });
  // chat.send streams its answer to the terminal; --json prints only the final JSON.
  const printer =
    args.call === 'chat.send' && !args.json ? chatPrinter((text) => process.stdout.write(text)) : undefined;
  // models.import answers an id at once; the CLI follows the import to its end (lines unless --json).
  const follower =
    args.call === 'models.import'
      ? importFollower(args.json ? undefined : (line) => console.log(line))
      : undefined;
  const listen = printer
    ? (event: string, payload: unknown) => printer.onEvent(event, payload)
    : follower
      ? (event: string, payload: unknown) => follower.onEvent(event, payload)
      : undefined;
  const events = printer ? chatEvents : follower ? importEvents : [];
  const then: Then | undefined = follower
    ? async (value, call) => {
        const { operationId } = value as { operationId: string };
        const state = await follower.follow(operationId, () => call('models.importStatus', { operationId }));
        return state;
      }
    : undefined;
  const envelope = args.local
    ? await callLocal(dataDir, args.call, input, { listen, events, then })
    : await callServe(dataDir, args.call, input, { listen, events, then });
  if (follower && envelope.ok) {
    const state = envelope.value as ModelsProgress;
    if (args.json) console.log(JSON.stringify(state, null, 2));
    else console.log(formatResult(state));
    return state.phase === 'done' ? 0 : 1;
  }
  if (args.json) {
    console.log(JSON.stringify(envelope.ok ? envelope.value : { error: envelope.error }, null, 2));
  } else if (envelope.ok && printer) {
    const answer = envelope.value as ChatSendOutput;
    console.log(printer.finish(answer));
    return answer.outcome === 'failed' ? 1 : 0;
  } else if (envelope.ok) {
    console.log(formatOutput(args.call, envelope.value));
  } else {
    console.error(`${envelope.error.message} (${envelope.error.code})`);
  }
  return envelope.ok ? 0 : 1;
}

type Call = (call: string, input: unknown) => Promise<Envelope<unknown>>;
/** Work to finish before the core or connection goes, on a successful answer; its result is the output. */
type Then = (value: unknown, call: Call) => Promise<unknown>;

interface Follow {
  listen: ((event: string, payload: unknown) => void) | undefined;
  events: readonly EventName[];
  then: Then | undefined;
}

async function settle(envelope: Envelope<unknown>, call: Call, then: Then | undefined) {
  if (!envelope.ok || !then) return envelope;
  return { ok: true as const, value: await then(envelope.value, call) };
}

async function callLocal(
  dataDir: string,
  call: string,
  input: unknown,
  follow: Follow,
): Promise<Envelope<unknown>> {
  const core = createCore({ dataDir, carrier: 'local' });
  const { listen } = follow;
  if (listen) for (const event of follow.events) core.events.on(event, (payload) => listen(event, payload));
  try {
    const dispatch: Call = (name, value) => core.router.dispatch(name, value, core.context());
    return await settle(await dispatch(call, input), dispatch, follow.then);
  } finally {
    await core.dispose();
  }
}

async function callServe(
  dataDir: string,
  call: string,
  input: unknown,
  follow: Follow,
): Promise<Envelope<unknown>> {
  const found = readServeFile(dataDir);
  const notRunning = `No Airlock is running for ${dataDir}. Start one with "npm run serve", or add --local to run the call here.`;
  if (!found) throw new NotRunning(notRunning);
  let client;
  try {
    client = await connectServe(found.url, found.token);
  } catch (error) {
    throw new NotRunning(error instanceof ConnectError ? error.message : notRunning);
  }
  // Subscribed before the call: the socket keeps order, so no early token is missed.
  const { listen } = follow;
  if (listen) for (const event of follow.events) client.subscribe(event, (payload) => listen(event, payload));
  try {
    return await settle(
      await client.call(call, input),
      (name, value) => client.call(name, value),
      follow.then,
    );
  } finally {
    client.close();
  }
}

class NotRunning extends Error {}

run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = error instanceof UsageError ? 2 : error instanceof NotRunning ? 3 : 1;
  },
);
