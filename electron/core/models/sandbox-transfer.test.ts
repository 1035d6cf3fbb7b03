// Copying a model into a sandbox volume on the real engine: the file arrives
// whole under its name and owner, and a refused name or a copy that fails
// leaves nothing in the volume, not even the hidden partial file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AirlockError } from '../errors';
import { demuxLogLines } from '../sandbox/sandbox-service';
import { ensureVolume } from '../sandbox/docker-sandbox';
import { docker, removeInstance, testInstance } from '../sandbox/testing/docker-kit';
import { buildTestRuntimeImage } from '../sandbox/testing/runtime-image';
import { putModelInSandbox, type SandboxTransfer } from './sandbox-transfer';

const instance = testInstance();
const volume = `airlock-${instance}-models`;
const dir = mkdtempSync(join(tmpdir(), 'airlock-h2-transfer-'));
const source = join(dir, 'tiny.gguf');
let image = '';

beforeAll(async () => {
  image = await buildTestRuntimeImage();
  await ensureVolume(docker, volume, instance);
  writeFileSync(source, Buffer.from('GGUF and then some model bytes'));
}, 120_000);

afterAll(async () => {
  await removeInstance(instance);
  rmSync(dir, { recursive: true, force: true });
});

const transfer = (extra: Partial<SandboxTransfer>): SandboxTransfer => ({
  docker,
  instance,
  volume,
  imageRef: image,
  image,
  owner: '10001:10001',
  source,
  fileName: 'tiny.gguf',
  ...extra,
});

/** What the volume holds, listed by a throwaway container of the stand-in image. */
async function inVolume(script: string): Promise<string[]> {
  const container = await docker.createContainer({
    Image: image,
    Cmd: ['sh', '-c', script],
    Labels: { 'airlock.instance': instance, 'airlock.role': 'probe' },
    HostConfig: { NetworkMode: 'none', Mounts: [{ Type: 'volume', Source: volume, Target: '/models' }] },
  });
  await container.start();
  await container.wait();
  const lines = demuxLogLines(await container.logs({ stdout: true, stderr: true, follow: false }));
  await container.remove({ force: true });
  return lines;
}

describe('a model copied into the sandbox volume', () => {
  it('arrives whole, under its name, owned by the sandbox user, with no partial left', async () => {
    await expect(putModelInSandbox(transfer({}))).resolves.toEqual({ path: '/models/tiny.gguf' });
    expect(await inVolume('cat /models/tiny.gguf; echo; stat -c %u:%a /models/tiny.gguf')).toEqual([
      'GGUF and then some model bytes',
      '10001:644',
    ]);
    expect(await inVolume('ls -A /models')).toEqual(['tiny.gguf']);
  }, 60_000);

  it('refuses a name that is not a plain .gguf file name and writes nothing', async () => {
    const refused = putModelInSandbox(transfer({ fileName: '../escape.gguf' }));
    await expect(refused).rejects.toBeInstanceOf(AirlockError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await inVolume('ls -A /models')).toEqual(['tiny.gguf']);
  }, 60_000);

  it('says so in a sentence when the copy fails, and leaves no half-written file', async () => {
    const failed = putModelInSandbox(transfer({ source: join(dir, 'gone.gguf'), fileName: 'gone.gguf' }));
    await expect(failed).rejects.toThrow(/^Airlock could not copy the model into the sandbox/);
    expect(await inVolume('ls -A /models')).toEqual(['tiny.gguf']);
  }, 60_000);
});
