// What goes into the engine image, read from this checkout without Docker:
// the packages the bundled entry imports, the host's CPU addon only, and an
// honest sentence where the local build cannot work.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cannotBuildHere, dockerfile, engineCommand } from './engine-image';
import { addonPackage, importedPackages, packageClosure } from './engine-image-inputs';

const root = join(import.meta.dirname, '..', '..', '..', '..');

describe('the engine image plan', () => {
  it('finds the packages a bundle imports by bare name, not Node built-ins or relative files', () => {
    const bundle = [
      'import { createHash } from "node:crypto";',
      'import fs from "fs";',
      'import { z } from "zod";',
      'import x from "./local.js";',
      'const nlc = await import("node-llama-cpp");',
      'import y from "@scope/pkg/sub/path";',
    ].join('\n');
    expect(importedPackages(bundle)).toEqual(['@scope/pkg', 'node-llama-cpp', 'zod']);
  });

  it('takes llama.cpp’s CPU build for this host only: no CUDA, Vulkan or other-arch builds', () => {
    const closure = packageClosure(root, process.arch, ['node-llama-cpp', 'zod']).map((dir) =>
      dir.slice(dir.lastIndexOf('node_modules') + 'node_modules/'.length),
    );
    expect(closure).toContain(addonPackage(process.arch));
    expect(closure).toContain('zod');
    expect(closure.filter((name) => name.startsWith('@node-llama-cpp/'))).toEqual([
      addonPackage(process.arch),
    ]);
  });

  it('says plainly where the local build cannot work, and points to the Ollama image', () => {
    expect(cannotBuildHere('linux', 'x64')).toBeUndefined();
    expect(cannotBuildHere('darwin', 'arm64')).toMatch(/only on Linux.*Ollama image/);
    expect(cannotBuildHere('win32', 'x64')).toMatch(/only on Linux/);
    expect(cannotBuildHere('linux', 'ia32')).toMatch(/no engine build for this processor/);
  });

  it('runs the engine on the container’s own interfaces, CPU only, as a non-root user with HOME on /tmp', () => {
    const text = dockerfile('abc');
    expect(text).toMatch(/^FROM scratch\n/);
    expect(text).toContain('ENV HOME=/tmp');
    expect(text).toContain('USER 10001:10001');
    expect(text).toContain('airlock.engine.inputs=abc');
    expect(JSON.parse(engineCommand[2]!)).toEqual({
      modelsDir: '/models',
      host: '0.0.0.0',
      port: 11434,
      gpu: false,
    });
  });
});
