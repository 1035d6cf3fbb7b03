// Builds the sandbox service from the store and the engine, and settles what
// a previous run left behind (TX-01) before the first sandbox call is served.
import { AirlockError } from '../errors';
import type { EventHub } from '../event-hub';
import { settingKeys, type SettingsStore } from '../store/settings-store';
import type { SwitchJournal } from '../store/switch-journal';
import { EngineConnection, type Engine } from './engine-connection';
import { defaultRuntimeImage } from './images';
import { withHostCanary } from './host-canary';
import { reconcileSwitch } from './reconcile-switch';
import { SandboxService } from './sandbox-service';
import { defaultSettings, instanceId, thisMachine } from './sandbox-settings';
import { verifySandbox } from './verify';

export interface SandboxSetup {
  dataDir: string;
  events: EventHub;
  settings: SettingsStore;
  journal: SwitchJournal;
  log: (line: string) => void;
  /** Seconds a new runtime may take to answer GET /api/version (the real Ollama needs a few). */
  readyTimeoutMs?: number;
  crashAt?: string;
}

export interface Sandbox {
  service: SandboxService;
  /** Settles once an unfinished switch is resolved and the serving runtime adopted; never rejects. */
  ready: Promise<void>;
  /** The engine in use, or an AirlockError saying why there is none (the one door to Docker). */
  connect: () => Promise<Engine>;
}

export function createSandbox(setup: SandboxSetup): Sandbox {
  const instance = instanceId(setup.dataDir);
  const engine = new EngineConnection();
  const { key, schema } = settingKeys.sandbox;
  const settings = {
    load: () => setup.settings.get(key, schema),
    save: (value: Parameters<SettingsStore['set']>[1]) => setup.settings.set(key, value),
  };
  const service = new SandboxService({
    connect: () => engine.get(),
    events: setup.events,
    settings,
    defaults: () => defaultSettings(defaultRuntimeImage, instance, thisMachine()),
    lastSwitch: () => {
      const last = setup.journal.last();
      if (!last || last.state === 'running' || last.state === 'rolling_back') return undefined;
      return {
        operationId: last.id,
        outcome: last.state === 'switched' ? 'switched' : last.state,
        level: last.state === 'switched' ? last.to.level : (last.from?.level ?? last.to.level),
        ...(last.state === 'switched' ? {} : { failedStep: last.step }),
        message: last.message ?? '',
        durationMs: last.updatedAt - last.createdAt,
      };
    },
    instance,
    journal: setup.journal,
    // Every verify gets a canary on this machine's docker0 address, where there is one.
    verify: (target) =>
      withHostCanary(target.docker, (own) =>
        verifySandbox({ ...target, canaries: [...target.canaries, ...own] }),
      ),
    canaries: () => [],
    readyTimeoutMs: setup.readyTimeoutMs ?? 60_000,
    ...(setup.crashAt ? { crashAt: setup.crashAt } : {}),
    log: setup.log,
  });

  const ready = (async () => {
    try {
      const { docker } = await engine.get();
      await reconcileSwitch({ docker, instance, journal: setup.journal, settings, log: setup.log });
      await service.adopt(docker);
    } catch (error) {
      // No engine yet is normal (Docker not started): status says so. Anything else is worth a log line.
      if (!(error instanceof AirlockError && error.code === 'unavailable')) {
        setup.log(
          `sandbox: nothing adopted at start (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
  })();
  return { service, ready, connect: () => engine.get() };
}
