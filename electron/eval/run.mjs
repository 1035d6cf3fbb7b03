// `npm run eval`: bundles the evaluator with esbuild (like bench/run.mjs) and
// runs it with the given arguments, so the filters run exactly as shipped.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const outfile = join(root, 'dist', 'eval', 'index.cjs');
await build({
  entryPoints: [join(import.meta.dirname, 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
