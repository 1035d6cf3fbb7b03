// The level switch on the real engine (TX-02, TX-03): it moves the endpoint
// only to a verified sandbox, and every injected failure leaves the old one
// serving on the same address with the model volume's files intact.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxProgress } from '../../../shared/sandbox-contract';
import { EventHub } from '../event-hub';
import { openDatabase, type AirlockDatabase } from '../store/database';
import { createSettingsStore } from '../store/settings-store';
import { createSwitchJournal } from '../store/switch-journal';
import { execCapture } from './docker-exec';
import { listOwn } from './docker-sandbox';
import { createSandbox, type Sandbox } from './sandbox-setup';
import { instanceId } from './sandbox-settings';
import { docker, removeInstance } from './testing/docker-kit';
import { buildTestRuntimeImage, testRuntimeVersion } from './testing/runtime-image';

const dataDir = mkdtempSync(join(tmpdir(), 'airlock-switch-'));
const instance = instanceId(dataDir);
const events = new EventHub();
const progress: SandboxProgress[] = [];
events.on('sandbox.progress', (event) => progress.push(event));
let store: AirlockDatabase;
let sandbox: Sandbox;
let image = '';
const lines: string[] = [];

beforeAll(async () => {
  image = await buildTestRuntimeImage();
  await buildTestRuntimeImage('airlock-test-runtime:old', { version: '0.16.0' });
  await buildTestRuntimeImage('airlock-test-runtime:exits', { exits: true });
  store = openDatabase(dataDir);
  sandbox = createSandbox({
    dataDir,
    events,
    settings: createSettingsStore(store.db, (line) => lines.push(line)),
    journal: createSwitchJournal(store.db),
    log: (line) => lines.push(line),
    readyTimeoutMs: 10_000,
  });
  await sandbox.ready;
}, 180_000);

afterAll(async () => {
  await sandbox.service.dispose();
  store.close();
  await removeInstance(instance);
  rmSync(dataDir, { recursive: true, force: true });
});

const service = () => sandbox.service;
// Through the guard (NET-01) with the chat token, as the app's own calls go.
const endpointVersion = () => service().endpoint.fetchVersion();

async function runtimes() {
  return (await listOwn(docker, instance, 'runtime')).filter((c) => c.State === 'running');
}

async function readMarker(): Promise<string> {
  const [running] = await runtimes();
  const read = await execCapture(docker, running!.Id, ['cat', '/models/marker']);
  return read.stdout;
}

async function expectOldServing(level: number, port: number) {
  const status = await service().status();
  expect(status.state).toBe('running');
  expect(status.container?.level).toBe(level);
  expect(service().endpoint.port).toBe(port);
  await expect(endpointVersion()).resolves.toBe(testRuntimeVersion);
  expect(await runtimes()).toHaveLength(1);
  expect(await readMarker()).toBe('family photos stay out\n');
}

