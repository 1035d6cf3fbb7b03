// The renderer's initial download: the entry script, the chunks it preloads
// and its CSS, gzipped; lazy views are listed apart. Budget: under 300 KB.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { budget } from './stats';

const dist = join(process.cwd(), 'dist/renderer');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

const initialBytes = initial.reduce((sum, file) => sum + gz(file), 0);
const all = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
const lazy = all.filter((f) => !initial.includes(`assets/${f}`));
const rawInitial = initial.reduce((sum, file) => sum + readFileSync(join(dist, file)).length, 0);

for (const file of initial)
  console.log(`initial  ${(gz(file) / 1024).toFixed(1).padStart(7)} KB gz  ${file}`);
console.log(
  `lazy     ${(lazy.reduce((s, f) => s + gz(`assets/${f}`), 0) / 1024).toFixed(1).padStart(7)} KB gz  in ${lazy.length} chunks`,
);
console.log(
  `initial bundle: ${(initialBytes / 1024).toFixed(1)} KB gzip (${(rawInitial / 1024).toFixed(1)} KB raw, ratio ${(rawInitial / initialBytes).toFixed(1)}x)`,
);
if (!budget('initial renderer bundle', initialBytes / 1024, 300, 'KB gzip')) process.exitCode = 1;
