// The sandbox service behind the contract's sandbox.* calls: it owns the
// stable runtime endpoint, knows which container is serving, runs one level
// switch at a time and answers status, verify, logs, stop and start.
import type Dockerode from 'dockerode';
import { randomUUID } from 'node:crypto';
import type {
  SandboxSettings,
  SandboxSettingsInput,
  SandboxStatus,
  SwitchOutcome,
  VerifyReport,
} from '../../../shared/sandbox-contract';
import { AirlockError } from '../errors';
import type { EventHub } from '../event-hub';
import { listOwn, removeContainer, stopContainer } from './docker-sandbox';
import { restore, switchLevel, type RunningSandbox, type SwitchDeps } from './level-switch';
import { isContainerLevel, runtimeProfile } from './levels';
import type { Engine } from './engine-connection';
import { loadImageTar } from './image-load';
import { pullImage } from './image-pull';
import { RuntimeEndpoint } from './runtime-endpoint';
import { mergeSettings } from './sandbox-settings';

export interface SandboxServiceDeps extends Omit<SwitchDeps, 'docker' | 'endpoint' | 'progress'> {
  /** Connects to the engine, or throws an AirlockError saying why it cannot. */
  connect: () => Promise<Engine>;
  events: EventHub;
  settings: { load(): SandboxSettings | undefined; save(settings: SandboxSettings): void };
  defaults: () => SandboxSettings;
  lastSwitch: () => SandboxStatus['lastSwitch'];
}

export class SandboxService {
  readonly endpoint: RuntimeEndpoint;
  private running: RunningSandbox | undefined;
  private switching: string | undefined;

  constructor(private readonly deps: SandboxServiceDeps) {
    this.endpoint = new RuntimeEndpoint(deps.log);
  }

  private settings(): SandboxSettings {
    return this.deps.settings.load() ?? this.deps.defaults();
  }

  /** Adopts the runtime a previous run left serving, if any; the reconciler has already settled any switch. */
  async adopt(docker: Dockerode): Promise<void> {
    const settings = this.deps.settings.load();
    const own = await listOwn(docker, this.deps.instance, 'runtime');
    const keep = own.find((c) => c.State === 'running') ?? own[0];
    for (const stale of own) if (stale !== keep) await removeContainer(docker, stale.Id);
    for (const leftover of await listOwn(docker, this.deps.instance, 'prepare'))
      await removeContainer(docker, leftover.Id);
    const level = Number(keep?.Labels['airlock.level']);
    if (!keep || !settings || !isContainerLevel(level)) return;
    const running: RunningSandbox = {
      containerId: keep.Id,
      level,
      upstream: () => Promise.reject(new Error('not ready')),
      settings,
    };
    await this.endpoint.listen(settings.port);
    await restore({ docker, endpoint: this.endpoint, readyTimeoutMs: this.deps.readyTimeoutMs }, running);
    this.running = running;
  }

