// A level switch as a transaction (TX-01, TX-02): build the new sandbox
// beside the old, verify it, move the endpoint, then remove the old. Each
// step is journalled before it runs; any failure removes the new sandbox,
// puts the endpoint back and keeps the old one serving. The model volume is
// never removed here (TX-03).
import type Dockerode from 'dockerode';
import type {
  SandboxProgress,
  SandboxSettings,
  SwitchOutcome,
  SwitchStep,
  VerifyReport,
} from '../../../shared/sandbox-contract';
import { AirlockError } from '../errors';
import { engineMessage } from './docker-errors';
import { ensureVolume, handVolumeTo, pinImage, removeContainer, toCreateOptions } from './docker-sandbox';
import { buildRuntimeSpec, isContainerLevel, runtimeProfile, sandboxUser } from './levels';
import type { RuntimeEndpoint, Upstream } from './runtime-endpoint';
import { waitForRuntime } from './runtime-probe';
import { upstreamFor } from './sandbox-upstream';

export interface RunningSandbox {
  containerId: string;
  level: 1 | 2 | 3;
  upstream: Upstream;
  settings: SandboxSettings;
}

/** What the switch records; electron/core/store/switch-journal.ts provides it. */
export interface SwitchRecorder {
  begin(intent: {
    id: string;
    from: SandboxSettings | null;
    fromContainer: string | null;
    to: SandboxSettings;
  }): unknown;
  step(id: string, step: SwitchStep, extra?: { newContainer?: string }): void;
  rollingBack(id: string, step: SwitchStep, message: string): void;
  finish(id: string, state: 'switched' | 'rolled_back' | 'failed', message: string): void;
}

export interface VerifyTarget {
  docker: Dockerode;
  containerId: string;
  level: 1 | 2 | 3;
  volumeName: string;
  upstream: Upstream;
  canaries: { host: string; port: number }[];
}

export interface SwitchDeps {
  docker: Dockerode;
  instance: string;
  endpoint: RuntimeEndpoint;
  journal: SwitchRecorder;
  verify: (target: VerifyTarget) => Promise<VerifyReport>;
  canaries: () => { host: string; port: number }[];
  progress: (event: Pick<SandboxProgress, 'step' | 'state' | 'message'>) => void;
  readyTimeoutMs: number;
  /** TX-01 fault injection: the core kills itself right after journalling this step. Tests only. */
  crashAt?: string;
  log: (line: string) => void;
}

export interface SwitchResult {
  outcome: SwitchOutcome;
  /** The sandbox serving after the switch: the new one, or the old one after a rollback. */
  running: RunningSandbox | undefined;
}

class StepFailure extends Error {
  constructor(
    readonly step: SwitchStep,
    message: string,
    readonly report?: VerifyReport,
  ) {
    super(message);
  }
}

export async function switchLevel(
  deps: SwitchDeps,
  from: RunningSandbox | undefined,
  to: SandboxSettings,
  operationId: string,
): Promise<SwitchResult> {
  const started = Date.now();
  const { docker, journal } = deps;
  const level = to.level;
  if (!isContainerLevel(level)) throw new RangeError('level 4 needs a VM backend');
  journal.begin({
    id: operationId,
    from: from?.settings ?? null,
    fromContainer: from?.containerId ?? null,
    to,
  });

  let newId: string | undefined;
  let moved = false;
  let report: VerifyReport | undefined;
  const enter = (step: SwitchStep, extra?: { newContainer?: string }): void => {
    journal.step(operationId, step, extra);
    deps.progress({ step, state: 'running' });
    if (deps.crashAt === step) process.kill(process.pid, 'SIGKILL');
  };
  const done = (step: SwitchStep): void => deps.progress({ step, state: 'done' });

  try {
    enter('prepare');
    const pinnedImage = await attempt('prepare', () => pinImage(docker, to.image));
    const spec = buildRuntimeSpec({ settings: to, pinnedImage, instance: deps.instance, operationId });
    await attempt('prepare', async () => {
      await ensureVolume(docker, spec.volume.name, deps.instance);
      if (spec.user) await handVolumeTo(docker, spec, deps.instance, sandboxUser);
    });
    done('prepare');

    enter('create');
    const container = await attempt('create', () => docker.createContainer(toCreateOptions(spec)));
    newId = container.id;
    journal.step(operationId, 'create', { newContainer: newId });
    done('create');

    enter('start');
    await attempt('start', () => container.start());
    done('start');

    enter('ready');
    const info = await attempt('ready', () => container.inspect());
    const upstream = await attempt('ready', () =>
      Promise.resolve(upstreamFor(docker, container.id, level, info, spec.containerPort)),
    );
    const isAlive = async () => (await container.inspect()).State.Running;
    await attempt('ready', () => waitForRuntime(upstream, deps.readyTimeoutMs, isAlive));
    done('ready');

    enter('verify');
    report = await attempt('verify', () =>
      deps.verify({
        docker,
        containerId: container.id,
        level,
        volumeName: spec.volume.name,
        upstream,
        canaries: deps.canaries(),
      }),
    );
    const failed = report.rows.filter((row) => row.status === 'failed');
    if (failed.length > 0) {
      throw new StepFailure(
        'verify',
        `the new sandbox failed verification: ${failed.map((row) => row.evidence).join('; ')}`,
        report,
      );
    }
    done('verify');

    enter('move');
    const port = await attempt('move', () => deps.endpoint.listen(to.port));
    deps.endpoint.route(upstream);
    moved = true;
    done('move');

    const running: RunningSandbox = { containerId: container.id, level, upstream, settings: { ...to, port } };
    enter('remove_old');
    if (from) {
      // The switch already succeeded; an old container that will not go is cleaned up at next start.
      await removeContainer(docker, from.containerId).catch((error: unknown) =>
        deps.log(`could not remove the previous sandbox ${from.containerId}: ${engineMessage(error)}`),
      );
    }
    done('remove_old');
    const message = `Level ${level} is in force and verified.`;
    journal.finish(operationId, 'switched', message);
    return {
      outcome: { operationId, outcome: 'switched', level, message, report, durationMs: Date.now() - started },
      running,
    };
  } catch (error) {
    const failure = error instanceof StepFailure ? error : new StepFailure('prepare', engineMessage(error));
    return rollBack(deps, { operationId, from, to, newId, moved, failure, started });
  }
}

