// The built-in engine's image (issue 4): how long a cold build takes, how
// long "Start safe chat" spends finding the unchanged image again (against
// the cold build, measured in the same run), and the first answer from the
// engine inside a level-2 container against the same engine on the host.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startBuiltinEngine } from '../electron/core/engines/builtin/start-builtin-engine';
import { buildDemoModel } from '../electron/core/engines/demo-model';
import { encodeGguf } from '../electron/core/engines/gguf-write';
import { ensureEngineImage } from '../electron/core/engines/image/engine-image';
import { docker } from '../electron/core/sandbox/testing/docker-kit';
import { budget } from './stats';

const run = promisify(execFile);
const entry = join(process.cwd(), 'dist', 'builtin-engine', 'index.mjs');
const repo = 'airlock-engine-bench';
const body = JSON.stringify({
  model: 'airlock-demo:latest',
  stream: false,
  messages: [{ role: 'user', content: 'hello' }],
  options: { num_predict: 4, seed: 1 },
});

async function firstAnswer(url: string, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  for (;;) {
    const res = await fetch(`${url}/api/chat`, { method: 'POST', headers, body }).catch(() => undefined);
    if (res?.ok) {
      await res.json();
      return performance.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<boolean> {
  const models = mkdtempSync(join(tmpdir(), 'airlock-bench-models-'));
  writeFileSync(join(models, 'airlock-demo.gguf'), encodeGguf(buildDemoModel(1)));
  const name = `${repo}-run`;
  try {
    for (const image of await docker.listImages({ filters: { reference: [repo] } }))
      await docker.getImage(image.Id).remove({ force: true });
    const packagesRoot = process.cwd();
    let started = performance.now();
    const cold = await ensureEngineImage(docker, { repo, entry, packagesRoot });
    const coldMs = performance.now() - started;
    started = performance.now();
    const warm = await ensureEngineImage(docker, { repo, entry, packagesRoot });
    const warmMs = performance.now() - started;
    console.log(
      `engine image: cold build ${coldMs.toFixed(0)} ms (built ${cold.built}), unchanged ${warmMs.toFixed(0)} ms (built ${warm.built})`,
    );

    // The host engine: spawn to first answer.
    started = performance.now();
    const host = await startBuiltinEngine({ modelsDir: models, entry, threads: 1, gpu: false });
    const hostMs = performance.now() - started + (await firstAnswer(host.url, host.headers));
    await host.stop();

    // The same engine in a container with the level-2 flags, the model copied into its volume by the CLI.
    await run('/usr/bin/docker', ['rm', '-f', name]).catch(() => undefined);
    await run('/usr/bin/docker', [
      'create',
      '--name',
      name,
      '--read-only',
      '--user',
      '10001:10001',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges:true',
      '--tmpfs',
      '/tmp:rw,noexec,nosuid',
      '--memory',
      '512m',
      '--pids-limit',
      '100',
      '-p',
      '127.0.0.1::11434',
      '--mount',
      `type=volume,source=${name}-models,target=/models`,
      cold.tag,
    ]);
    await run('/usr/bin/docker', ['cp', join(models, 'airlock-demo.gguf'), `${name}:/models/`]);
    started = performance.now();
    await run('/usr/bin/docker', ['start', name]);
    const { stdout } = await run('/usr/bin/docker', ['port', name, '11434/tcp']);
    const port = /127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
    const containerMs = performance.now() - started + (await firstAnswer(`http://127.0.0.1:${port}`));
    console.log(`first answer: host ${hostMs.toFixed(0)} ms, level-2 container ${containerMs.toFixed(0)} ms`);
    console.log(`ratio container / host: ${(containerMs / hostMs).toFixed(2)}`);
    const a = budget('unchanged image vs cold build', warmMs / coldMs, 0.5, 'x');
    const b = budget('first answer, container vs host', containerMs / hostMs, 3, 'x');
    return a && b;
  } finally {
    await run('/usr/bin/docker', ['rm', '-f', name]).catch(() => undefined);
    for (const image of await docker.listImages({ filters: { reference: [repo] } }))
      await docker.getImage(image.Id).remove({ force: true });
    rmSync(models, { recursive: true, force: true });
    await run('/usr/bin/docker', ['volume', 'rm', '-f', `${name}-models`]).catch(() => undefined);
  }
}

main().then(
  (ok) => (process.exitCode = ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
