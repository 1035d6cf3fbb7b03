// The built-in engine's image on the real Docker engine: built here from this
// machine's Node and llama.cpp, reused when nothing changed, then run through
// the real level switch at level 2 (read-only root, non-root, no capabilities,
// limits) and level 3 (no network, reached through a Node relay because the
// image has no shell and no nc), answering a real chat with the demo model
// that Airlock copied into the sandbox's volume.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../event-hub';
import { putModelInSandbox } from '../../models/sandbox-transfer';
import { sandboxUser } from '../../sandbox/levels';
import { createSandbox, type Sandbox } from '../../sandbox/sandbox-setup';
import { instanceId } from '../../sandbox/sandbox-settings';
import { docker, removeInstance } from '../../sandbox/testing/docker-kit';
import { openDatabase, type AirlockDatabase } from '../../store/database';
import { createSettingsStore } from '../../store/settings-store';
import { createSwitchJournal } from '../../store/switch-journal';
import { engineVersion } from '../builtin/engine-protocol';
import { bundleEngine } from '../builtin/testing/engine-fixture';
import { buildDemoModel } from '../demo-model';
import { encodeGguf } from '../gguf-write';
import { ensureEngineImage, type EngineImage } from './engine-image';
import { parseLdd } from './engine-image-inputs';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'airlock-h2-engine-'));
const instance = instanceId(dataDir);
const repo = 'airlock-engine-h2t';
let engine: { entry: string; remove: () => void };
let image: EngineImage;
let store: AirlockDatabase;
let sandbox: Sandbox;
const demoFile = join(dataDir, 'airlock-demo.gguf');

beforeAll(async () => {
  engine = await bundleEngine();
  image = await ensureEngineImage(docker, { repo, entry: engine.entry, packagesRoot: root });
  writeFileSync(demoFile, encodeGguf(buildDemoModel(1)));
  store = openDatabase(dataDir);
  sandbox = createSandbox({
    dataDir,
    events: new EventHub(),
    settings: createSettingsStore(store.db, () => {}),
    journal: createSwitchJournal(store.db),
    log: () => {},
    readyTimeoutMs: 30_000,
  });
  await sandbox.ready;
}, 300_000);

afterAll(async () => {
  await sandbox?.service.dispose();
  store?.close();
  await removeInstance(instance);
  if (image)
    await docker
      .getImage(image.tag)
      .remove({ force: true })
      .catch(() => undefined);
  engine?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

async function chat(): Promise<{ model: string; content: string; done: boolean }> {
  const endpoint = sandbox.service.endpoint;
  const res = await fetch(`${endpoint.url}/api/chat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${endpoint.tokenFor('chat')}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'airlock-demo:latest',
      stream: false,
      messages: [{ role: 'user', content: 'hello there' }],
      options: { num_predict: 8, seed: 1 },
    }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { model: string; message: { content: string }; done: boolean };
  return { model: body.model, content: body.message.content, done: body.done };
}

describe('the built-in engine image', () => {
  it('reads the libraries ldd resolves, the loader included', () => {
    const sample = [
      '\tlinux-vdso.so.1 (0x00007ffd)',
      '\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f)',
      '\t/lib64/ld-linux-x86-64.so.2 (0x00007f)',
    ].join('\n');
    expect(parseLdd(sample)).toEqual(['/lib/x86_64-linux-gnu/libstdc++.so.6', '/lib64/ld-linux-x86-64.so.2']);
  });

  it('is a scratch image with no shell, tagged by its inputs, and reused when nothing changed', async () => {
    expect(image.tag).toMatch(new RegExp(`^${repo}:${engineVersion}-[a-f0-9]{16}$`));
    const again = await ensureEngineImage(docker, { repo, entry: engine.entry, packagesRoot: root });
    expect(again).toEqual({ tag: image.tag, id: image.id, built: false });
    const info = await docker.getImage(image.tag).inspect();
    expect(info.Config.Labels?.['airlock.runtime']).toBe('builtin-engine');
    expect(info.Config.User).toBe('10001:10001');
  }, 120_000);

  it('serves a chat at level 2, hardened and verified, from a model Airlock put into its volume', async () => {
    const outcome = await sandbox.service.setLevel({ level: 2, image: image.tag, memoryMb: 512, cpus: 1 });
    expect(outcome.message).toMatch(/is in force and verified/);
    expect(outcome.report?.rows.filter((r) => r.status === 'failed')).toEqual([]);
    // Probed live through Node, as the image has no shell: not skipped, verified.
    const rows = Object.fromEntries(outcome.report!.rows.map((r) => [r.threat, r.status]));
    expect(rows).toMatchObject({ runtime_exploit: 'verified', resource_exhaustion: 'verified' });
    const status = await sandbox.service.status();
    expect(status.container?.image).toBe(image.tag);
    const info = await docker.getContainer(status.container!.id).inspect();
    expect(info.HostConfig.ReadonlyRootfs).toBe(true);
    expect(info.Config.User).toBe(sandboxUser);
    expect(info.HostConfig.CapDrop).toEqual(['ALL']);
    expect(info.HostConfig.SecurityOpt).toContain('no-new-privileges:true');
    expect(info.HostConfig.PidsLimit).toBeGreaterThan(0);

    await putModelInSandbox({
      docker,
      instance,
      volume: status.settings.volume,
      imageRef: image.tag,
      image: image.id,
      owner: sandboxUser,
      source: demoFile,
      fileName: 'airlock-demo.gguf',
    });
    const answer = await chat();
    expect(answer.model).toBe('airlock-demo:latest');
    expect(answer.done).toBe(true);
    expect(answer.content.length).toBeGreaterThan(0);
  }, 240_000);

  it('serves the same model at level 3 with no network, through a Node relay', async () => {
    const outcome = await sandbox.service.setLevel({ level: 3, image: image.tag, memoryMb: 512, cpus: 1 });
    expect(outcome.message).toMatch(/is in force and verified/);
    expect(outcome.report?.rows.filter((r) => r.status === 'failed')).toEqual([]);
    expect(outcome.report?.rows.find((r) => r.threat === 'phone_home')?.status).toBe('verified');
    const status = await sandbox.service.status();
    const info = await docker.getContainer(status.container!.id).inspect();
    expect(info.HostConfig.NetworkMode).toBe('none');
    const answer = await chat();
    expect(answer.content.length).toBeGreaterThan(0);
  }, 240_000);
});
