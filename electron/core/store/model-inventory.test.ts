// The inventory on a real SQLite file: rows round-trip, only ready rows are
// listed, a file name is held by one row, and the window's view of a row
// never carries the host path or a URL's query.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { modelEntrySchema } from '../../../shared/models-contract';
import { openDatabase, type AirlockDatabase } from './database';
import { createModelInventory, sourceLabel, toEntry, type InventoryRow } from './model-inventory';

let store: AirlockDatabase | undefined;
afterEach(() => store?.close());

function open() {
  store = openDatabase(mkdtempSync(join(tmpdir(), 'airlock-inventory-')));
  return createModelInventory(store.db);
}

const row = (over: Partial<InventoryRow> = {}): InventoryRow => ({
  id: 'm1',
  name: 'tiny:latest',
  fileName: 'tiny.gguf',
  state: 'ready',
  sourceKind: 'file',
  sourceRef: '/home/alice/Downloads/tiny.gguf',
  sha256: 'a'.repeat(64),
  size: 1234,
  format: 'gguf',
  architecture: 'llama',
  parameterCount: 42,
  quantization: 'F32',
  contextLength: 2048,
  templateVerdict: 'safe',
  scan: { verdict: 'passed', findings: [] },
  importedAt: 1000,
  importedBy: 'admin',
  ...over,
});

describe('the model inventory', () => {
  it('stores a row and reads it back whole', () => {
    const inventory = open();
    inventory.insert(row());
    // A new row's file has not been re-checked since import: its integrity reads ok, with no check time.
    expect(inventory.get('m1')).toEqual({ ...row(), integrity: { state: 'ok' } });
    expect(inventory.bySha256('a'.repeat(64))?.id).toBe('m1');
    expect(inventory.byFileName('tiny.gguf')?.id).toBe('m1');
  });

  it('lists only ready rows, oldest first, and keeps optional facts absent', () => {
    const inventory = open();
    inventory.insert(row({ id: 'late', fileName: 'b.gguf', importedAt: 3000 }));
    inventory.insert(row({ id: 'early', fileName: 'a.gguf', importedAt: 2000 }));
    const { architecture: _a, parameterCount: _p, quantization: _q, contextLength: _c, ...bare } = row();
    inventory.insert({
      ...bare,
      id: 'pending',
      fileName: 'c.safetensors',
      format: 'safetensors',
      state: 'importing',
      importerPid: 77,
    });
    expect(inventory.list().map((r) => r.id)).toEqual(['early', 'late']);
    expect(inventory.all()).toHaveLength(3);
    const pending = inventory.get('pending')!;
    expect(pending.importerPid).toBe(77);
    expect('architecture' in pending).toBe(false);
    expect(inventory.bySha256('a'.repeat(64))?.state).toBe('ready');

    inventory.markReady('pending');
    expect(inventory.get('pending')).toMatchObject({ state: 'ready' });
    expect(inventory.get('pending')?.importerPid).toBeUndefined();
  });

  it('gives one file name to one row, and replaces by file name on request', () => {
    const inventory = open();
    inventory.insert(row());
    expect(() => inventory.insert(row({ id: 'm2' }))).toThrow(/UNIQUE/);
    inventory.upsertByFileName(row({ id: 'm1', sha256: 'b'.repeat(64), sourceKind: 'demo' }));
    expect(inventory.all()).toHaveLength(1);
    expect(inventory.get('m1')?.sha256).toBe('b'.repeat(64));
    inventory.remove('m1');
    expect(inventory.all()).toEqual([]);
  });

  it('refuses rows the schema forbids (a short digest, an unknown format)', () => {
    const inventory = open();
    expect(() => inventory.insert(row({ sha256: 'abc' }))).toThrow(/CHECK/);
    expect(() => inventory.insert(row({ format: 'pickle' as 'gguf' }))).toThrow(/CHECK/);
    expect(inventory.all()).toEqual([]);
  });

  it("shows a window the source's base name or a URL without its query, never the host path", () => {
    const entry = toEntry(row());
    expect(modelEntrySchema.parse(entry)).toEqual(entry);
    expect(entry.source).toEqual({ kind: 'file', label: 'tiny.gguf' });
    expect(JSON.stringify(entry)).not.toMatch(/alice|Downloads|importing|sourceRef/);
    expect(sourceLabel('url', 'https://hf.co/x/resolve/main/m.gguf?token=SECRET#frag')).toBe(
      'https://hf.co/x/resolve/main/m.gguf',
    );
    expect(sourceLabel('file', 'C:\\Users\\bob\\m.gguf')).toBe('m.gguf');
  });
});
