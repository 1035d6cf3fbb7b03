// Re-verification of the copy in a sandbox's model volume on the real Docker
// engine (MI-06): a demo GGUF imported through the service is copied into a
// real volume as the transfer does, then a helper container appends a byte
// to it inside the volume. models.verify reads the copy back through
// getArchive, answers changed for where 'sandbox' with both digests, records
// the alert, and removes the copy so the sandboxed engine no longer lists it.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoModel } from '../engines/demo-model';
import { encodeGguf } from '../engines/gguf-write';
import { EventHub } from '../event-hub';
import { demuxLogLines } from '../sandbox/sandbox-service';
import { ensureVolume } from '../sandbox/docker-sandbox';
import { docker, removeInstance, testInstance } from '../sandbox/testing/docker-kit';
import { buildTestRuntimeImage } from '../sandbox/testing/runtime-image';
import { openDatabase } from '../store/database';
import { MemoryModelAuditSink } from './model-audit';
import { ModelsService } from './models-service';
import { putModelInSandbox } from './sandbox-transfer';
import type { SandboxVolume } from './verify-sandbox';

const instance = testInstance();
const volumeName = `airlock-${instance}-models`;
const root = mkdtempSync(join(tmpdir(), 'airlock-h6-sandbox-verify-'));
const model = encodeGguf(buildDemoModel(13));
const modelSha = createHash('sha256').update(model).digest('hex');
let image = '';

beforeAll(async () => {
  image = await buildTestRuntimeImage();
  await ensureVolume(docker, volumeName, instance);
}, 120_000);

afterAll(async () => {
  await removeInstance(instance);
  rmSync(root, { recursive: true, force: true });
});

/** Runs a shell line as root in a throwaway container that mounts the volume. */
async function inVolume(script: string): Promise<string[]> {
  const container = await docker.createContainer({
    Image: image,
    User: '0:0',
    Cmd: ['sh', '-c', script],
    Labels: { 'airlock.instance': instance, 'airlock.role': 'probe' },
    HostConfig: { NetworkMode: 'none', Mounts: [{ Type: 'volume', Source: volumeName, Target: '/models' }] },
  });
  await container.start();
  await container.wait();
  const lines = demuxLogLines(await container.logs({ stdout: true, stderr: true, follow: false }));
  await container.remove({ force: true });
  return lines;
}

describe('models.verify with a running sandbox', () => {
  it('finds a copy tampered inside the volume, flags it for the sandbox, audits and removes it', async () => {
    const store = openDatabase(root);
    const events = new EventHub();
    const volume: SandboxVolume = { docker, instance, volume: volumeName, imageRef: image, image };
    const audit = new MemoryModelAuditSink();
    const service = new ModelsService({
      modelsDir: join(root, 'models'),
      db: store.db,
      events,
      log: () => undefined,
      audit,
      sandboxVolume: () => Promise.resolve(volume),
    });
    try {
      const path = join(root, 'tiny.gguf');
      writeFileSync(path, model);
      let done = false;
      events.on('models.progress', (p) => {
        if (p.phase === 'done') done = true;
      });
      await service.startImport({ path, sha256: modelSha }, 'admin');
      for (let i = 0; i < 500 && !done; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      const [entry] = (await service.list('admin')).models;
      await putModelInSandbox({
        ...volume,
        owner: '10001:10001',
        source: join(root, 'models', 'tiny.gguf'),
        fileName: 'tiny.gguf',
      });

      // Untouched: the copy read back through getArchive hashes to the recorded digest.
      const clean = await service.verify(undefined);
      expect(clean.results).toContainEqual({
        id: entry!.id,
        name: 'tiny:latest',
        status: 'ok',
        expected: modelSha,
        found: modelSha,
        where: 'sandbox',
      });

      expect(await inVolume('printf x >> /models/tiny.gguf && ls -A /models')).toEqual(['tiny.gguf']);
      const tampered = createHash('sha256')
        .update(Buffer.concat([model, Buffer.from('x')]))
        .digest('hex');
      const { results } = await service.verify(entry!.id);
      expect(results).toEqual([
        {
          id: entry!.id,
          name: 'tiny:latest',
          status: 'ok',
          expected: modelSha,
          found: modelSha,
          where: 'host',
        },
        {
          id: entry!.id,
          name: 'tiny:latest',
          status: 'changed',
          expected: modelSha,
          found: tampered,
          where: 'sandbox',
        },
      ]);
      expect(audit.events.map((e) => [e.action, e.where, e.found])).toEqual([
        ['integrity_changed', 'sandbox', tampered],
      ]);
      expect((await service.list('admin')).models[0]!.integrity).toMatchObject({
        state: 'changed',
        where: 'sandbox',
      });
      // The changed copy is gone from the volume, so the engine inside lists nothing.
      expect(await inVolume('ls -A /models')).toEqual([]);
      // Checking again still answers the flag for the sandbox (the copy is gone, the flag stays), no second alert.
      const again = await service.verify(undefined);
      expect(again.results.map((r) => [r.where, r.status])).toEqual([
        ['host', 'ok'],
        ['sandbox', 'changed'],
      ]);
      expect(audit.events).toHaveLength(1);
    } finally {
      await service.dispose();
      store.close();
    }
  }, 120_000);
});
