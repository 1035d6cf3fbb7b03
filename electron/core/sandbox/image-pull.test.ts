import { describe, expect, it } from 'vitest';
import { connectDocker } from './docker-connect';
import { discoverEngine } from './engine-discovery';
import { pullFailure, pullImage, pullReference } from './image-pull';
import type { LayerProgress } from './pull-progress';

const found = discoverEngine();
if (!found.ok) throw new Error(found.message);
const docker = connectDocker(found.endpoint);
const digest = 'sha256:' + 'a'.repeat(64);

describe('pulling an image', () => {
  it('sends name@digest when a reference has both tag and digest', () => {
    expect(pullReference(`ollama/ollama:0.20.2@${digest}`)).toBe(`ollama/ollama@${digest}`);
    expect(pullReference(`localhost:5000/a/b:1@${digest}`)).toBe(`localhost:5000/a/b@${digest}`);
    expect(pullReference(`localhost:5000/a/b@${digest}`)).toBe(`localhost:5000/a/b@${digest}`);
    expect(pullReference('ollama/ollama:0.20.2')).toBe('ollama/ollama:0.20.2');
  });

  it('says the registry is unreachable, from the real engine and a closed loopback port', async () => {
    const calls: LayerProgress[][] = [];
    const pulling = pullImage(docker, '127.0.0.1:9/airlock/none:1', (layers) => calls.push(layers));
    await expect(pulling).rejects.toMatchObject({
      name: 'AirlockError',
      code: 'unavailable',
      message:
        "Airlock could not reach the registry for 127.0.0.1:9/airlock/none:1. Check this machine's network, or load the image from a file instead.",
    });
    const error = (await pulling.catch((e: unknown) => e)) as { details?: { engineMessage?: string } };
    expect(error.details?.engineMessage).toMatch(/127\.0\.0\.1:9.*connection refused/);
    expect(calls).toEqual([]);
  });

  it('pulls by digest through the same path (and fails the same way)', async () => {
    await expect(
      pullImage(docker, `127.0.0.1:9/airlock/none:1@${digest}`, () => undefined),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('could not reach the registry') as string,
    });
  });

  it('refuses a reference that is not an image name before calling the engine', async () => {
    const nobody = connectDocker({
      kind: 'socket',
      path: '/tmp/airlock-no-such-engine.sock',
      source: 'a test',
    });
    await expect(pullImage(nobody, 'UPPER/case; rm -rf /', () => undefined)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('says Docker is not running when nothing answers', async () => {
    const nobody = connectDocker({
      kind: 'socket',
      path: '/tmp/airlock-no-such-engine.sock',
      source: 'a test',
    });
    await expect(pullImage(nobody, 'busybox:1', () => undefined)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^Docker is not running/) as string,
    });
  });

  it('turns registry answers into one sentence each', () => {
    const ref = 'ollama/ollama:0.20.2';
    expect(
      pullFailure(ref, 'manifest for ollama/ollama:9.9.9 not found: manifest unknown: manifest unknown'),
    ).toMatchObject({
      code: 'not_found',
      message: 'The registry has no image ollama/ollama:0.20.2. Check the name, tag and digest.',
    });
    expect(
      pullFailure(
        ref,
        "pull access denied for airlock/private, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      ),
    ).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/does not exist, or it is private/) as string,
    });
    expect(pullFailure(ref, 'Head "https://ghcr.io/v2/x/manifests/1": unauthorized')).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/needs a login/) as string,
    });
    expect(
      pullFailure(
        ref,
        'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host',
      ),
    ).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/could not reach the registry/) as string,
    });
    expect(pullFailure(ref, 'write /var/lib/docker/tmp/x: no space left on device')).toMatchObject({
      code: 'unavailable',
      message:
        'Docker could not pull ollama/ollama:0.20.2: write /var/lib/docker/tmp/x: no space left on device',
    });
  });
});
