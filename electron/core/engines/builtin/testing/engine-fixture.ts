// Test fixtures for the built-in engine: the child bundled from the current
// source (so tests need no prior `npm run build`) and a models folder holding
// the tiny demo model. Real inference, nothing mocked.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoModel } from '../../demo-model';
import { encodeGguf, type GgufFile } from '../../gguf-write';

const root = join(import.meta.dirname, '..', '..', '..', '..', '..');

/**
 * Bundles engine-main.ts inside the repo (so node-llama-cpp resolves from
 * node_modules) under a name of its own, as test files run in parallel.
 * `outsideRepo` puts it where node-llama-cpp cannot be found, as on a machine
 * where its native part did not install.
 */
export async function bundleEngine(outsideRepo = false): Promise<{ entry: string; remove: () => void }> {
  mkdirSync(join(root, 'dist'), { recursive: true });
  const dir = mkdtempSync(join(outsideRepo ? tmpdir() : join(root, 'dist'), 'airlock-test-engine-'));
  const entry = join(dir, 'index.mjs');
  await build({
    entryPoints: [join(root, 'electron/core/engines/builtin/engine-main.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    ...(outsideRepo ? { external: ['node-llama-cpp'] } : { packages: 'external' as const }),
    logLevel: 'warning',
  });
  return { entry, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A temporary models folder; `add` writes a GGUF into it. */
export function modelsFolder(): {
  dir: string;
  add: (name: string, file?: GgufFile) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-engine-models-'));
  return {
    dir,
    add(name, file = buildDemoModel(1)) {
      const path = join(dir, name);
      writeFileSync(path, encodeGguf(file));
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The demo model without one key llama.cpp asserts on: loading it aborts the process. */
export function withoutKey(key: string): GgufFile {
  const file = buildDemoModel(1);
  const metadata = new Map(file.metadata);
  metadata.delete(key);
  return { ...file, metadata };
}
