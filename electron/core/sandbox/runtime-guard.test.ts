// NET-01 and NET-02 over real sockets: the guard in front of a real HTTP
// server that counts what reaches it. Every refusal must leave it untouched.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeEndpoint } from './runtime-endpoint';
import { newToken, type Caller } from './runtime-guard';
import { call, errorOf, startFakeRuntime, type FakeRuntime } from './testing/fake-runtime';

let fake: FakeRuntime;
let endpoint: RuntimeEndpoint;
let port = 0;
const logs: string[] = [];
const digest = `sha256:${'ab'.repeat(32)}`;

beforeAll(async () => {
  fake = await startFakeRuntime();
  endpoint = new RuntimeEndpoint((line) => logs.push(line), { allowedOrigins: ['http://127.0.0.1:5173'] });
  port = await endpoint.listen(0);
  endpoint.route(fake.upstream);
});

afterAll(async () => {
  await endpoint.close();
  await fake.close();
});

afterEach(() => {
  fake.hits.length = 0;
});

const bearer = (caller: Caller) => ({ authorization: `Bearer ${endpoint.tokenFor(caller)}` });

type Row = [who: Caller | 'none', method: string, path: string, body: string | undefined, status: number];

// (caller, method, path, body) → status. 200 means it reached the runtime; anything else means it did not.
const table: Row[] = [
  ['chat', 'GET', '/api/version', undefined, 200],
  ['chat', 'GET', '/api/tags', undefined, 200],
  ['chat', 'GET', '/api/ps', undefined, 200],
  ['chat', 'POST', '/api/show', '{"model":"llama3"}', 200],
  ['chat', 'POST', '/api/generate', '{"model":"llama3","prompt":"hi"}', 200],
  ['chat', 'POST', '/api/pull', '{"name":"llama3"}', 403],
  ['chat', 'POST', '/api/push', '{"name":"llama3"}', 403],
  ['chat', 'POST', '/api/create', '{"model":"m","from":"llama3"}', 403],
  ['chat', 'POST', '/api/copy', '{"source":"a","destination":"b"}', 403],
  ['chat', 'DELETE', '/api/delete', '{"model":"llama3"}', 403],
  ['chat', 'POST', `/api/blobs/${digest}`, 'GGUF', 403],
  ['chat', 'HEAD', `/api/blobs/${digest}`, undefined, 403],
  ['chat', 'DELETE', '/api/tags', undefined, 403],
  ['chat', 'PUT', '/api/chat', '{}', 403],
  ['chat', 'GET', '/api/embed', undefined, 404],
  ['chat', 'GET', '/', undefined, 404],
  ['chat', 'POST', '/api/%70ull', '{"name":"llama3"}', 404],
  ['chat', 'POST', '/api/tags/../pull', '{"name":"llama3"}', 404],
  ['chat', 'POST', '//api/pull', '{"name":"llama3"}', 404],
  ['chat', 'POST', '/api/pull/', '{"name":"llama3"}', 404],
  ['chat', 'POST', '/API/PULL', '{"name":"llama3"}', 404],
  ['models', 'GET', '/api/version', undefined, 200],
  ['models', 'POST', '/api/pull', '{"name":"llama3"}', 200],
  ['models', 'POST', '/api/pull', '{"model":"registry.ollama.ai/library/llama3:8b","stream":true}', 200],
  ['models', 'POST', '/api/pull', '{"name":"library/qwen2.5:0.5b-instruct-q4_K_M"}', 200],
  ['models', 'POST', '/api/pull', '{"name":"evil.test:8443/attacker/m"}', 403],
  ['models', 'POST', '/api/pull', '{"name":"evil.test/m"}', 403],
  ['models', 'POST', '/api/pull', '{"name":"hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF"}', 403],
  ['models', 'POST', '/api/pull', '{"name":"https://registry.ollama.ai/library/llama3"}', 403],
  ['models', 'POST', '/api/pull', '{"name":"registry.ollama.ai:444/library/llama3"}', 403],
  ['models', 'POST', '/api/pull', '{"name":"a/b/c/d"}', 403],
  ['models', 'POST', '/api/pull', '{"name":"../../etc/passwd"}', 403],
  ['models', 'POST', '/api/pull', '{"name":"evil.test\\\\attacker\\\\m"}', 403],
  ['models', 'POST', '/api/pull', '{"name":"llama3","model":"evil.test/attacker/m"}', 403],
  ['models', 'POST', '/api/pull', '{"insecure":true}', 403],
  ['models', 'POST', '/api/pull', '{"name":"llama3","insecure":true}', 403],
  ['models', 'POST', '/api/pull', '{"name":"llama3","insecure":"yes"}', 403],
  ['models', 'POST', '/api/pull', '{"name":42}', 400],
  ['models', 'POST', '/api/pull', '["llama3"]', 400],
  ['models', 'POST', '/api/pull', 'name=llama3', 400],
  ['models', 'GET', '/api/pull', undefined, 403],
  ['models', 'POST', '/api/push', '{"name":"llama3"}', 403],
  ['models', 'POST', '/api/create', '{"model":"m","from":"llama3"}', 200],
  ['models', 'POST', '/api/copy', '{"source":"a","destination":"b"}', 200],
  ['models', 'DELETE', '/api/delete', '{"model":"llama3"}', 200],
  ['models', 'HEAD', `/api/blobs/${digest}`, undefined, 200],
  ['models', 'POST', `/api/blobs/${digest}`, 'GGUF', 200],
  ['models', 'POST', '/api/blobs/sha256:../../etc/passwd', 'x', 404],
  ['models', 'POST', `/api/blobs/${digest}0`, 'x', 404],
  ['none', 'GET', '/api/version', undefined, 403],
  ['none', 'GET', '/api/tags', undefined, 403],
  ['none', 'POST', '/api/pull', '{"name":"llama3"}', 403],
];

