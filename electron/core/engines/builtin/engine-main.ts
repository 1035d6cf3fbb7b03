// The built-in engine's child process (dist/builtin-engine/index.mjs). It is
// never loaded into the UI or core process: a hostile GGUF can hit a native
// assert that aborts whichever process holds llama.cpp. Started by
// start-builtin-engine.ts with an IPC channel, it dies with its parent; run
// by hand (e.g. in a container) it just serves.
//   node index.mjs '{"modelsDir":"/models","host":"0.0.0.0","port":11434}'
import { availableParallelism } from 'node:os';
import type { Llama } from 'node-llama-cpp';
import { createEngineServer } from './engine-server';
import {
  engineTokenEnv,
  engineVersion,
  type EngineChildConfig,
  type EngineChildMessage,
  type NodeLlamaCpp,
} from './engine-protocol';
import { ModelFolder } from './model-folder';
import { ModelRunner } from './model-runner';

function readConfig(): EngineChildConfig {
  const given = JSON.parse(process.argv[2] ?? '{}') as Partial<EngineChildConfig>;
  return {
    modelsDir: given.modelsDir ?? process.cwd(),
    host: given.host ?? '127.0.0.1',
    port: given.port ?? 0,
    // FACTS.md: on 2 cores the default thread count was 30-60x slower than 1.
    threads: given.threads ?? (availableParallelism() <= 2 ? 1 : Math.floor(availableParallelism() / 2)),
    gpu: given.gpu ?? 'auto',
    contextSize: Math.max(512, given.contextSize ?? 2048),
  };
}

function tell(message: EngineChildMessage): void {
  if (process.send) process.send(message);
  else console.log(JSON.stringify(message));
}

function die(message: EngineChildMessage): void {
  if (!process.send) {
    console.log(JSON.stringify(message));
    process.exit(1);
  }
  // Exit only once the message has left, or the launcher sees a bare exit code.
  process.send(message, () => process.exit(1));
}

async function main(): Promise<void> {
  const config = readConfig();
  let nlc: NodeLlamaCpp;
  let llama: Llama;
  try {
    // Imported here, not at the top, so a missing package or an addon that will not load is one clear message.
    nlc = await import('node-llama-cpp');
    // build: 'never': never download or compile llama.cpp at run time; only installed builds load.
    llama = await nlc.getLlama({
      gpu: config.gpu,
      build: 'never',
      maxThreads: config.threads,
      logLevel: nlc.LlamaLogLevel.warn,
    });
  } catch (error) {
    return die({
      type: 'fatal',
      reason: 'native-addon',
      message: (error as Error).message.split('\n')[0] ?? '',
    });
  }
  const runner = new ModelRunner(
    llama,
    { threads: config.threads, contextSize: config.contextSize },
    nlc.LlamaChat,
  );
  const token = process.env[engineTokenEnv] || undefined;
  delete process.env[engineTokenEnv];
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(config.host);
  const server = createEngineServer({
    folder: new ModelFolder(config.modelsDir, nlc),
    runner,
    contextSize: config.contextSize,
    gate: { loopbackOnly: loopback, token },
    log: (line) => console.error(line),
  });

  const shutdown = (): void => {
    server.close();
    server.closeAllConnections();
    void runner.dispose().finally(() => process.exit(0));
    // A native call that never returns must not keep the process alive.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The IPC channel closes when the parent exits, even on SIGKILL: no orphaned engine.
  process.on('disconnect', shutdown);

  server.on('error', (error) => die({ type: 'fatal', reason: 'listen', message: error.message }));
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    tell({ type: 'ready', port, version: engineVersion, gpu: llama.gpu });
  });
}

void main();
