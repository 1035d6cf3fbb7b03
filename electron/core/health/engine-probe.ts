// The built-in engine is node-llama-cpp; present means its package resolves.
// It is only resolved here, never loaded: a bad model aborts the process that
// loads it, so the engine runs in a child process of its own.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentHealth } from '../../../shared/contract';

const here = (): string =>
  typeof __filename === 'string' ? __filename : join(process.cwd(), 'package.json');

export function probeEngine(resolveFrom: string = here()): ComponentHealth {
  try {
    const require = createRequire(resolveFrom);
    const manifest = JSON.parse(readFileSync(require.resolve('node-llama-cpp/package.json'), 'utf8')) as {
      version?: string;
    };
    const version = manifest.version ?? 'unknown';
    return {
      id: 'engine',
      status: 'ok',
      reason: 'ok',
      version,
      detail: `Built-in engine (node-llama-cpp ${version}).`,
    };
  } catch {
    return {
      id: 'engine',
      status: 'missing',
      reason: 'not_installed',
      detail: 'The built-in engine (node-llama-cpp) is not installed.',
    };
  }
}
