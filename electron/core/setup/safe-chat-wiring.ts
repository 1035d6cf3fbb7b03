// Builds "Start safe chat" from the core's parts: the sandbox service, the
// engine connection, the built-in engine's demo model and the engine image.
import { dirname, join } from 'node:path';
import type { BuiltinRuntime } from '../chat/builtin-runtime';
import { AirlockError } from '../errors';
import type { EventHub } from '../event-hub';
import { defaultEngineEntry } from '../engines/builtin/start-builtin-engine';
import { ensureEngineImage, engineImageRepo } from '../engines/image/engine-image';
import { findPackagesRoot } from '../engines/image/engine-image-inputs';
import type { Sandbox } from '../sandbox/sandbox-setup';
import { instanceId } from '../sandbox/sandbox-settings';
import { SafeChatSetup } from './safe-chat-setup';

export interface SafeChatWiring {
  dataDir: string;
  events: EventHub;
  sandbox: Sandbox;
  builtin: Pick<BuiltinRuntime, 'writeDemoModel'>;
  /** The engine child to put in the image; the built one next to dist/ by default. */
  engineEntry?: string;
  log: (line: string) => void;
}

export function createSafeChat(wiring: SafeChatWiring): SafeChatSetup {
  const entry = wiring.engineEntry ?? defaultEngineEntry();
  // Tests give the image a name of their own, so they never touch the product's.
  const repo = process.env.AIRLOCK_ENGINE_IMAGE || engineImageRepo;
  return new SafeChatSetup({
    events: wiring.events,
    instance: instanceId(wiring.dataDir),
    sandbox: async () => {
      await wiring.sandbox.ready;
      return wiring.sandbox.service;
    },
    docker: async () => (await wiring.sandbox.connect()).docker,
    writeDemo: async () => {
      const demo = await wiring.builtin.writeDemoModel();
      // BuiltinRuntime writes it here under this name (chat/builtin-runtime.ts).
      return { name: demo.name, path: join(wiring.dataDir, 'models', 'airlock-demo.gguf') };
    },
    engineImage: (docker) => {
      const packagesRoot = findPackagesRoot(dirname(entry));
      if (!packagesRoot) {
        throw new AirlockError(
          'unavailable',
          'Airlock could not find the llama.cpp files it builds its engine image from. Reinstalling Airlock puts them back.',
        );
      }
      return ensureEngineImage(docker, { repo, entry, packagesRoot, onProgress: () => undefined });
    },
    log: wiring.log,
  });
}
