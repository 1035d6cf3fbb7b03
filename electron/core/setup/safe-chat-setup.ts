// "Start safe chat": one call that takes a fresh machine to a sandboxed chat.
// It checks Docker, prepares the runtime image (the built-in engine's, built
// here, since no registry may be reachable), brings the sandbox up at level 2
// through the sandbox service's own switch, and copies the clearly labelled
// demo model into the sandbox's volume. It answers at once with an operation
// id and reports each step as a setup.progress event.
import type Dockerode from 'dockerode';
import { randomUUID } from 'node:crypto';
import type { SafeChatProgress, SafeChatResult, SafeChatStep } from '../../../shared/setup-contract';
import { AirlockError } from '../errors';
import type { EventHub } from '../event-hub';
import type { EngineImage } from '../engines/image/engine-image';
import { putModelInSandbox } from '../models/sandbox-transfer';
import { sandboxUser } from '../sandbox/levels';
import type { SandboxService } from '../sandbox/sandbox-service';

export interface SafeChatDeps {
  events: EventHub;
  sandbox: () => Promise<SandboxService>;
  /** The engine's client, or an AirlockError saying why there is none. */
  docker: () => Promise<Dockerode>;
  instance: string;
  /** Writes the demo model into the data folder; returns its name and where it lies. */
  writeDemo: () => Promise<{ name: string; path: string }>;
  /** Builds or finds the engine image (engines/image). */
  engineImage: (docker: Dockerode) => Promise<EngineImage>;
  log: (line: string) => void;
}

/** The demo model's file in the sandbox volume; the engine lists it as airlock-demo:latest. */
const demoFileName = 'airlock-demo.gguf';

export class SafeChatSetup {
  private current: string | undefined;

  constructor(private readonly deps: SafeChatDeps) {}

  /** Starts a run, or names the one under way; the work goes on after the answer. */
  start(input: { withoutSandbox?: boolean }): { operationId: string } {
    if (this.current) return { operationId: this.current };
    const operationId = randomUUID();
    this.current = operationId;
    const work = input.withoutSandbox ? this.withoutSandbox(operationId) : this.sandboxed(operationId);
    void work.finally(() => {
      if (this.current === operationId) this.current = undefined;
    });
    return { operationId };
  }

  private emit(operationId: string, step: SafeChatStep, state: SafeChatProgress['state'], extra = {}): void {
    this.deps.events.emit('setup.progress', { operationId, step, state, at: Date.now(), ...extra });
  }

  private async sandboxed(operationId: string): Promise<void> {
    let step: SafeChatStep = 'docker';
    try {
      this.emit(operationId, 'docker', 'running');
      let docker: Dockerode;
      try {
        docker = await this.deps.docker();
      } catch (error) {
        this.emit(operationId, 'docker', 'failed', {
          reason: 'docker_missing',
          message: `${sentence(error)} Airlock needs Docker to keep the model in a sandbox. Start Docker and try again, or chat without a sandbox for now.`,
        });
        return;
      }
      this.emit(operationId, 'docker', 'done');

      step = 'runtime';
      this.emit(operationId, 'runtime', 'running');
      const image = await this.deps.engineImage(docker);
      this.emit(operationId, 'runtime', 'done', { message: image.built ? 'built' : 'reused' });

      step = 'sandbox';
      this.emit(operationId, 'sandbox', 'running');
      const service = await this.deps.sandbox();
      const status = await service.status();
      const serving =
        status.state === 'running' && status.container?.image === image.tag && status.container.level >= 2;
      if (!serving) {
        // Level 2 at least, and never below what the owner already chose.
        const level = Math.max(2, status.container?.level ?? 2) as 2 | 3;
        const outcome = await service.setLevel({ level, image: image.tag });
        if (outcome.outcome !== 'switched') throw new AirlockError('unavailable', outcome.message);
      }
      const now = await service.status();
      if (now.state !== 'running' || !now.container)
        throw new AirlockError('unavailable', now.message ?? 'The sandbox did not stay running.');
      this.emit(operationId, 'sandbox', 'done');

      step = 'model';
      this.emit(operationId, 'model', 'running');
      const demo = await this.deps.writeDemo();
      await putModelInSandbox({
        docker,
        instance: this.deps.instance,
        volume: now.settings.volume,
        imageRef: image.tag,
        image: now.container.imageId,
        owner: now.container.level >= 2 ? sandboxUser : '0:0',
        source: demo.path,
        fileName: demoFileName,
      });
      const result: SafeChatResult = {
        runtime: 'sandbox',
        level: now.container.level,
        image: image.tag,
        model: demo.name,
      };
      this.emit(operationId, 'model', 'done', { result });
    } catch (error) {
      this.deps.log(`start safe chat failed at ${step}: ${String(error)}`);
      this.emit(operationId, step, 'failed', { reason: 'failed', message: sentence(error) });
    }
  }

  private async withoutSandbox(operationId: string): Promise<void> {
    const message = 'No sandbox: the model runs on this computer with your permissions.';
    this.emit(operationId, 'docker', 'skipped', { message });
    this.emit(operationId, 'runtime', 'skipped', { message });
    this.emit(operationId, 'sandbox', 'skipped', { message });
    try {
      this.emit(operationId, 'model', 'running');
      const demo = await this.deps.writeDemo();
      this.emit(operationId, 'model', 'done', { result: { runtime: 'builtin', model: demo.name } });
    } catch (error) {
      this.emit(operationId, 'model', 'failed', { reason: 'failed', message: sentence(error) });
    }
  }
}

/** The core's own sentences pass through; anything else becomes a kind one without internals. */
function sentence(error: unknown): string {
  if (error instanceof AirlockError) return error.message.endsWith('.') ? error.message : `${error.message}.`;
  return 'Something went wrong while preparing the safe chat. Try again; if it keeps failing, the Security view shows the sandbox’s own messages.';
}