describe('the guard in front of the runtime (NET-01, NET-02)', () => {
  it.each(table)('%s %s %s %s → %i', async (who, method, path, body, status) => {
    const answer = await call(port, {
      method,
      path,
      headers: who === 'none' ? {} : bearer(who),
      ...(body === undefined ? {} : { body }),
    });
    expect(answer.status, answer.text).toBe(status);
    if (status === 200) {
      expect(fake.hits).toHaveLength(1);
      expect(fake.hits[0]).toMatchObject({ method, url: path });
    } else {
      // The runtime never saw it, and the refusal says why in Ollama's error shape.
      expect(fake.hits).toHaveLength(0);
      if (method !== 'HEAD') expect(errorOf(answer.text)).not.toBe('');
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('sends on only the checked pull fields, so a key Go reads case-insensitively never arrives', async () => {
    const answer = await call(port, {
      method: 'POST',
      path: '/api/pull',
      headers: bearer('models'),
      body: '{"name":"llama3","Insecure":true,"NAME":"evil.test/a/b","stream":false,"extra":1}',
    });
    expect(answer.status).toBe(200);
    expect(fake.hits[0]!.body).toBe('{"name":"llama3","stream":false}');
    expect(fake.hits[0]!.headers['content-length']).toBe(String(fake.hits[0]!.body.length));
  });

  it('refuses wrong, foreign-shaped and query-string tokens', async () => {
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ${newToken()}` },
      { authorization: `Bearer ${endpoint.tokenFor('chat').slice(0, -1)}` },
      { authorization: `Bearer ${endpoint.tokenFor('chat')}x` },
      { authorization: `bearer${endpoint.tokenFor('chat')}` },
      { authorization: `Basic ${Buffer.from(`x:${endpoint.tokenFor('chat')}`).toString('base64')}` },
      { authorization: 'Bearer ' },
    ];
    for (const headers of attempts) {
      expect((await call(port, { path: '/api/version', headers })).status).toBe(403);
    }
    const inQuery = await call(port, { path: `/api/version?token=${endpoint.tokenFor('chat')}` });
    expect(inQuery.status).toBe(403);
    expect(fake.hits).toHaveLength(0);
  });

  it('gives each caller its own 43-character token, new for every endpoint', () => {
    const other = new RuntimeEndpoint(() => {});
    for (const caller of ['chat', 'models'] as const) {
      expect(endpoint.tokenFor(caller)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(other.tokenFor(caller)).not.toBe(endpoint.tokenFor(caller));
    }
    expect(endpoint.tokenFor('chat')).not.toBe(endpoint.tokenFor('models'));
  });

  it('refuses a forged Host (DNS rebinding) before the runtime sees anything', async () => {
    for (const host of [
      `rebind.attacker.test:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `127.0.0.2:${port}`,
    ]) {
      const answer = await call(port, { path: '/api/tags', headers: { ...bearer('chat'), host } });
      expect(answer.status, host).toBe(403);
    }
    expect((await call(port, { path: '/api/tags', headers: bearer('chat'), noHost: true })).status).toBe(403);
    expect(fake.hits).toHaveLength(0);
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, `127.0.0.1:${port}`]) {
      const answer = await call(port, { path: '/api/tags', headers: { ...bearer('chat'), host } });
      expect(answer.status, host).toBe(200);
    }
  });

  it('refuses any Origin but the app’s own, and never sends CORS headers', async () => {
    for (const origin of ['http://evil.test', 'null', `http://127.0.0.1:${port}`, 'http://127.0.0.1:5173/']) {
      const answer = await call(port, { path: '/api/tags', headers: { ...bearer('chat'), origin } });
      expect(answer.status, origin).toBe(403);
      expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    expect(fake.hits).toHaveLength(0);
    const own = await call(port, {
      path: '/api/tags',
      headers: { ...bearer('chat'), origin: 'http://127.0.0.1:5173', cookie: 'session=1' },
    });
    expect(own.status).toBe(200);
    // The runtime sent Access-Control-Allow-Origin: * and a cookie; neither comes back.
    expect(
      Object.keys(own.headers).filter((h) => h.startsWith('access-control-') || h === 'set-cookie'),
    ).toEqual([]);
    // Nor do the token, the Origin or the cookie reach the runtime.
    expect(fake.hits[0]!.headers).not.toHaveProperty('authorization');
    expect(fake.hits[0]!.headers).not.toHaveProperty('origin');
    expect(fake.hits[0]!.headers).not.toHaveProperty('cookie');
  });

  it('caps control bodies at 64 KB, declared or chunked, with 413 and nothing forwarded', async () => {
    const big = JSON.stringify({ name: 'llama3', pad: 'x'.repeat(70_000) });
    const declared = await call(port, {
      method: 'POST',
      path: '/api/pull',
      headers: bearer('models'),
      body: big,
    });
    expect(declared.status).toBe(413);
    const chunked = await call(port, {
      method: 'POST',
      path: '/api/show',
      headers: { ...bearer('chat'), 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
    expect(fake.hits).toHaveLength(0);
  });

  it('caps a chat body at 32 MB even when it streams, and the runtime never gets all of it', async () => {
    const declared = await call(port, {
      method: 'POST',
      path: '/api/generate',
      headers: { ...bearer('chat'), 'content-length': String(33 * 1024 * 1024) },
    }).catch(() => ({ status: 0 }));
    expect(declared.status).toBe(413);
    expect(fake.hits).toHaveLength(0);
    const chunked = await call(port, {
      method: 'POST',
      path: '/api/generate',
      headers: { ...bearer('chat'), 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(33 * 1024 * 1024, 0x20),
    }).catch(() => ({ status: 0 }));
    // 413 when the answer gets out before the socket closes, a reset otherwise; never a 200.
    expect([413, 0]).toContain(chunked.status);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.hits.every((hit) => !hit.complete)).toBe(true);
  });
});
