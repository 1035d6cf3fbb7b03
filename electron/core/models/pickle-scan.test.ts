// The pickle scanner against a corpus python3 writes at test time (dumped,
// never loaded): every malicious pickle is flagged with the import it hides,
// every benign one passes, and streams we cannot follow are refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source';
import { inspectModel } from './inspect-model';
import { scanPickle } from './pickle-scan';
import { sniffFormat } from './sniff';
import { buildPickleCorpus } from './testing/pickle-corpus';
import { scanTorchZip } from './torch-zip-scan';

const dir = mkdtempSync(join(tmpdir(), 'airlock-pickles-'));
const corpus = buildPickleCorpus(dir);
const load = (file: string) => bufferSource(readFileSync(join(dir, file)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanPickle', () => {
  const pickles = corpus.filter((e) => e.file.endsWith('.pkl'));

  it('has a corpus with both kinds', () => {
    expect(pickles.filter((e) => e.expect === 'dangerous').length).toBeGreaterThanOrEqual(20);
    expect(pickles.filter((e) => e.expect === 'clean').length).toBeGreaterThanOrEqual(8);
  });

  it.each(pickles.map((e) => [e.file, e] as const))('%s', async (_file, entry) => {
    const scan = await scanPickle(load(entry.file));
    expect(scan.verdict).toBe(entry.expect);
    if (entry.module) {
      const hit = scan.imports.find((i) => i.module === entry.module && i.name === entry.name);
      expect(hit, JSON.stringify(scan.imports)).toBeDefined();
      expect(hit!.severity).toBe(entry.expect === 'dangerous' ? 'dangerous' : 'unknown');
    }
  });

  it('every pickle in the corpus is sniffed as a pickle, whatever its name', async () => {
    for (const entry of pickles) {
      const sniffed = await sniffFormat(load(entry.file));
      expect([entry.file, sniffed.format]).toEqual([entry.file, 'pickle']);
      expect(sniffed.accepted).toBe(false);
    }
  });

  it('reports where the import sits and what opcode made it', async () => {
    const scan = await scanPickle(load('binget.pkl'));
    expect(scan.imports).toEqual([
      expect.objectContaining({ opcode: 'STACK_GLOBAL', severity: 'dangerous' }),
    ]);
    const broken = await scanPickle(load('broken.pkl'));
    expect(broken.problem).toMatch(/unknown opcode 0xff/);
  });

  it('refuses a STACK_GLOBAL whose operands are not plain strings', async () => {
    // EMPTY_LIST, SHORT_BINUNICODE 'x', STACK_GLOBAL: the module is a list, which we cannot name.
    const scan = await scanPickle(bufferSource(Buffer.from('\x80\x04]\x8c\x01x\x93.', 'latin1')));
    expect(scan.verdict).toBe('dangerous');
    expect(scan.imports[0]).toMatchObject({ module: '?', severity: 'dangerous' });
  });

  it('refuses protocol 6 and stack underflow', async () => {
    expect((await scanPickle(bufferSource(Buffer.from([0x80, 6, 0x2e])))).verdict).toBe('unreadable');
    expect((await scanPickle(bufferSource(Buffer.from('R.', 'latin1')))).verdict).toBe('unreadable');
  });
});

describe('scanTorchZip', () => {
  it.each([
    ['evil-torch.pt', 'dangerous'],
    ['evil-torch-deflated.bin', 'dangerous'],
    ['evil-torch-zip64.pth', 'dangerous'],
    ['hidden-entry.ckpt', 'dangerous'],
    ['benign-torch.pt', 'clean'],
  ])('%s is %s', async (file, verdict) => {
    const source = load(file);
    expect((await sniffFormat(source)).format).toBe('pytorch-zip');
    const scan = await scanTorchZip(source);
    expect(scan.verdict).toBe(verdict);
    if (verdict === 'dangerous') {
      const imports = scan.entries.flatMap((e) => e.scan.imports);
      expect(imports).toContainEqual(expect.objectContaining({ module: 'posix', name: 'system' }));
    }
  });

  it('a plain zip is an archive, not a model, and has no pickles', async () => {
    const sniffed = await sniffFormat(load('plain.zip'));
    expect(sniffed).toMatchObject({ format: 'zip', accepted: false });
    expect((await scanTorchZip(load('plain.zip'))).entries).toEqual([]);
  });

  it('a damaged zip is unreadable, not clean', async () => {
    const bytes = readFileSync(join(dir, 'evil-torch.pt'));
    const cut = bytes.subarray(0, bytes.length - 30);
    expect((await scanTorchZip(bufferSource(cut))).verdict).toBe('unreadable');
  });
});

describe('inspectModel on pickles', () => {
  it('refuses by format first, and explains with the scan only when asked', async () => {
    const plain = await inspectModel(load('evil-torch.pt'));
    expect(plain).toMatchObject({ format: 'pytorch-zip', accepted: false, refusal: 'unsupported_format' });
    expect(plain.pickle).toBeUndefined();
    const inspected = await inspectModel(load('os-system-p4.pkl'), { inspectPickles: true });
    expect(inspected.pickle).toMatchObject({ verdict: 'dangerous' });
    const benign = await inspectModel(load('state-dict.pkl'), { inspectPickles: true });
    // A clean scan does not make a pickle acceptable (MI-01: the allowlist is the boundary).
    expect(benign).toMatchObject({ accepted: false, pickle: { verdict: 'clean' } });
  });
});
