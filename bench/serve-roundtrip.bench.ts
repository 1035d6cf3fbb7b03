// A trivial call through `serve` (WebSocket on loopback) versus the same call
// straight into the router in-process. Budget: serve p50 under 1 ms.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectServe } from '../electron/cli/serve-client';
import { createCore } from '../electron/core/services';
import { newToken } from '../electron/serve/serve-file';
import { startServe } from '../electron/serve/serve-server';
import { budget, summarize } from './stats';

const warmup = 500;
const rounds = 5000;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return samples;
}

async function main(): Promise<void> {
  const core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'airlock-bench-data-')), carrier: 'serve' });
  const token = newToken();
  const serve = await startServe({
    core,
    host: '127.0.0.1',
    port: 0,
    token,
    rendererDir: join(process.cwd(), 'dist/renderer'),
  });
  const client = await connectServe(serve.url, token);
  const input = { note: 'bench' };

  const direct = summarize(await time(() => core.router.dispatch('app.ping', input, core.context())));
  const viaServe = summarize(await time(() => client.call('app.ping', input)));

  client.close();
  await serve.close();
  await core.dispose();

  console.log(
    `app.ping in-process : p50 ${direct.p50.toFixed(1)} us  p99 ${direct.p99.toFixed(1)} us  (n=${direct.n})`,
  );
  console.log(
    `app.ping via serve  : p50 ${viaServe.p50.toFixed(1)} us  p99 ${viaServe.p99.toFixed(1)} us  (n=${viaServe.n})`,
  );
  console.log(`ratio serve/in-process p50: ${(viaServe.p50 / direct.p50).toFixed(1)}x`);
  if (!budget('serve round trip p50', viaServe.p50, 1000, 'us')) process.exitCode = 1;
}

void main();
