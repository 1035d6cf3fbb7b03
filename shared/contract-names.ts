// The contract's call and event names as plain data, with no zod: the
// sandboxed preload checks names against these and stays a few KB instead of
// bundling every schema. The compiler keeps the lists in step with
// shared/contract.ts, and contract-names.test.ts checks them at run time.
import type { CallName, EventName } from './contract';

export const contractCallNames = [
  'app.info',
  'app.health',
  'app.ping',
  'app.openLink',
  'sandbox.status',
  'sandbox.setLevel',
  'sandbox.verify',
  'sandbox.logs',
  'sandbox.stop',
  'sandbox.remove',
  'sandbox.start',
  'sandbox.pullImage',
  'sandbox.loadImage',
  'chat.send',
  'chat.stop',
  'chat.conversations',
  'chat.history',
  'models.list',
  'models.demo',
  'setup.startSafeChat',
  'models.import',
  'models.importStatus',
  'models.cancelImport',
  'models.inventory',
  'models.delete',
  'models.verify',
] as const satisfies readonly CallName[];
export const contractEventNames = [
  'app.heartbeat',
  'app.health',
  'sandbox.progress',
  'sandbox.status',
  'chat.token',
  'chat.state',
  'setup.progress',
  'models.progress',
] as const satisfies readonly EventName[];

// A name added to the contract but not here fails to compile on these lines.
const everyCall: [Exclude<CallName, (typeof contractCallNames)[number]>] extends [never] ? true : false =
  true;
const everyEvent: [Exclude<EventName, (typeof contractEventNames)[number]>] extends [never] ? true : false =
  true;
void everyCall;
void everyEvent;

const callSet: ReadonlySet<string> = new Set(contractCallNames);
const eventSet: ReadonlySet<string> = new Set(contractEventNames);

export const isCallName = (name: unknown): name is CallName => typeof name === 'string' && callSet.has(name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && eventSet.has(name);
