// The guard in front of a real level-3 sandbox on the real engine: no
// network in the container, every pipe an exec through the Docker API. A
// refusal must not even open an exec; an allowed call answers through one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinImage } from './docker-sandbox';
import { RuntimeEndpoint, type Upstream } from './runtime-endpoint';
import { call } from './testing/fake-runtime';
import { docker, removeInstance, testInstance } from './testing/docker-kit';
import { buildTestRuntimeImage, testRuntimeVersion } from './testing/runtime-image';
import { startSandbox, type Stand } from './testing/verify-stand';

const instance = testInstance();
let stand: Stand;
let endpoint: RuntimeEndpoint;
let port = 0;
let execs = 0;

beforeAll(async () => {
  const image = await buildTestRuntimeImage();
  stand = await startSandbox(3, { instance, image, pinned: await pinImage(docker, image) });
  const counted: Upstream = () => {
    execs += 1;
    return stand.upstream();
  };
  endpoint = new RuntimeEndpoint(() => {});
  port = await endpoint.listen(0);
  endpoint.route(counted);
}, 120_000);

afterAll(async () => {
  await endpoint?.close();
  await removeInstance(instance);
});

describe('the guard in front of a level-3 sandbox', () => {
  it('reaches a sandbox that has no network only through exec pipes', () => {
    expect(stand.info.HostConfig.NetworkMode).toBe('none');
    expect(stand.info.NetworkSettings.Ports ?? {}).toEqual({});
  });

  it('answers the chat token’s calls through the exec pipe, one after another', async () => {
    // busybox httpd closes every connection, so each call needs a fresh pipe:
    // a closed one must leave the pool rather than fail the next call.
    for (let i = 0; i < 3; i++) await expect(endpoint.fetchVersion(10_000)).resolves.toBe(testRuntimeVersion);
    const tags = await call(port, {
      path: '/api/tags',
      headers: { authorization: `Bearer ${endpoint.tokenFor('chat')}` },
    });
    expect({ status: tags.status, body: tags.text }).toEqual({ status: 200, body: '{"models":[]}' });
    expect(execs).toBe(4);
  });

  it('opens no exec for a forged Host, a missing token or a chat-token pull', async () => {
    const before = execs;
    const chat = { authorization: `Bearer ${endpoint.tokenFor('chat')}` };
    const forged = await call(port, {
      path: '/api/tags',
      headers: { ...chat, host: `rebind.attacker.test:${port}` },
    });
    expect(forged.status).toBe(403);
    expect((await call(port, { path: '/api/version' })).status).toBe(403);
    const pull = await call(port, {
      method: 'POST',
      path: '/api/pull',
      headers: chat,
      body: '{"name":"llama3"}',
    });
    expect(pull.status).toBe(403);
    const evil = await call(port, {
      method: 'POST',
      path: '/api/pull',
      headers: { authorization: `Bearer ${endpoint.tokenFor('models')}` },
      body: '{"name":"evil.test:8443/attacker/m"}',
    });
    expect(evil.status).toBe(403);
    expect(execs).toBe(before);
  });
});
