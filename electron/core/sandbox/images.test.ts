import { describe, expect, it } from 'vitest';
import { imageRefSchema } from '../../../shared/sandbox-contract';
import { connectDocker } from './docker-connect';
import { discoverEngine } from './engine-discovery';
import {
  defaultRuntimeImage,
  defaultRuntimeVersion,
  imageInfo,
  runtimeVersionFloor,
  runtimeVersionOk,
} from './images';
import { buildTestRuntimeImage, testRuntimeImage } from './testing/runtime-image';

describe('runtime version floor (CT-05)', () => {
  it('accepts 0.17.1 and later, nothing earlier, and no garbage', () => {
    expect(runtimeVersionFloor).toBe('0.17.1');
    expect(runtimeVersionOk('0.17.0')).toBe(false);
    expect(runtimeVersionOk('0.17.1')).toBe(true);
    expect(runtimeVersionOk('v0.17.1')).toBe(true);
    expect(runtimeVersionOk('0.17.10')).toBe(true);
    expect(runtimeVersionOk('0.18.0')).toBe(true);
    expect(runtimeVersionOk('1.0.0')).toBe(true);
    expect(runtimeVersionOk('0.9.99')).toBe(false);
    expect(runtimeVersionOk('0.1.34')).toBe(false);
    // A release candidate of the floor may predate the fix; one of a later version does not.
    expect(runtimeVersionOk('0.17.1-rc0')).toBe(false);
    expect(runtimeVersionOk('0.17.2-rc1')).toBe(true);
    for (const garbage of ['', 'garbage', '0.17', '0.17.1.2', ' ', 'latest', '0.17.x', '-0.17.1']) {
      expect(runtimeVersionOk(garbage), garbage).toBe(false);
    }
  });

  it('pins the default image by digest at a version above the floor', () => {
    expect(imageRefSchema.safeParse(defaultRuntimeImage).success).toBe(true);
    expect(defaultRuntimeImage).toMatch(/^ollama\/ollama:[\d.]+@sha256:[a-f0-9]{64}$/);
    expect(defaultRuntimeImage).toContain(`:${defaultRuntimeVersion}@`);
    expect(runtimeVersionOk(defaultRuntimeVersion)).toBe(true);
  });
});

describe('image info (real engine)', () => {
  const found = discoverEngine();
  if (!found.ok) throw new Error(found.message);
  const docker = connectDocker(found.endpoint);

  it('describes an image the engine has', async () => {
    await buildTestRuntimeImage();
    const info = await imageInfo(docker, testRuntimeImage);
    expect(info).toMatchObject({ ref: testRuntimeImage, present: true, repoDigests: [] });
    if (!info.present) return;
    expect(info.id).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(info.repoTags).toContain(testRuntimeImage);
    expect(info.sizeBytes).toBeGreaterThan(0);
  });

  it('says absent for an image the engine does not have', async () => {
    expect(await imageInfo(docker, 'airlock-no-such-image:0')).toEqual({
      ref: 'airlock-no-such-image:0',
      present: false,
    });
  });

  it('says Docker is not running when nothing answers', async () => {
    const gone = connectDocker({
      kind: 'socket',
      path: '/tmp/airlock-no-such-engine.sock',
      source: 'a test',
    });
    await expect(imageInfo(gone, 'x:1')).rejects.toMatchObject({
      name: 'AirlockError',
      code: 'unavailable',
      message: 'Docker is not running, so Airlock cannot reach it. Start Docker and try again.',
    });
  });
});
