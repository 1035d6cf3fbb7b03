// `npm run demo-model -- --out FILE [--seed N]`: writes the tiny random-weight
// GGUF (see demo-model.ts). Built to dist/demo-model/index.cjs by electron/build.mjs.
import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemoModel } from './demo-model';
import { encodeGguf } from './gguf-write';

function main(): void {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, seed: { type: 'string', default: '1' } },
    strict: true,
  });
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    console.error('usage: npm run demo-model -- --out FILE [--seed N]  (N: integer 0..4294967295)');
    process.exit(2);
  }
  const out = resolve(values.out);
  const started = process.hrtime.bigint();
  const bytes = encodeGguf(buildDemoModel(seed));
  // Write beside the target and rename, so a reader never sees half a model.
  const temp = `${out}.${process.pid}.partial`;
  writeFileSync(temp, bytes);
  renameSync(temp, out);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`wrote ${out} (${bytes.length} bytes, seed ${seed}) in ${ms.toFixed(0)} ms`);
}

main();
