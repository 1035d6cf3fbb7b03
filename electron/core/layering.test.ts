// Proves the lint rules that hold ARCHITECTURE.md's layering actually fire.
import { describe, expect, it } from 'vitest';
import { lintSnippet } from './testing/lint-snippet';

async function importErrors(file: string, code: string): Promise<string[]> {
  return (await lintSnippet(file, code))
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.fatal)
    .map((m) => m.message);
}

describe('layering lint', () => {
  it.each([
    [
      'shared/contract.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      /without Node/,
    ],
    ['shared/contract.ts', "import { app } from 'electron';\nexport const x = app;\n", /Only electron\/main/],
    ['shared/contract.ts', 'export const x = window.location;\n', /window/],
    [
      'electron/core/router.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
      /Only electron\/main/,
    ],
    [
      'electron/serve/index.ts',
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
      /Only electron\/main/,
    ],
    [
      'renderer/src/api.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      /without Node/,
    ],
    [
      'renderer/src/api.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      /Only electron\/main/,
    ],
    ['renderer/src/api.ts', "import fs from 'fs';\nexport const x = fs;\n", /without Node/],
    [
      'renderer/src/api.ts',
      "import { createCore } from '../../electron/core/services';\nexport const x = createCore;\n",
      /only through api.ts/,
    ],
    ['renderer/src/api.ts', 'export const x = process.env;\n', /process/],
  ])('refuses a forbidden import in %s', async (file, code, message) => {
    const errors = await importErrors(file, code);
    expect(errors.join('\n')).toMatch(message);
  });

  it('allows what each zone may use', async () => {
    expect(
      await importErrors('shared/contract.ts', "import { z } from 'zod';\nexport const x = z;\n"),
    ).toEqual([]);
    expect(
      await importErrors(
        'electron/core/router.ts',
        "import { join } from 'node:path';\nexport const x = join;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'renderer/src/api.ts',
        "import { create } from 'zustand';\nexport const x = create;\n",
      ),
    ).toEqual([]);
  });
});
