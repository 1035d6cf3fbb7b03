// EL-10: the Electron Airlock declares and the one installed are both inside
// the supported window the release owner keeps in supported-electron.json.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const supported = readJson(join(import.meta.dirname, 'supported-electron.json')) as {
  supportedMajors: number[];
};
const pkg = readJson(join(root, 'package.json')) as { devDependencies?: Record<string, string> };
const installed = readJson(createRequire(import.meta.url).resolve('electron/package.json')) as {
  version: string;
};

/** The major of a plain `^45.4.1`, `~45.4.1` or `45.4.1` range; anything looser is refused. */
function declaredMajor(range: string): number | undefined {
  const match = /^[\^~]?(\d+)\.\d+\.\d+$/.exec(range.trim());
  return match ? Number(match[1]) : undefined;
}

describe('Electron version (EL-10)', () => {
  it('keeps a list of the latest three majors, newest last', () => {
    const majors = supported.supportedMajors;
    expect(majors).toHaveLength(3);
    expect(majors.every((m, i) => i === 0 || m === majors[i - 1]! + 1)).toBe(true);
  });

  it('declares a pinned major in package.json that is supported', () => {
    const range = pkg.devDependencies?.electron;
    expect(range, 'package.json devDependencies.electron').toBeTypeOf('string');
    const major = declaredMajor(range!);
    expect(major, `a range like ^45.4.1, not ${range}`).toBeDefined();
    expect(supported.supportedMajors).toContain(major);
  });

  it('has a supported Electron installed, matching the declared major', () => {
    const major = Number(installed.version.split('.')[0]);
    expect(supported.supportedMajors).toContain(major);
    expect(major).toBe(declaredMajor(pkg.devDependencies?.electron ?? ''));
  });

  it.each([
    ['^45.4.1', 45],
    ['~44.0.2', 44],
    ['43.1.0', 43],
    ['>=30', undefined],
    ['*', undefined],
    ['latest', undefined],
  ])('reads the major of %s as %s', (range, major) => {
    expect(declaredMajor(range)).toBe(major);
  });
});
