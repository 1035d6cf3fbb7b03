// Builds the Node side (Electron main, preload, serve, CLI) with esbuild.
// Node packages stay external: they install with the app.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  serve: 'electron/serve/index.ts',
  cli: 'electron/cli/index.ts',
};

await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({
      entryPoints: [entry],
      outfile: `dist/${name}/index.cjs`,
      bundle: true,
      platform: 'node',
      format: 'cjs',
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
chmodSync('dist/cli/index.cjs', 0o755);
