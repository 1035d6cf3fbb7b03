// Import end to end on real files and a loopback HTTP server: a file lands in
// the store only when its SHA-256 matches and its scan passes; every refusal
// leaves the store exactly as it was (no temp file behind).
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AirlockError } from '../errors';
import type { ImportProgress } from './copy-hash';
import { parseSha256 } from './digest';
import { importModel } from './import-model';
import { RawGguf, tinyGguf } from './testing/gguf-fixture';

const work = mkdtempSync(join(tmpdir(), 'airlock-import-'));
let store: string;
let round = 0;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const put = (name: string, bytes: Buffer) => {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(AirlockError);
      return error as AirlockError;
    },
  );

const model = tinyGguf({ chatTemplate: "{% for m in messages %}{{ m['content'] }}{% endfor %}" });
const pickle = Buffer.from("cposix\nsystem\n(S'echo pwned'\ntR.", 'latin1');

// Loopback only: the tests never reach an outside address.
let server: Server;
let base: string;
const routes = new Map<string, (res: ServerResponse) => void>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  routes.set('/model.gguf', (res) => res.writeHead(200, { 'content-length': model.length }).end(model));
  routes.set('/chunked.gguf', (res) => {
    res.writeHead(200);
    res.write(model.subarray(0, 1000));
    res.end(model.subarray(1000));
  });
  routes.set('/evil.pkl', (res) => res.writeHead(200).end(pickle));
  routes.set('/redirect-out', (res) =>
    res.writeHead(302, { location: 'http://example.invalid/model.gguf' }).end(),
  );
  routes.set('/redirect-in', (res) => res.writeHead(301, { location: '/model.gguf' }).end());
  routes.set('/slow', (res) => {
    res.writeHead(200, { 'content-length': 1_000_000 });
    res.write(Buffer.alloc(1000));
  });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  store = join(work, `store-${++round}`);
});
afterEach(() => vi.restoreAllMocks());

describe('importModel from a file', () => {
  it('moves a GGUF with the right hash into the store, leaving no temp', async () => {
    const progress: ImportProgress[] = [];
    const imported = await importModel(
      { kind: 'file', path: put('tiny.gguf', model) },
      { storeDir: store, sha256: sha(model), onProgress: (p) => progress.push(p) },
    );
    expect(imported.path).toBe(join(store, `${sha(model)}.gguf`));
    expect(readdirSync(store)).toEqual([`${sha(model)}.gguf`]);
    expect(readFileSync(imported.path).equals(model)).toBe(true);
    expect(imported.report).toMatchObject({
      accepted: true,
      gguf: { architecture: 'llama', contextLength: 2048 },
    });
    expect(progress.at(-1)).toEqual({ bytesDone: model.length, bytesTotal: model.length });
  });

  it('accepts the sha256: prefix', async () => {
    const imported = await importModel(
      { kind: 'file', path: put('prefixed.gguf', model) },
      { storeDir: store, sha256: `sha256:${sha(model)}` },
    );
    expect(imported.sha256).toBe(sha(model));
  });

  it('refuses a wrong hash, names both hashes, and deletes the temp', async () => {
    const wrong = 'ab'.repeat(32);
    const error = await failure(
      importModel({ kind: 'file', path: put('tiny2.gguf', model) }, { storeDir: store, sha256: wrong }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(`expected ${wrong}`);
    expect(error.message).toContain(`found ${sha(model)}`);
    expect(error.details).toMatchObject({ reason: 'digest_mismatch', expected: wrong, found: sha(model) });
    expect(readdirSync(store)).toEqual([]);
  });

  it('refuses a pickle named .gguf with the hash right, explaining why', async () => {
    const error = await failure(
      importModel(
        { kind: 'file', path: put('model.gguf', pickle) },
        { storeDir: store, sha256: sha(pickle) },
      ),
    );
    expect(error.details).toMatchObject({ reason: 'unsupported_format', format: 'pickle' });
    expect(error.message).toMatch(/pickle.*runs code/s);
    expect(readdirSync(store)).toEqual([]);
  });

  it('refuses a GGUF whose tensor reaches past the end (CVE-2026-7482)', async () => {
    const bytes = new RawGguf().header(3, 1, 0).tensor('w', [1024], 0, 0).pad().raw(Buffer.alloc(64)).bytes();
    const error = await failure(
      importModel({ kind: 'file', path: put('oob.gguf', bytes) }, { storeDir: store, sha256: sha(bytes) }),
    );
    expect(error.details).toMatchObject({ reason: 'invalid_gguf' });
    expect(readdirSync(store)).toEqual([]);
  });

  it('quarantines a GGUF with a hostile chat template', async () => {
    const bytes = tinyGguf({ chatTemplate: '{{ lipsum.__globals__["os"].popen("id").read() }}' });
    const error = await failure(
      importModel({ kind: 'file', path: put('ssti.gguf', bytes) }, { storeDir: store, sha256: sha(bytes) }),
    );
    expect(error.details).toMatchObject({ reason: 'unsafe_template' });
    expect(readdirSync(store)).toEqual([]);
  });

  it('refuses a file over the size limit', async () => {
    const error = await failure(
      importModel(
        { kind: 'file', path: put('big.gguf', model) },
        { storeDir: store, sha256: sha(model), maxBytes: 1000 },
      ),
    );
    expect(error.details).toMatchObject({ reason: 'too_large' });
    expect(readdirSync(store)).toEqual([]);
  });

  it('reports progress that rises to the total on a multi-chunk file', async () => {
    const dataBytes = 24 * 1024 * 1024;
    const bytes = Buffer.concat([
      new RawGguf()
        .header(3, 1, 1)
        .kvString('general.architecture', 'llama')
        .tensor('w', [dataBytes / 4], 0, 0)
        .pad()
        .bytes(),
      Buffer.alloc(dataBytes),
    ]);
    const progress: ImportProgress[] = [];
    await importModel(
      { kind: 'file', path: put('multi.gguf', bytes) },
      { storeDir: store, sha256: sha(bytes), onProgress: (p) => progress.push(p) },
    );
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.bytesDone).toBeGreaterThanOrEqual(progress[i - 1]!.bytesDone);
    }
    expect(progress.at(-1)).toEqual({ bytesDone: bytes.length, bytesTotal: bytes.length });
  });

  it('says plainly when the file is missing', async () => {
    const error = await failure(
      importModel({ kind: 'file', path: join(work, 'nope.gguf') }, { storeDir: store, sha256: sha(model) }),
    );
    expect(error.code).toBe('not_found');
  });
});

