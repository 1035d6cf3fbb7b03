// Loads through the real engine: a tiny busybox image made just for this
// file (a random label gives it an id no other test shares), saved with the
// Docker CLI, removed, then loaded back through loadImageTar.
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDocker } from './docker-connect';
import { discoverEngine } from './engine-discovery';
import { checkTarPath, loadedImages, loadImageTar } from './image-load';
import { imageInfo } from './images';
import { dockerCli } from './testing/runtime-image';

const run = promisify(execFile);
const found = discoverEngine();
if (!found.ok) throw new Error(found.message);
const docker = connectDocker(found.endpoint);

const nonce = randomBytes(5).toString('hex');
const tag = `airlock-load-test-${nonce}:1`;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'airlock-load-'));
  const context = join(dir, 'context');
  mkdirSync(context);
  copyFileSync('/bin/busybox', join(context, 'busybox'));
  writeFileSync(
    join(context, 'Dockerfile'),
    `FROM scratch\nCOPY busybox /bin/busybox\nLABEL airlock.test.nonce=${nonce}\n`,
  );
  await run(dockerCli, ['build', '-q', '-t', tag, context], { timeout: 120_000 });
}, 150_000);

afterAll(async () => {
  await run(dockerCli, ['rmi', '-f', tag]).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('loading an image archive (real engine)', () => {
  it('loads a docker save archive back after the image was removed', async () => {
    const archive = join(dir, 'image.tar');
    await run(dockerCli, ['save', '-o', archive, tag]);
    const before = await imageInfo(docker, tag);
    expect(before.present).toBe(true);
    await run(dockerCli, ['rmi', tag]);
    expect((await imageInfo(docker, tag)).present).toBe(false);

    expect(await loadImageTar(docker, archive)).toEqual({ images: [tag] });
    const after = await imageInfo(docker, tag);
    expect(after).toMatchObject({ present: true, id: before.present ? before.id : 'missing' });
  });

  it('says a corrupt archive is not an image, with the engine message kept for support', async () => {
    const corrupt = join(dir, 'random.tar');
    writeFileSync(corrupt, randomBytes(8192));
    const loading = loadImageTar(docker, corrupt);
    await expect(loading).rejects.toMatchObject({
      name: 'AirlockError',
      code: 'invalid_input',
      message: `Docker could not load an image from ${corrupt}: it does not look like an archive from "docker save", or it is damaged.`,
    });
    const error = (await loading.catch((e: unknown) => e)) as { details?: { engineMessage?: string } };
    expect(error.details?.engineMessage).toMatch(/tar/);
  });

  it('refuses a missing path without calling the engine', async () => {
    // An engine that is not there: any call to it would fail with "Docker is not running".
    const nobody = connectDocker({
      kind: 'socket',
      path: '/tmp/airlock-no-such-engine.sock',
      source: 'a test',
    });
    const missing = join(dir, 'missing.tar');
    await expect(loadImageTar(nobody, missing)).rejects.toMatchObject({
      code: 'not_found',
      message: `There is no file at ${missing}.`,
    });
  });
});

describe('checking the archive path', () => {
  it('names the rule that failed', () => {
    expect(() => checkTarPath('image.tar')).toThrow('Give the full path of the image file, not "image.tar".');
    expect(() => checkTarPath(join(tmpdir(), 'image.tar.gz'))).toThrow(/is not a \.tar file/);
    const folder = mkdtempSync(join(tmpdir(), 'airlock-folder-')) + '.tar';
    mkdirSync(folder);
    try {
      expect(() => checkTarPath(folder)).toThrow(`${folder} is a folder, not an image file.`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  // Root may read any file, so the permission rule can only be seen as another user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) console.info('checkTarPath permission case skipped: tests run as root, who may read any file.');
  it.skipIf(asRoot)('refuses a file this user may not read', () => {
    const locked = join(dir, 'locked.tar');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    expect(() => checkTarPath(locked)).toThrow(
      `Airlock may not read ${locked}. Check the file's permissions.`,
    );
  });

  it('reads both kinds of "Loaded image" line', () => {
    expect(
      loadedImages([
        { stream: 'Loaded image: busybox:latest\n' },
        { stream: 'Loaded image ID: sha256:' + 'b'.repeat(64) + '\n' },
        { stream: 'some progress\n' },
      ]),
    ).toEqual(['busybox:latest', 'sha256:' + 'b'.repeat(64)]);
  });
});