describe('level switch on the real engine', () => {
  let port = 0;

  it('creates the first sandbox at level 1 and serves it on a loopback endpoint', async () => {
    const outcome = await service().setLevel({ level: 1, image });
    expect(outcome).toMatchObject({ outcome: 'switched', level: 1 });
    port = service().endpoint.port!;
    expect(port).toBeGreaterThan(1024);
    await expect(endpointVersion()).resolves.toBe(testRuntimeVersion);
    const [running] = await runtimes();
    await execCapture(docker, running!.Id, ['sh', '-c', 'echo "family photos stay out" > /models/marker']);
    expect((await service().status()).endpoint).toBe(`http://127.0.0.1:${port}`);
  });

  it('switches 1 → 3: verified, same address, one runtime, volume intact', async () => {
    progress.length = 0;
    const outcome = await service().setLevel({ level: 3 });
    expect(outcome.outcome, outcome.message).toBe('switched');
    expect(outcome.report?.rows.map((row) => row.status)).not.toContain('failed');
    expect(progress.filter((p) => p.state === 'done').map((p) => p.step)).toEqual([
      'prepare',
      'create',
      'start',
      'ready',
      'verify',
      'move',
      'remove_old',
    ]);
    console.log(`switch 1 → 3 with verification: ${outcome.durationMs} ms`);
    await expectOldServing(3, port);
  });

  it('rolls back when the port it must move to is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const outcome = await service().setLevel({ level: 2, port: taken });
      expect(outcome).toMatchObject({ outcome: 'rolled_back', failedStep: 'move', level: 3 });
      expect(outcome.message).toMatch(new RegExp(`Port ${taken}.*already in use`));
      expect(outcome.message).toMatch(/Level 3 is still running/);
      expect(progress.at(-1)).toMatchObject({ step: 'rollback', state: 'rolled_back' });
      await expectOldServing(3, port);
    } finally {
      blocker.close();
    }
  });

  it('rolls back when the image is missing, before touching the engine’s containers', async () => {
    const outcome = await service().setLevel({ level: 2, image: 'airlock-test-runtime:absent' });
    expect(outcome).toMatchObject({ outcome: 'rolled_back', failedStep: 'prepare' });
    expect(outcome.message).toMatch(/not on this machine/);
    await expectOldServing(3, port);
  });

  it('rolls back when the new runtime exits instead of answering', async () => {
    const outcome = await service().setLevel({ level: 2, image: 'airlock-test-runtime:exits' });
    expect(outcome).toMatchObject({ outcome: 'rolled_back', failedStep: 'ready' });
    await expectOldServing(3, port);
  });

  it('rolls back when verification fails (a runtime below the version floor)', async () => {
    const outcome = await service().setLevel({ level: 2, image: 'airlock-test-runtime:old' });
    expect(outcome).toMatchObject({ outcome: 'rolled_back', failedStep: 'verify' });
    expect(outcome.report?.rows.some((row) => row.status === 'failed')).toBe(true);
    await expectOldServing(3, port);
  });

  it('rolls back when the new sandbox is killed mid-switch', async () => {
    const off = events.on('sandbox.progress', (event) => {
      if (event.step === 'ready' && event.state === 'running') {
        void listOwn(docker, instance, 'runtime').then((own) => {
          const fresh = own.find((c) => c.Labels['airlock.operation'] === event.operationId);
          if (fresh)
            void docker
              .getContainer(fresh.Id)
              .kill()
              .catch(() => undefined);
        });
      }
    });
    try {
      const outcome = await service().setLevel({ level: 2 });
      expect(outcome.outcome).toBe('rolled_back');
      expect(['ready', 'verify']).toContain(outcome.failedStep);
    } finally {
      off();
    }
    await expectOldServing(3, port);
  });

  it('refuses level 4 and a second switch at once', async () => {
    await expect(service().setLevel({ level: 4 })).rejects.toMatchObject({ code: 'unavailable' });
    const first = service().setLevel({ level: 2 });
    await expect(service().setLevel({ level: 1 })).rejects.toMatchObject({ code: 'conflict' });
    expect((await first).outcome).toBe('switched');
    await expectOldServing(2, port);
  });

  it('keeps the model volume when the sandbox is stopped and started', async () => {
    expect((await service().stop()).state).toBe('stopped');
    await expect(endpointVersion()).rejects.toThrow();
    expect((await service().start()).state).toBe('running');
    await expectOldServing(2, port);
    expect((await docker.getVolume(`airlock-models-${instance}`).inspect()).Labels['airlock.keep']).toBe(
      'true',
    );
  });

  it('removes the runtime but keeps the model volume, and a new level finds the files again', async () => {
    const removed = await service().remove();
    expect(removed.state).toBe('none');
    expect(await runtimes()).toHaveLength(0);
    expect((await docker.getVolume(`airlock-models-${instance}`).inspect()).Name).toBe(
      `airlock-models-${instance}`,
    );
    await expect(service().verify()).rejects.toMatchObject({ code: 'not_found' });
    expect((await service().setLevel({ level: 2 })).outcome).toBe('switched');
    await expectOldServing(2, port);
  });
});
