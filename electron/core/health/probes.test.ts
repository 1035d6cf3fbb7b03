import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { componentIds } from '../../../shared/contract';
import { EventHub } from '../event-hub';
import { runTool, ToolError, type ToolRunner } from '../run-tool';
import { probeDocker } from './docker-probe';
import { HealthService } from './health-service';
import { parseGpuQuery, probeNvidia } from './nvidia-probe';
import { parseLimaVersion, parseMultipassVersion, probeVmTool, vmTools } from './vm-tool-probes';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const replay =
  (stdout: string): ToolRunner =>
  () =>
    Promise.resolve({ stdout, stderr: '' });

describe('nvidia-smi', () => {
  it('parses the query output recorded on a real H100', () => {
    expect(parseGpuQuery(fixture('nvidia-smi-query-gpu.h100.csv'))).toEqual([
      { name: 'NVIDIA H100 80GB HBM3', driver: '580.159.04', memoryMiB: 81559 },
    ]);
  });

  it('reports the GPU and driver from recorded output', async () => {
    const health = await probeNvidia(replay(fixture('nvidia-smi-query-gpu.h100.csv')), 1000);
    expect(health).toMatchObject({ id: 'nvidia', status: 'ok', version: '580.159.04' });
    expect(health.detail).toContain('NVIDIA H100 80GB HBM3');
  });

  it('reads several GPUs, one per line', () => {
    const line = fixture('nvidia-smi-query-gpu.h100.csv').trim();
    expect(parseGpuQuery(`${line}\r\n${line}\r\n`)).toHaveLength(2);
  });

  it('refuses output it does not understand instead of guessing', () => {
    expect(() =>
      parseGpuQuery('NVIDIA-SMI has failed because it could not communicate with the driver'),
    ).toThrow();
  });

  it('treats "No devices were found" as no GPU', async () => {
    const failing: ToolRunner = () =>
      Promise.reject(new ToolError('failed', 'nvidia-smi failed', 'No devices were found'));
    expect(await probeNvidia(failing, 1000)).toMatchObject({ status: 'missing', reason: 'no_gpu' });
  });

  it('says not_installed on a machine without nvidia-smi (real lookup)', async () => {
    const health = await probeNvidia(runTool, 3000);
    // On a GPU box this is ok; on CI machines nvidia-smi is absent.
    expect(['ok', 'missing']).toContain(health.status);
    if (health.status === 'missing') expect(health.reason).toBe('not_installed');
  });
});

describe('VM tools', () => {
  it('parses the version lines documented by Multipass and Lima', () => {
    expect(parseMultipassVersion('multipass   1.14.1\nmultipassd  1.14.1\n')).toBe('1.14.1');
    expect(parseLimaVersion('limactl version 1.0.3\n')).toBe('1.0.3');
    expect(parseMultipassVersion('garbage')).toBeUndefined();
  });

  it('reports a tool that is absent on this machine as not installed (real lookup)', async () => {
    for (const tool of vmTools) {
      const health = await probeVmTool(tool, runTool, 3000, 'linux');
      expect(['ok', 'missing']).toContain(health.status);
      if (health.status === 'missing') expect(health.reason).toBe('not_installed');
    }
  });

  it('knows Lima does not run on Windows', async () => {
    expect(await probeVmTool(vmTools[1]!, runTool, 1000, 'win32')).toMatchObject({
      reason: 'unsupported_platform',
    });
  });

  it('reports a tool that answers with nonsense as failed, not ok', async () => {
    expect(await probeVmTool(vmTools[0]!, replay('hello'), 1000, 'linux')).toMatchObject({
      status: 'error',
      reason: 'failed',
    });
  });
});

describe('Docker probe (real engine)', () => {
  const saved = process.env.DOCKER_HOST;
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it('finds the running engine and its version', async () => {
    const health = await probeDocker(runTool, 5000);
    expect(health).toMatchObject({ id: 'docker', status: 'ok', reason: 'ok' });
    expect(health.version).toMatch(/^\d+\.\d+/);
    // Names the engine, where it was found and why that one (the discovery's sentence).
    expect(health.detail).toMatch(/^(Docker Engine|Podman) \S+ \(API [\d.]+\) through .+ \(.+\)\.$/);
  });

  it('says not running when the socket is absent', async () => {
    process.env.DOCKER_HOST = 'unix:///tmp/airlock-no-such.sock';
    const health = await probeDocker(runTool, 2000);
    expect(health.status).toBe('missing');
    expect(['not_running', 'not_installed']).toContain(health.reason);
  });

  it('refuses plain TCP without TLS before connecting', async () => {
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:2375';
    expect(await probeDocker(runTool, 2000)).toMatchObject({ status: 'error', reason: 'insecure_endpoint' });
  });
});

describe('health service', () => {
  const quiet: ToolRunner = () => Promise.reject(new ToolError('not_found', 'absent'));

  it('answers every component once, shares concurrent probes, and caches', async () => {
    let runs = 0;
    const counting: ToolRunner = (...args) => {
      runs++;
      return quiet(...args);
    };
    const service = new HealthService({ runTool: counting, events: new EventHub() });
    const [a, b] = await Promise.all([service.get(), service.get()]);
    expect(a).toBe(b);
    expect(a.components.map((c) => c.id)).toEqual([...componentIds]);
    const afterFirst = runs;
    await service.get();
    expect(runs).toBe(afterFirst);
    await service.get(true);
    expect(runs).toBeGreaterThan(afterFirst);
    service.dispose();
  });

  it('pushes health while someone listens, and stops after', async () => {
    const events = new EventHub();
    const service = new HealthService({ runTool: quiet, events, pushEveryMs: 30 });
    const seen: number[] = [];
    const off = events.on('app.health', (h) => seen.push(h.checkedAt));
    await new Promise((resolve) => setTimeout(resolve, 150));
    off();
    const count = seen.length;
    expect(count).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.length).toBe(count);
    service.dispose();
  });
});
