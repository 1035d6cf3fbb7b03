// TX-01: on start, a switch the journal shows unfinished (the core was killed
// mid-way) is driven to an end before anything else runs: forward when the
// new sandbox had already passed verification and was being moved to,
// otherwise back to the old one. The adopt step then keeps exactly one runtime.
import type Dockerode from 'dockerode';
import type { SandboxSettings } from '../../../shared/sandbox-contract';
import type { Intent, SwitchJournal } from '../store/switch-journal';
import { engineMessage } from './docker-errors';
import { listOwn, removeContainer } from './docker-sandbox';
import { labelKeys } from './levels';

export interface ReconcileDeps {
  docker: Dockerode;
  instance: string;
  journal: Pick<SwitchJournal, 'unfinished' | 'finish'>;
  settings: { save(settings: SandboxSettings): void };
  log: (line: string) => void;
}

export type Reconciled = 'nothing' | 'finished' | 'rolled_back' | 'failed';

export async function reconcileSwitch(deps: ReconcileDeps): Promise<Reconciled> {
  const intent = deps.journal.unfinished();
  if (!intent) return 'nothing';
  const passedVerify = intent.state === 'running' && (intent.step === 'move' || intent.step === 'remove_old');
  if (passedVerify && intent.newContainer && (await isRunning(deps.docker, intent.newContainer))) {
    if (intent.fromContainer) await removeContainer(deps.docker, intent.fromContainer);
    // Keep the address the owner already uses when the switch did not ask for a new one.
    const port = intent.to.port || intent.from?.port || 0;
    deps.settings.save({ ...intent.to, port });
    const message = `Airlock was stopped while moving to level ${intent.to.level}; it finished the switch when it started again.`;
    deps.journal.finish(intent.id, 'switched', message);
    deps.log(message);
    return 'finished';
  }
  return rollBackIntent(deps, intent);
}

async function rollBackIntent(deps: ReconcileDeps, intent: Intent): Promise<Reconciled> {
  // The new container, and any other this switch created before its id was journalled.
  const own = await listOwn(deps.docker, deps.instance, 'runtime');
  const created = own.filter((c) => c.Labels[labelKeys.operation] === intent.id).map((c) => c.Id);
  for (const id of new Set([...created, ...(intent.newContainer ? [intent.newContainer] : [])])) {
    if (id !== intent.fromContainer) await removeContainer(deps.docker, id);
  }
  if (!intent.from || !intent.fromContainer) {
    const message = `Airlock was stopped while creating the first sandbox (level ${intent.to.level}); choose a level again to create it.`;
    deps.journal.finish(intent.id, 'failed', message);
    return 'failed';
  }
  try {
    const old = deps.docker.getContainer(intent.fromContainer);
    if (!(await old.inspect()).State.Running) await old.start();
  } catch (error) {
    const message = `Airlock was stopped while switching to level ${intent.to.level}, and the level ${intent.from.level} sandbox could not be started again (${engineMessage(error)}). Choose a level to create one.`;
    deps.journal.finish(intent.id, 'failed', message);
    return 'failed';
  }
  const message = `Airlock was stopped while switching to level ${intent.to.level}; it went back to level ${intent.from.level}, which is running.`;
  deps.journal.finish(intent.id, 'rolled_back', message);
  deps.log(message);
  return 'rolled_back';
}

async function isRunning(docker: Dockerode, id: string): Promise<boolean> {
  try {
    return (await docker.getContainer(id).inspect()).State.Running;
  } catch {
    return false;
  }
}
