// Builds the Node side (Electron main, preload, serve, CLI, the built-in
// engine's child process, the demo-model writer, the filter evaluation) with esbuild.
// Node packages stay external: they install with the app.
// `node electron/build.mjs NAME...` builds only those entries (npm run demo-model, npm run eval).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  serve: 'electron/serve/index.ts',
  cli: 'electron/cli/index.ts',
  'demo-model': 'electron/core/engines/demo-model-cli.ts',
  'builtin-engine': 'electron/core/engines/builtin/engine-main.ts',
  eval: 'electron/eval/index.ts',
};
// node-llama-cpp ships only as an ES module, so the engine's child is one too.
const esm = new Set(['builtin-engine']);

const wanted = process.argv.slice(2);
for (const name of wanted) if (!(name in entries)) throw new Error(`build.mjs: no entry named ${name}`);
const selected = Object.entries(entries).filter(([name]) => wanted.length === 0 || wanted.includes(name));

await Promise.all(
  selected.map(([name, entry]) =>
    build({
      entryPoints: [entry],
      outfile: `dist/${name}/index.${esm.has(name) ? 'mjs' : 'cjs'}`,
      bundle: true,
      platform: 'node',
      format: esm.has(name) ? 'esm' : 'cjs',
      target: 'node20',
      sourcemap: true,
      // The sandboxed preload may only require('electron'); everything else is bundled in.
      packages: name === 'preload' ? undefined : 'external',
      external: ['electron'],
      banner: name === 'cli' ? { js: '#!/usr/bin/env node' } : undefined,
      logLevel: 'warning',
    }),
  ),
);

// `npx airlock` runs this file through package.json "bin".
if (selected.some(([name]) => name === 'cli')) chmodSync('dist/cli/index.cjs', 0o755);