async function attempt<T>(step: SwitchStep, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    const text = error instanceof AirlockError ? error.message : engineMessage(error);
    throw new StepFailure(step, text);
  }
}

interface RollbackState {
  operationId: string;
  from: RunningSandbox | undefined;
  to: SandboxSettings;
  newId: string | undefined;
  moved: boolean;
  failure: StepFailure;
  started: number;
}

async function rollBack(deps: SwitchDeps, state: RollbackState): Promise<SwitchResult> {
  const { operationId, from, to, newId, failure } = state;
  const why = `Switching to level ${to.level} failed at the “${failure.step}” step: ${failure.message.replace(/\.$/, '')}`;
  deps.journal.rollingBack(operationId, failure.step, why);
  deps.progress({ step: failure.step, state: 'failed', message: why });
  deps.progress({ step: 'rollback', state: 'rolling_back' });
  if (newId) {
    await removeContainer(deps.docker, newId).catch((error: unknown) =>
      deps.log(`rollback: could not remove the new sandbox ${newId}: ${engineMessage(error)}`),
    );
  }
  const base = {
    operationId,
    level: from?.level ?? to.level,
    failedStep: failure.step,
    ...(failure.report ? { report: failure.report } : {}),
  };
  if (!from) {
    deps.endpoint.route(undefined);
    const message = `${why}. There was no sandbox before, so none is running now.`;
    deps.journal.finish(operationId, 'failed', message);
    deps.progress({ step: 'rollback', state: 'failed', message });
    return {
      outcome: { ...base, outcome: 'failed', message, durationMs: Date.now() - state.started },
      running: undefined,
    };
  }
  try {
    await restore(deps, from);
    const message = `${why}. Level ${from.level} is still running, unchanged.`;
    deps.journal.finish(operationId, 'rolled_back', message);
    deps.progress({ step: 'rollback', state: 'rolled_back', message });
    return {
      outcome: { ...base, outcome: 'rolled_back', message, durationMs: Date.now() - state.started },
      running: from,
    };
  } catch (error) {
    const message = `${why}. Airlock could not bring level ${from.level} back either (${engineMessage(error)}); start it again from the Security view.`;
    deps.journal.finish(operationId, 'failed', message);
    deps.progress({ step: 'rollback', state: 'failed', message });
    return {
      outcome: { ...base, outcome: 'failed', message, durationMs: Date.now() - state.started },
      running: undefined,
    };
  }
}

/** Makes sure the old sandbox runs and answers, and the endpoint points at it. */
export async function restore(
  deps: Pick<SwitchDeps, 'docker' | 'endpoint' | 'readyTimeoutMs'>,
  from: RunningSandbox,
): Promise<void> {
  const container = deps.docker.getContainer(from.containerId);
  let info = await container.inspect();
  if (!info.State.Running) {
    await container.start();
    info = await container.inspect();
  }
  const port = runtimeProfile(from.settings.image).containerPort;
  // A restarted level 1–2 container may get a new host port: read it back rather than trust the old one.
  const upstream = upstreamFor(deps.docker, from.containerId, from.level, info, port);
  from.upstream = upstream;
  await waitForRuntime(upstream, deps.readyTimeoutMs, async () => (await container.inspect()).State.Running);
  deps.endpoint.route(upstream);
}
