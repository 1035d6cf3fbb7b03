// What the start-up reconciliation does with each leftover a crash or a hand
// can leave in the model folder, on real files and a real database.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoModel } from '../engines/demo-model';
import { encodeGguf } from '../engines/gguf-write';
import { openDatabase, type AirlockDatabase } from '../store/database';
import { createModelInventory, type InventoryRow } from '../store/model-inventory';
import { reconcileModelFolder } from './reconcile-folder';
import { tinyGguf } from './testing/gguf-fixture';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const model = encodeGguf(buildDemoModel(3));

let store: AirlockDatabase | undefined;
afterEach(() => store?.close());

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'airlock-reconcile-'));
  store = openDatabase(root);
  const inventory = createModelInventory(store.db);
  const dir = join(root, 'models');
  const lines: string[] = [];
  const livePid = 4_000_001;
  const run = () =>
    reconcileModelFolder({
      dir,
      inventory,
      log: (line) => lines.push(line),
      isAlive: (pid) => pid === livePid,
    });
  const put = (name: string, bytes: Buffer) => writeFileSync(join(dir, name), bytes);
  const row = (over: Partial<InventoryRow>): InventoryRow => ({
    id: over.fileName ?? 'x',
    name: 'x:latest',
    fileName: 'x.gguf',
    state: 'importing',
    importerPid: 4_000_002,
    sourceKind: 'file',
    sourceRef: '/somewhere/x.gguf',
    sha256: sha(model),
    size: model.length,
    format: 'gguf',
    templateVerdict: 'safe',
    scan: { verdict: 'passed', findings: [] },
    importedAt: 1,
    importedBy: 'admin',
    ...over,
  });
  return { inventory, dir, lines, livePid, run, put, row };
}

describe('reconciling the model folder at start', () => {
  it('settles each kind of leftover and leaves live imports alone', async () => {
    const { inventory, dir, livePid, run, put, row } = setup();
    await run(); // creates the folder
    put(`.import-4000002-aaa.partial`, model);
    put(`.import-${livePid}-bbb.partial`, model);
    put('.import-old.partial', model);
    // Crashed after the rename: file in place with the recorded hash.
    put('renamed.gguf', model);
    inventory.insert(row({ fileName: 'renamed.gguf' }));
    // Crashed before the rename: a row only.
    inventory.insert(row({ fileName: 'unplaced.gguf' }));
    // A file in place whose bytes are not the recorded ones.
    put('changed.gguf', Buffer.concat([model, Buffer.of(0)]));
    inventory.insert(row({ fileName: 'changed.gguf' }));
    // Another process is importing right now.
    inventory.insert(row({ fileName: 'live.gguf', importerPid: livePid }));
    // A ready model whose file was removed by hand.
    inventory.insert(row({ fileName: 'gone.gguf', state: 'ready' }));

    const report = await run();
    expect(report.removedTemps.sort()).toEqual(['.import-4000002-aaa.partial', '.import-old.partial']);
    expect(report.finished).toEqual(['renamed.gguf']);
    expect(report.dropped.sort()).toEqual(['changed.gguf', 'gone.gguf', 'unplaced.gguf']);
    expect(inventory.get('renamed.gguf')?.state).toBe('ready');
    expect(inventory.get('live.gguf')?.state).toBe('importing');
    expect(
      inventory
        .all()
        .map((r) => r.fileName)
        .sort(),
    ).toEqual(['live.gguf', 'renamed.gguf']);
    expect(readdirSync(dir).sort()).toEqual([`.import-${livePid}-bbb.partial`, 'renamed.gguf']);
  });

  it('records model files it finds that pass the scan, and quarantines those that do not', async () => {
    const { inventory, dir, lines, run, put } = setup();
    await run();
    put('airlock-demo.gguf', encodeGguf(buildDemoModel(1)));
    put('handmade.gguf', model);
    put('pickle.gguf', Buffer.from("cposix\nsystem\n(S'echo pwned'\ntR.", 'latin1'));
    put('ssti.gguf', tinyGguf({ chatTemplate: '{{ lipsum.__globals__["os"].popen("id").read() }}' }));
    put('notes.txt', Buffer.from('left alone'));

    const report = await run();
    expect(report.adopted.sort()).toEqual(['airlock-demo.gguf', 'handmade.gguf']);
    expect(report.quarantined.sort()).toEqual(['pickle.gguf', 'ssti.gguf']);
    const rows = inventory.list();
    expect(rows.map((r) => [r.fileName, r.sourceKind, r.importedBy]).sort()).toEqual([
      ['airlock-demo.gguf', 'demo', 'airlock'],
      ['handmade.gguf', 'found', 'airlock'],
    ]);
    expect(rows.find((r) => r.fileName === 'handmade.gguf')?.sha256).toBe(sha(model));
    expect(readdirSync(dir).sort()).toEqual([
      'airlock-demo.gguf',
      'handmade.gguf',
      'notes.txt',
      'quarantine',
    ]);
    expect(existsSync(join(dir, 'quarantine', 'ssti.gguf'))).toBe(true);
    expect(lines.join('\n')).toMatch(/ssti\.gguf to the quarantine folder: .*chat template/);
    // A second start finds nothing more to do.
    expect(await run()).toEqual({
      removedTemps: [],
      finished: [],
      dropped: [],
      adopted: [],
      quarantined: [],
    });
  });
});
