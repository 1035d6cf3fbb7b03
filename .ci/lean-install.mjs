// The lean CI install: `npm ci` without node-llama-cpp's CUDA, Vulkan and
// cross-architecture builds (~640 MB that CI never loads), keeping the CPU
// build this machine runs. It points those packages at an empty local package
// through npm `overrides` in a temporary copy of package.json and the
// lockfile, runs `npm ci`, and puts both files back, so the committed ones
// (what users and release builds install) keep every GPU build.
// Run by .ci/run unless AIRLOCK_LEAN_INSTALL=0.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, '.ci', 'empty-package');
const files = ['package.json', 'package-lock.json'].map((f) => join(root, f));
const originals = files.map((f) => readFileSync(f, 'utf8'));

/** node-llama-cpp's CPU package for this machine: the one build CI uses. */
function hostPackage() {
  const os = { linux: 'linux', darwin: 'mac', win32: 'win' }[process.platform];
  const name = `${os}-${process.arch === 'arm' ? 'armv7l' : process.arch}`;
  return `@node-llama-cpp/${name === 'mac-arm64' ? 'mac-arm64-metal' : name}`;
}

function npm(args) {
  const run = spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${run.status ?? run.signal})`);
}

const keep = hostPackage();
const lock = JSON.parse(originals[1]);
const variants = Object.keys(lock.packages)
  .map((path) => /(?:^|\/)node_modules\/(@node-llama-cpp\/[^/]+)$/.exec(path)?.[1])
  .filter((name) => name !== undefined && name !== keep);

// npm gets the Ctrl-C too; this process stays to put the committed files back.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (interrupted = true));

try {
  const pkg = JSON.parse(originals[0]);
  // An absolute path: npm resolves a relative file: override from the dependent's folder, not the root.
  pkg.overrides = { ...pkg.overrides, ...Object.fromEntries(variants.map((v) => [v, `file:${stub}`])) };
  writeFileSync(files[0], `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`lean install: ${variants.length} node-llama-cpp builds stubbed, ${keep} kept`);
  npm(['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund']);
  npm(['ci', '--no-audit', '--no-fund']);
} finally {
  files.forEach((f, i) => writeFileSync(f, originals[i]));
}
if (interrupted) process.exit(130);
