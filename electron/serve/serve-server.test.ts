import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tokenProtocolPrefix, wireProtocol } from '../../shared/wire';
import { contentSecurityPolicy } from '../../shared/csp';
import { connectServe, ConnectError } from '../cli/serve-client';
import { createCore, type Core } from '../core/services';
import { newToken } from './serve-file';
import { startServe, type RunningServe } from './serve-server';

let core: Core;
let serve: RunningServe;
const token = newToken();

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'airlock-serve-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Airlock</title>');
  writeFileSync(join(root, 'secret.txt'), 'not for the browser');
  core = createCore({ dataDir: join(root, 'data'), carrier: 'serve', heartbeatMs: 50 });
  serve = await startServe({ core, host: '127.0.0.1', port: 0, token, rendererDir });
});

afterAll(async () => {
  await serve.close();
  await core.dispose();
});

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: serve.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve', () => {
  it('listens on loopback only', () => {
    expect(serve.url).toBe(`http://127.0.0.1:${serve.port}/`);
  });

  it('round-trips calls over the WebSocket with the right token', async () => {
    const client = await connectServe(serve.url, token);
    try {
      const pong = await client.call('app.ping', { note: 'hello' });
      expect(pong).toMatchObject({ ok: true, value: { note: 'hello' } });
      const bad = await client.call('app.ping', { note: 1 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const unknown = await client.call('app.shutdown', {});
      expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    } finally {
      client.close();
    }
  });

  it('pushes events only to subscribers, and stops when they leave', async () => {
    const client = await connectServe(serve.url, token);
    const beats: unknown[] = [];
    client.subscribe('app.heartbeat', (payload) => beats.push(payload));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(beats.length).toBeGreaterThanOrEqual(2);
    expect(beats[0]).toMatchObject({
      seq: expect.any(Number) as number,
      uptimeMs: expect.any(Number) as number,
    });
    expect(core.events.count('app.heartbeat')).toBe(1);
    client.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(core.events.count('app.heartbeat')).toBe(0);
  });

  it('refuses a wrong token and a missing token', async () => {
    await expect(connectServe(serve.url, newToken())).rejects.toEqual(new ConnectError(401));
    await expect(connectServe(serve.url, '')).rejects.toBeInstanceOf(ConnectError);
  });

  it('refuses a forged Host header (DNS rebinding), over HTTP and WebSocket', async () => {
    const forged = { Host: `rebind.attacker.test:${serve.port}` };
    expect((await get('/', forged)).status).toBe(403);
    await expect(connectServe(serve.url, token, forged)).rejects.toEqual(new ConnectError(403));
    expect((await get('/', { Host: `127.0.0.1:${serve.port + 1}` })).status).toBe(403);
  });

  it('refuses a foreign Origin, and accepts its own', async () => {
    for (const origin of [
      'http://attacker.test',
      `http://127.0.0.1:${serve.port}.evil.test`,
      'null',
      `https://127.0.0.1:${serve.port}`,
    ]) {
      await expect(connectServe(serve.url, token, { Origin: origin })).rejects.toEqual(new ConnectError(403));
      expect((await get('/', { Origin: origin })).status).toBe(403);
    }
    const own = await connectServe(serve.url, token, { Origin: `http://localhost:${serve.port}` });
    own.close();
  });

  it('serves the renderer with the same CSP as the Electron window, and nothing outside it', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Airlock</title>');
    expect(String(page.headers['content-security-policy'])).toContain(contentSecurityPolicy);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00', '/nope.js']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('not for the browser');
    }
  });

  it('closes a socket that sends more than the message limit', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/ws`, [wireProtocol, tokenProtocolPrefix + token]);
    await new Promise((resolve) => ws.once('open', resolve));
    const code = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(
      JSON.stringify({ t: 'call', id: 1, call: 'app.ping', input: { note: 'x'.repeat(2 * 1024 * 1024) } }),
    );
    expect(await code).toBe(1009);
  });

  it('closes a socket that sends a malformed message, and keeps serving others', async () => {
    for (const junk of [
      'not json',
      '{"t":"call","id":-1,"call":"app.ping","input":{}}',
      '{"t":"call","id":1}',
      '[]',
    ]) {
      const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/ws`, [
        wireProtocol,
        tokenProtocolPrefix + token,
      ]);
      await new Promise((resolve) => ws.once('open', resolve));
      const code = new Promise<number>((resolve) => ws.once('close', resolve));
      ws.send(junk);
      expect(await code, junk).toBe(1003);
    }
    const client = await connectServe(serve.url, token);
    expect((await client.call('app.ping', {})).ok).toBe(true);
    client.close();
  });
});