  async status(): Promise<SandboxStatus> {
    const settings = this.settings();
    const lastSwitch = this.deps.lastSwitch();
    const base: Pick<SandboxStatus, 'settings' | 'lastSwitch' | 'engine'> = {
      settings,
      ...(lastSwitch ? { lastSwitch } : {}),
    };
    let engine: Engine;
    try {
      engine = await this.deps.connect();
    } catch (error) {
      return {
        ...base,
        state: 'unavailable',
        message: error instanceof AirlockError ? error.message : String(error),
      };
    }
    const { docker, identity, source, advice } = engine;
    base.engine = {
      product: identity.product,
      version: identity.version,
      source,
      ...(advice ? { advice } : {}),
    };
    if (this.switching) return { ...base, state: 'switching', ...this.addressOf() };
    if (!this.running) return { ...base, state: 'none' };
    let info: Dockerode.ContainerInspectInfo;
    try {
      info = await docker.getContainer(this.running.containerId).inspect();
    } catch {
      return {
        ...base,
        state: 'none',
        message: 'The runtime container is gone; switch to a level to create it again.',
      };
    }
    return {
      ...base,
      state: info.State.Running ? 'running' : 'stopped',
      ...this.addressOf(),
      container: {
        id: info.Id,
        name: info.Name.replace(/^\//, ''),
        image: info.Config.Labels?.['airlock.image'] ?? info.Config.Image,
        imageId: info.Image,
        level: this.running.level,
        ...(info.State.StartedAt ? { startedAt: info.State.StartedAt } : {}),
        memoryBytes: info.HostConfig.Memory ?? 0,
        nanoCpus: info.HostConfig.NanoCpus ?? 0,
        pidsLimit: info.HostConfig.PidsLimit ?? 0,
      },
    };
  }

  private addressOf(): { endpoint?: string } {
    return this.endpoint.url ? { endpoint: this.endpoint.url } : {};
  }

  async setLevel(input: SandboxSettingsInput): Promise<SwitchOutcome> {
    if (input.level === 4) {
      throw new AirlockError(
        'unavailable',
        'Level 4 runs the model in a virtual machine, and Airlock’s VM backend (Multipass or Lima) is not available yet. Levels 1–3 work now.',
      );
    }
    this.claim();
    const operationId = randomUUID();
    this.switching = operationId;
    try {
      const { docker } = await this.deps.connect();
      const to = mergeSettings(this.settings(), input);
      const progress: SwitchDeps['progress'] = (event) =>
        this.deps.events.emit('sandbox.progress', { operationId, kind: 'switch', at: Date.now(), ...event });
      const result = await switchLevel(
        { ...this.deps, docker, endpoint: this.endpoint, progress },
        this.running,
        to,
        operationId,
      );
      this.running = result.running;
      if (result.outcome.outcome === 'switched' && result.running)
        this.deps.settings.save(result.running.settings);
      return result.outcome;
    } finally {
      this.switching = undefined;
      void this.status().then(
        (status) => this.deps.events.emit('sandbox.status', status),
        () => undefined,
      );
    }
  }

  async pull(image: string): Promise<{ image: string; imageId: string }> {
    const { docker } = await this.deps.connect();
    const operationId = randomUUID();
    const emit = (
      state: 'running' | 'done' | 'failed',
      extra: { message?: string; layers?: { id: string; current: number; total: number }[] },
    ) =>
      this.deps.events.emit('sandbox.progress', {
        operationId,
        kind: 'pull',
        step: 'pull',
        state,
        at: Date.now(),
        ...extra,
      });
    emit('running', {});
    try {
      const result = await pullImage(docker, image, (layers) => emit('running', { layers }));
      emit('done', {});
      return result;
    } catch (error) {
      emit('failed', { message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  async load(path: string): Promise<{ images: string[] }> {
    const { docker } = await this.deps.connect();
    return loadImageTar(docker, path);
  }

  private claim(): void {
    if (this.switching)
      throw new AirlockError('conflict', 'A level switch is already under way. Wait for it to finish.');
  }

  async verify(): Promise<VerifyReport> {
    const { docker } = await this.deps.connect();
    const running = this.requireRunning();
    return this.deps.verify({
      docker,
      containerId: running.containerId,
      level: running.level,
      volumeName: running.settings.volume,
      upstream: running.upstream,
      canaries: this.deps.canaries(),
    });
  }

  async logs(tail = 200): Promise<string[]> {
    const { docker } = await this.deps.connect();
    const running = this.requireRunning();
    const buffer = await docker
      .getContainer(running.containerId)
      .logs({ stdout: true, stderr: true, tail, timestamps: false, follow: false });
    return demuxLogLines(buffer);
  }

  async stop(): Promise<SandboxStatus> {
    const { docker } = await this.deps.connect();
    const running = this.requireRunning();
    this.endpoint.route(undefined);
    this.endpoint.dropOpenConnections();
    await stopContainer(docker, running.containerId);
    return this.status();
  }

  /** Removes the runtime container but never its volume (TX-03); the next setLevel builds a fresh one. */
  async remove(): Promise<SandboxStatus> {
    this.claim();
    const { docker } = await this.deps.connect();
    const running = this.requireRunning();
    this.endpoint.route(undefined);
    this.endpoint.dropOpenConnections();
    await removeContainer(docker, running.containerId);
    this.running = undefined;
    return this.status();
  }

  async start(): Promise<SandboxStatus> {
    const { docker } = await this.deps.connect();
    const running = this.requireRunning();
    await this.endpoint.listen(running.settings.port);
    await restore({ docker, endpoint: this.endpoint, readyTimeoutMs: this.deps.readyTimeoutMs }, running);
    return this.status();
  }

  /** The runtime's API port inside its container, for callers that talk to it. */
  get runtimePort(): number | undefined {
    return this.running ? runtimeProfile(this.running.settings.image).containerPort : undefined;
  }

  private requireRunning(): RunningSandbox {
    if (!this.running) {
      throw new AirlockError(
        'not_found',
        'There is no sandbox yet. Choose a level in the Security view to create one.',
      );
    }
    return this.running;
  }

  dispose(): Promise<void> {
    return this.endpoint.close();
  }
}

/** Docker's log stream without a TTY frames each chunk with an 8-byte header; strip it and split lines. */
export function demuxLogLines(buffer: Buffer): string[] {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  const text = Buffer.concat(parts).toString('utf8');
  return text.split('\n').filter((line, index, all) => line !== '' || index < all.length - 1);
}
