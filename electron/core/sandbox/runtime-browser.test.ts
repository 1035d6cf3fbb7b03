// NET-01 in a real browser: a DNS-rebinding navigation and a CSRF "simple
// request" from another page, both aimed at the guard. Chromium resolves the
// attacker names to 127.0.0.1, so everything stays on loopback.
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeEndpoint } from './runtime-endpoint';
import { startFakeRuntime, type FakeRuntime } from './testing/fake-runtime';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.log(`runtime-browser.test: skipped, no Chromium at ${chromiumPath}`);

let fake: FakeRuntime;
let endpoint: RuntimeEndpoint;
const logs: string[] = [];
let port = 0;
let browser: Browser;
let attacker: Server;
let attackerPort = 0;

beforeAll(async () => {
  if (!hasChromium) return;
  fake = await startFakeRuntime();
  endpoint = new RuntimeEndpoint((line) => logs.push(line));
  port = await endpoint.listen(0);
  endpoint.route(fake.upstream);
  // The attacker's page: served on another loopback port, under an attacker name.
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>attacker</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerPort = (attacker.address() as { port: number }).port;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--host-resolver-rules=MAP rebind.attacker.test 127.0.0.1, MAP attacker.test 127.0.0.1',
      '--no-sandbox',
    ],
  });
}, 60_000);

afterAll(async () => {
  if (!hasChromium) return;
  await browser.close();
  await new Promise((resolve) => attacker.close(resolve));
  await endpoint.close();
  await fake.close();
});

afterEach(() => {
  if (hasChromium) fake.hits.length = 0;
  logs.length = 0;
});

describe.skipIf(!hasChromium)('the guard against a browser (NET-01)', () => {
  it('answers a rebound name with 403 and the runtime sees nothing', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(`http://rebind.attacker.test:${port}/api/tags`);
      expect(response?.status()).toBe(403);
      expect(logs[0]).toMatch(/refused GET \/api\/tags \(403\): .*Host header/);
      expect(await page.textContent('body')).toMatch(/Host header is not allowed/);
      // Even carrying a stolen token, a rebound page gets nothing.
      const withToken = await page.evaluate(
        async ({ p, token }) => {
          const res = await fetch(`http://rebind.attacker.test:${p}/api/tags`, {
            headers: { authorization: `Bearer ${token}` },
          });
          return res.status;
        },
        { p: port, token: endpoint.tokenFor('chat') },
      );
      expect(withToken).toBe(403);
      expect(fake.hits).toHaveLength(0);
    } finally {
      await page.close();
    }
  });

  it('lets a cross-site no-cors POST to /api/pull reach nothing', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`http://attacker.test:${attackerPort}/`);
      const outcome = await page.evaluate(async (p) => {
        try {
          const res = await fetch(`http://127.0.0.1:${p}/api/pull`, {
            method: 'POST',
            mode: 'no-cors',
            body: '{"name":"x"}',
          });
          return `opaque:${res.type}`;
        } catch (error) {
          return `failed:${String(error)}`;
        }
      }, port);
      // The browser did send it (an opaque answer, no preflight), and the guard, not the browser, stopped it.
      expect(outcome).toBe('opaque:opaque');
      expect(logs).toEqual([
        'runtime endpoint: refused POST /api/pull (403): Web pages may not call the model runtime.',
      ]);
      expect(fake.hits).toHaveLength(0);
    } finally {
      await page.close();
    }
  });

  it('lets no page read an answer, even with the token, because no CORS header comes back', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`http://attacker.test:${attackerPort}/`);
      const outcome = await page.evaluate(
        async ({ p, token }) => {
          try {
            const res = await fetch(`http://127.0.0.1:${p}/api/version`, {
              headers: { authorization: `Bearer ${token}` },
            });
            return `read:${await res.text()}`;
          } catch (error) {
            return `failed:${String(error)}`;
          }
        },
        { p: port, token: endpoint.tokenFor('chat') },
      );
      expect(outcome).toMatch(/^failed:TypeError/);
      // A custom header means a CORS preflight first; the guard refuses it for its Origin.
      expect(logs.join('\n')).toMatch(/refused OPTIONS \/api\/version \(403\)/);
      expect(fake.hits).toHaveLength(0);
    } finally {
      await page.close();
    }
  });
});