describe('importModel from a URL', () => {
  it('downloads from a loopback server with progress to the announced total', async () => {
    const progress: ImportProgress[] = [];
    const imported = await importModel(
      { kind: 'url', url: `${base}/model.gguf` },
      { storeDir: store, sha256: sha(model), onProgress: (p) => progress.push(p) },
    );
    expect(readdirSync(store)).toEqual([`${sha(model)}.gguf`]);
    expect(imported.size).toBe(model.length);
    expect(progress.at(-1)).toEqual({ bytesDone: model.length, bytesTotal: model.length });
  });

  it('follows a same-host redirect and handles a download without a length', async () => {
    await importModel({ kind: 'url', url: `${base}/redirect-in` }, { storeDir: store, sha256: sha(model) });
    const progress: ImportProgress[] = [];
    await importModel(
      { kind: 'url', url: `${base}/chunked.gguf` },
      { storeDir: join(store, 'b'), sha256: sha(model), onProgress: (p) => progress.push(p) },
    );
    expect(progress.at(-1)).toEqual({ bytesDone: model.length, bytesTotal: model.length });
  });

  it('counts bytes against the limit when the server announces no length', async () => {
    const error = await failure(
      importModel(
        { kind: 'url', url: `${base}/chunked.gguf` },
        { storeDir: store, sha256: sha(model), maxBytes: 2000 },
      ),
    );
    expect(error.details).toMatchObject({ reason: 'too_large' });
    expect(readdirSync(store)).toEqual([]);
  });

  it('refuses a downloaded pickle and keeps nothing', async () => {
    const error = await failure(
      importModel({ kind: 'url', url: `${base}/evil.pkl` }, { storeDir: store, sha256: sha(pickle) }),
    );
    expect(error.details).toMatchObject({ reason: 'unsupported_format' });
    expect(readdirSync(store)).toEqual([]);
  });

  it.each([
    ['plain http to another host', 'http://example.invalid/model.gguf'],
    ['ftp', 'ftp://127.0.0.1/model.gguf'],
    ['credentials in the URL', 'https://user:pw@example.invalid/model.gguf'],
    ['not a URL', 'model.gguf'],
  ])('refuses %s before any request', async (_name, url) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const error = await failure(importModel({ kind: 'url', url }, { storeDir: store, sha256: sha(model) }));
    expect(error.details).toMatchObject({ reason: 'refused_url' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a redirect to plain http elsewhere', async () => {
    const error = await failure(
      importModel({ kind: 'url', url: `${base}/redirect-out` }, { storeDir: store, sha256: sha(model) }),
    );
    expect(error.details).toMatchObject({ reason: 'refused_url' });
  });

  it('says what the server answered', async () => {
    const error = await failure(
      importModel({ kind: 'url', url: `${base}/missing` }, { storeDir: store, sha256: sha(model) }),
    );
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/answered 404/);
  });

  it('cancels a download in flight and removes the temp', async () => {
    const controller = new AbortController();
    const importing = importModel(
      { kind: 'url', url: `${base}/slow` },
      {
        storeDir: store,
        sha256: sha(model),
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    const error = await failure(importing);
    expect(error.code).toBe('cancelled');
    expect(readdirSync(store)).toEqual([]);
  });

  it('gives up on a server that stalls', async () => {
    const error = await failure(
      importModel(
        { kind: 'url', url: `${base}/slow` },
        { storeDir: store, sha256: sha(model), stallMs: 200 },
      ),
    );
    expect(error.code).toBe('timeout');
    expect(readdirSync(store)).toEqual([]);
  });
});

describe('parseSha256 (MI-02)', () => {
  it.each([
    ['63 hex digits', 'a'.repeat(63)],
    ['65 hex digits', 'a'.repeat(65)],
    ['uppercase', 'A'.repeat(64)],
    ['a path', `../${'a'.repeat(61)}`],
    ['percent-encoded dots', `%2e%2e${'a'.repeat(58)}`],
    ['a NUL byte', `${'a'.repeat(63)}\u0000`],
    ['a wrong algorithm', `sha512:${'a'.repeat(64)}`],
  ])('refuses %s', (_name, digest) => {
    expect(() => parseSha256(digest)).toThrow(/64 lowercase hexadecimal digits/);
  });
});
