// What goes into the built-in engine's image, read from this machine: the
// running Node binary, the shared libraries it and llama.cpp's addon load
// (as `ldd` resolves them), the bundled engine child, and node-llama-cpp with
// the packages it needs, keeping only this host's CPU build of the addon.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { TarEntry } from './tar-pack';

const run = promisify(execFile);

/** Where things live inside the image. */
export const imageLayout = {
  node: '/usr/bin/node',
  appDir: '/app',
  entry: '/app/engine/index.mjs',
  modelsDir: '/models',
} as const;

export interface EngineImageSources {
  /** The Node binary to copy: the running one by default. */
  nodeBinary: string;
  /** The bundled engine child (dist/builtin-engine/index.mjs). */
  entry: string;
  /** The folder whose node_modules holds node-llama-cpp. */
  packagesRoot: string;
  arch: string;
}

/** The addon package for this host's CPU; never the CUDA, Vulkan or other-arch builds. */
export function addonPackage(arch: string): string {
  return `@node-llama-cpp/linux-${arch}`;
}

/** The folder above `from` whose node_modules has node-llama-cpp, or undefined. */
export function findPackagesRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', 'node-llama-cpp', 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function packageDir(name: string, from: string, root: string): string | undefined {
  for (let dir = from; dir.startsWith(root); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root) break;
  }
  return undefined;
}

/** The packages a bundled entry imports by bare name (esbuild leaves packages external). */
export function importedPackages(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"'./][^"']*)["']/g)) {
    const spec = match[1]!;
    if (isBuiltin(spec)) continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return [...names].sort();
}

/** The entry's packages and every package they need, resolved as Node would, each folder once. */
export function packageClosure(root: string, arch: string, wanted: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string, from: string, optional: boolean): void => {
    // Other platforms' and GPU builds are optional dependencies; only the host's CPU build goes in.
    if (name.startsWith('@node-llama-cpp/') && name !== addonPackage(arch)) return;
    const dir = packageDir(name, from, root);
    if (!dir) {
      if (optional) return;
      throw new Error(`the package ${name} that the engine needs is not installed`);
    }
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const name of wanted) visit(name, root, false);
  if (![...seen].some((dir) => dir.endsWith(join('node_modules', addonPackage(arch))))) {
    throw new Error(`llama.cpp's CPU build for ${arch} (${addonPackage(arch)}) is not installed`);
  }
  return [...seen].sort();
}

/** Every file under a package folder, leaving out nested node_modules (those are packages of their own). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...filesUnder(path));
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      if (statSync(path, { throwIfNoEntry: false })?.isFile()) out.push(path);
    }
  }
  return out;
}

/** `ldd`'s resolved paths, the dynamic loader included; libraries beside the addon are already copied. */
export function parseLdd(output: string): string[] {
  const paths: string[] = [];
  for (const line of output.split('\n')) {
    const arrow = /=>\s*(\/\S+)/.exec(line);
    const bare = /^\s*(\/\S+)\s+\(0x/.exec(line);
    const path = arrow?.[1] ?? bare?.[1];
    if (path) paths.push(path);
  }
  return paths;
}

async function sharedLibraries(binaries: string[], besideAddon: string): Promise<string[]> {
  const found = new Set<string>();
  for (const binary of binaries) {
    const { stdout } = await run('ldd', [binary], { timeout: 20_000 });
    for (const path of parseLdd(stdout)) if (!path.startsWith(besideAddon)) found.add(path);
  }
  return [...found].sort();
}

export interface EngineImageFiles {
  /** In the order they go into the context; host paths are read as the tar is sent. */
  entries: TarEntry[];
  /** Host files whose bytes the content hash covers. */
  hashed: { imagePath: string; source: string }[];
}

/** Lists the image's files. Linux only: ldd and the addon's Linux build are what it is made of. */
export async function engineImageFiles(sources: EngineImageSources): Promise<EngineImageFiles> {
  const wanted = importedPackages(readFileSync(sources.entry, 'utf8'));
  const closure = packageClosure(sources.packagesRoot, sources.arch, wanted);
  const addonDir = closure.find((dir) => dir.endsWith(join('node_modules', addonPackage(sources.arch))))!;
  const bins = join(addonDir, 'bins', `linux-${sources.arch}`);
  const natives = readdirSync(bins)
    .filter((name) => /\.(so|node)$/.test(name))
    .map((name) => join(bins, name));
  const node = realpathSync(sources.nodeBinary);
  const libraries = await sharedLibraries([node, ...natives], realpathSync(bins));

  const hashed: EngineImageFiles['hashed'] = [
    { imagePath: imageLayout.node, source: node },
    ...libraries.map((path) => ({ imagePath: path, source: realpathSync(path) })),
    { imagePath: imageLayout.entry, source: sources.entry },
  ];
  for (const dir of closure) {
    for (const file of filesUnder(dir)) {
      const inApp = relative(sources.packagesRoot, file).split('\\').join('/');
      hashed.push({ imagePath: `${imageLayout.appDir}/${inApp}`, source: file });
    }
  }
  const executable = new Set<string>([imageLayout.node]);
  const entries: TarEntry[] = [
    { kind: 'dir', path: 'rootfs/tmp', mode: 0o1777 },
    // Empty, but there: the verify probe's write to /etc must meet the read-only root, not a missing folder.
    { kind: 'dir', path: 'rootfs/etc', mode: 0o755 },
    { kind: 'dir', path: `rootfs${imageLayout.modelsDir}`, mode: 0o755 },
    ...hashed.map((file): TarEntry => ({
      kind: 'file',
      path: `rootfs${file.imagePath}`,
      source: file.source,
      mode: executable.has(file.imagePath) || /\.so(\.|$)/.test(file.imagePath) ? 0o755 : 0o644,
    })),
  ];
  return { entries, hashed };
}
