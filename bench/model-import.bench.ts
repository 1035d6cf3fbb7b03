// Model import hashing speed (issue 4 budget): importing a 1 GiB GGUF (copy
// into the store while hashing, fsync, scan, rename) versus `sha256sum` on the
// same file in the same run. Budget: import at least 0.8x sha256sum's speed.
// The file is a real GGUF header followed by a sparse zero tensor, removed after.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readFileChunks } from '../electron/core/models/copy-hash';
import { importModel } from '../electron/core/models/import-model';
import { bigGgufHeader } from '../electron/core/models/testing/gguf-fixture';

const run = promisify(execFile);
const gib = 1024 ** 3;
const rounds = 3;
const floor = 0.8;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Only the hashing pass of the import (read ahead + SHA-256), writing nowhere. */
async function hashOnly(path: string): Promise<string> {
  const input = await open(path, 'r');
  const hash = createHash('sha256');
  try {
    for await (const chunk of readFileChunks(input)) hash.update(chunk);
  } finally {
    await input.close();
  }
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-bench-import-'));
  try {
    const header = bigGgufHeader(gib - 4096);
    const path = join(dir, 'big.gguf');
    const file = await open(path, 'w');
    await file.write(header);
    await file.truncate(header.length + gib - 4096); // sparse: zeros without writing a gigabyte
    await file.close();

    const { stdout } = await run('sha256sum', [path]);
    const digest = stdout.split(' ')[0]!;
    const baseline: number[] = [];
    const hashing: number[] = [];
    const imports: number[] = [];
    for (let i = 0; i < rounds; i++) {
      baseline.push(await timed(() => run('sha256sum', [path])));
      hashing.push(
        await timed(async () => {
          if ((await hashOnly(path)) !== digest) throw new Error('hash differs from sha256sum');
        }),
      );
      const store = join(dir, `store-${i}`);
      imports.push(
        await timed(() => importModel({ kind: 'file', path }, { storeDir: store, sha256: digest })),
      );
      await rm(store, { recursive: true });
    }

    const size = (header.length + gib - 4096) / gib;
    const speed = (seconds: number) => `${(size / seconds).toFixed(2)} GiB/s`;
    const [b, h, m] = [median(baseline), median(hashing), median(imports)];
    console.log(`sha256sum            : ${b.toFixed(2)} s  ${speed(b)}  (median of ${rounds})`);
    console.log(`import hashing pass  : ${h.toFixed(2)} s  ${speed(h)}  ratio ${(b / h).toFixed(2)}x`);
    console.log(
      `importModel (copy+hash+fsync+scan+rename): ${m.toFixed(2)} s  ${speed(m)}  ratio ${(b / m).toFixed(2)}x`,
    );
    const ratio = b / m;
    const met = ratio >= floor;
    console.log(
      `budget ${met ? 'met   ' : 'MISSED'} import speed vs sha256sum: ${ratio.toFixed(2)}x (floor ${floor}x)`,
    );
    if (!met) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
