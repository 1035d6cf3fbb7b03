// How the built-in engine fails: a GGUF that aborts llama.cpp kills only the
// child (the launcher says so; this process lives on), a native library that
// cannot load is one sentence, and the child never outlives its parent.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AirlockError } from '../../errors';
import { startBuiltinEngine } from './start-builtin-engine';
import { bundleEngine, modelsFolder, withoutKey } from './testing/engine-fixture';

let bundle: Awaited<ReturnType<typeof bundleEngine>>;
const models = modelsFolder();

beforeAll(async () => {
  bundle = await bundleEngine();
});
afterAll(() => {
  models.remove();
  bundle?.remove();
});

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('built-in engine failures', () => {
  it('survives, in the parent, a GGUF whose native assert aborts the engine', async () => {
    models.add('broken.gguf', withoutKey('llama.feed_forward_length'));
    const engine = await startBuiltinEngine({
      modelsDir: models.dir,
      entry: bundle.entry,
      gpu: false,
      threads: 1,
    });
    const answer = await fetch(`${engine.url}/api/chat`, {
      method: 'POST',
      headers: engine.headers,
      body: JSON.stringify({ model: 'broken', messages: [{ role: 'user', content: 'hi' }] }),
    }).then(
      (res) => `status ${res.status}`,
      (error: unknown) => `failed: ${(error as Error).message}`,
    );
    expect(answer).toMatch(/^failed/); // the connection dropped: the child is gone mid-request
    const exit = await engine.exited;
    expect(exit.expected).toBe(false);
    expect(exit.signal).toBe('SIGABRT');
    expect(exit.sentence).toMatch(
      /^The built-in engine stopped unexpectedly \(signal SIGABRT\); its last message: .+\.$/,
    );
    expect(exit.logTail.join('\n')).toMatch(/GGML_ASSERT|feed_forward_length|n_ff/i);
    expect(alive(process.pid)).toBe(true);
  });

  it('says in one sentence when llama.cpp cannot load', async () => {
    // A child that cannot find node-llama-cpp, as where its native package did not install.
    const lonely = await bundleEngine(true);
    try {
      const started = startBuiltinEngine({ modelsDir: models.dir, entry: lonely.entry });
      await expect(started).rejects.toBeInstanceOf(AirlockError);
      await expect(started).rejects.toThrow(
        /^The built-in engine could not load llama\.cpp's native library \(.*node-llama-cpp.*\)\.$/,
      );
    } finally {
      lonely.remove();
    }
  });

  it('stops when its parent is killed, even with SIGKILL', async () => {
    // A stand-in parent that starts the child the way the launcher does (with an IPC channel) and prints its pid.
    const parentScript = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, [process.argv[1], process.argv[2]], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      child.on('message', (m) => { if (m.type === 'ready') console.log(child.pid); });`;
    const config = JSON.stringify({ modelsDir: models.dir, gpu: false, threads: 1 });
    const parent = spawn(process.execPath, ['-e', parentScript, bundle.entry, config], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const childPid = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
    );
    expect(alive(childPid)).toBe(true);
    parent.kill('SIGKILL');
    await expect.poll(() => alive(childPid), { timeout: 5000, interval: 50 }).toBe(false);
  });
});
