// The endpoint as a proxy: answers stream through as they come, pipes are
// reused, a route() change moves new requests only, and the port keeps its
// address and its "already in use" sentence. Real sockets throughout.
import { request, type IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AirlockError } from '../errors';
import { runtimeJson, runtimeRequest } from './runtime-client';
import { RuntimeEndpoint, tcpUpstream } from './runtime-endpoint';
import { call, errorOf, startFakeRuntime, type FakeRuntime } from './testing/fake-runtime';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function stand(): Promise<{
  fake: FakeRuntime;
  endpoint: RuntimeEndpoint;
  port: number;
  logs: string[];
}> {
  const fake = await startFakeRuntime();
  const logs: string[] = [];
  const endpoint = new RuntimeEndpoint((line) => logs.push(line));
  const port = await endpoint.listen(0);
  endpoint.route(fake.upstream);
  cleanup.push(
    () => fake.close(),
    () => endpoint.close(),
  );
  return { fake, endpoint, port, logs };
}

/** The first chunk of a response body, or a rejection if none arrives in time. */
function firstChunk(res: IncomingMessage, withinMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no chunk within ${withinMs} ms`)), withinMs);
    res.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(chunk.toString());
    });
  });
}

async function rest(res: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of res) text += (chunk as Buffer).toString();
  return text;
}

describe('RuntimeEndpoint as a proxy', () => {
  it('streams a chat answer: the first line arrives while the runtime is still answering', async () => {
    const { fake, endpoint } = await stand();
    const res = await runtimeRequest(endpoint, 'chat', '/api/chat', { body: { model: 'm', messages: [] } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    // The runtime holds its last line until released: a buffering proxy would deliver nothing here.
    expect(await firstChunk(res, 2000)).toBe('{"message":{"content":"first"},"done":false}\n');
    expect(fake.chatEnded()).toBe(false);
    fake.release();
    expect(await rest(res)).toBe('{"message":{"content":"last"},"done":true}\n');
    expect(fake.chatEnded()).toBe(true);
  });

  it('reuses one upstream pipe for sequential requests (keep-alive)', async () => {
    const { fake, endpoint } = await stand();
    for (let i = 0; i < 3; i++) {
      await expect(endpoint.fetchVersion()).resolves.toBe('0.17.1');
    }
    expect(fake.hits).toHaveLength(3);
    expect(fake.pipes()).toBe(1);
  });

  it('answers 503 with no sandbox and 502 when the sandbox refuses, in JSON', async () => {
    const logs: string[] = [];
    const endpoint = new RuntimeEndpoint((line) => logs.push(line));
    cleanup.push(() => endpoint.close());
    const port = await endpoint.listen(0);
    const token = { authorization: `Bearer ${endpoint.tokenFor('chat')}` };
    const none = await call(port, { path: '/api/version', headers: token });
    expect(none.status).toBe(503);
    expect(errorOf(none.text)).toMatch(/^No sandbox/);

    // A port nothing listens on: connection refused.
    const closed: Server = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const dead = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    endpoint.route(tcpUpstream(dead));
    const refused = await call(port, { path: '/api/version', headers: token });
    expect(refused.status).toBe(502);
    expect(errorOf(refused.text)).toMatch(/did not answer \(ECONNREFUSED\)/);
    expect(logs.join('\n')).toMatch(/did not accept a connection/);
    await expect(endpoint.fetchVersion()).rejects.toThrow(/answered 502/);
  });

  it('answers 502 for a status Node cannot send on, and keeps serving', async () => {
    const { endpoint, port } = await stand();
    // A raw runtime: the sandbox is untrusted, and a compromised one may send anything.
    const raw: Server = createServer((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 099 Odd\r\ncontent-length: 2\r\n\r\nhi'));
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => raw.close(() => resolve())));
    endpoint.route(tcpUpstream((raw.address() as { port: number }).port));
    const token = { authorization: `Bearer ${endpoint.tokenFor('chat')}` };
    const odd = await call(port, { path: '/api/version', headers: token });
    expect(odd.status).toBe(502);
    expect(errorOf(odd.text)).toMatch(/cannot pass on/);
    expect((await call(port, { path: '/api/version', headers: token })).status).toBe(502);
  });

  it('moves new requests on route(); one under way finishes, then dropOpenConnections cuts the rest', async () => {
    const { fake, endpoint, port } = await stand();
    const next = await startFakeRuntime('0.20.2');
    cleanup.push(() => next.close());
    // One pipe busy with a chat, one idle in the pool after a version check.
    const streaming = await runtimeRequest(endpoint, 'chat', '/api/chat', { body: {} });
    await firstChunk(streaming, 2000);
    await expect(endpoint.fetchVersion()).resolves.toBe('0.17.1');
    expect(fake.openConnections()).toBe(2);

    endpoint.route(next.upstream);
    await expect(endpoint.fetchVersion()).resolves.toBe('0.20.2');
    // The old sandbox's idle pipe closed at once; the chat still streams from it.
    await waitFor(() => fake.openConnections() === 1);
    expect(next.pipes()).toBe(1);

    endpoint.dropOpenConnections();
    await waitFor(() => fake.openConnections() === 0);
    await expect(rest(streaming)).rejects.toThrow();
    // The new sandbox is untouched by the drop, on the same address.
    expect(endpoint.port).toBe(port);
    await expect(endpoint.fetchVersion()).resolves.toBe('0.20.2');
  });

  it('stops the runtime’s work when the caller goes away mid-answer', async () => {
    const { fake, endpoint } = await stand();
    const res = await runtimeRequest(endpoint, 'chat', '/api/chat', { body: {} });
    await firstChunk(res, 2000);
    res.destroy();
    await waitFor(() => fake.openConnections() === 0);
    expect(fake.chatEnded()).toBe(false);
  });

  it('keeps its port across listen() and says so in a sentence when the port is taken', async () => {
    const { endpoint, port } = await stand();
    expect(await endpoint.listen(0)).toBe(port);
    expect(await endpoint.listen(port)).toBe(port);
    expect(endpoint.url).toBe(`http://127.0.0.1:${port}`);
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const taken = (blocker.address() as { port: number }).port;
    const error = await endpoint.listen(taken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AirlockError);
    expect(error).toMatchObject({ code: 'conflict', details: { port: taken } });
    expect((error as Error).message).toMatch(
      new RegExp(`^Port ${taken} on 127\\.0\\.0\\.1 is already in use`),
    );
    // The failed move left the old address serving.
    expect(endpoint.port).toBe(port);
    await expect(endpoint.fetchVersion()).resolves.toBe('0.17.1');
  });

  it('moves to a new port and stops answering on the old one', async () => {
    const { endpoint, port } = await stand();
    const probe: Server = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    expect(await endpoint.listen(free)).toBe(free);
    await expect(endpoint.fetchVersion()).resolves.toBe('0.17.1');
    await expect(call(port, { path: '/api/version' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('gives the core JSON answers and a readable refusal through runtimeJson', async () => {
    const { endpoint } = await stand();
    await expect(runtimeJson(endpoint, 'chat', '/api/tags')).resolves.toEqual({
      status: 200,
      body: { models: [] },
    });
    await expect(
      runtimeJson(endpoint, 'chat', '/api/pull', { body: { name: 'llama3' } }),
    ).resolves.toMatchObject({
      status: 403,
    });
    const pulled = await runtimeJson(endpoint, 'models', '/api/pull', { body: { name: 'llama3' } });
    expect(pulled).toEqual({
      status: 200,
      body: { method: 'POST', url: '/api/pull', body: '{"name":"llama3"}' },
    });
  });

  it('listens on 127.0.0.1 only', async () => {
    const { port } = await stand();
    const other = await new Promise<number | string>((resolve) => {
      const req = request({ host: '::1', port, path: '/api/version' }, (res) => resolve(res.statusCode!));
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      req.end();
    });
    expect(other).toMatch(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EAFNOSUPPORT/);
  });
});

async function waitFor(condition: () => boolean, withinMs = 2000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('the condition did not come true in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
