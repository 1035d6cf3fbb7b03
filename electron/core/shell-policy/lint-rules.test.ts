// Proves the EL-01 and EL-06 lint gates fire through the repo's own
// eslint.config.js, on bad snippets, and stay quiet on the allowed forms.
import { describe, expect, it } from 'vitest';
import { lintRepoFile, lintSnippet } from '../testing/lint-snippet';

async function ruleHits(file: string, code: string, rule: string): Promise<string[]> {
  const messages = await lintSnippet(file, code);
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`snippet did not parse: ${fatal[0]!.message}`);
  return messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

const prefsRule = 'airlock/secure-web-preferences';
const openRule = 'airlock/open-external-adapter-only';
const head = "import { BrowserWindow, WebContentsView } from 'electron';\ndeclare const p: string;\n";
const good = 'secureWebPreferences(p, { appDir: p, packaged: true })';

describe('EL-01 lint gate: airlock/secure-web-preferences', () => {
  it.each([
    ['hand-written webPreferences', 'new BrowserWindow({ webPreferences: { nodeIntegration: true } });'],
    ['no webPreferences', 'new BrowserWindow({ width: 800 });'],
    ['no options at all', 'new BrowserWindow();'],
    ['options from a variable', 'const o = {}; new BrowserWindow(o);'],
    ['a spread that could override', `const b = {}; new BrowserWindow({ webPreferences: ${good}, ...b });`],
    [
      'secure preferences spread and weakened',
      `new BrowserWindow({ webPreferences: { ...${good}, sandbox: false } });`,
    ],
    [
      'a computed key',
      `const k = 'webPreferences'; new BrowserWindow({ webPreferences: ${good}, [k]: {} });`,
    ],
    ['webPreferences set twice', `new BrowserWindow({ webPreferences: ${good}, 'webPreferences': {} });`],
    ['another function', 'new BrowserWindow({ webPreferences: makePrefs() });'],
    ['a WebContentsView', 'new WebContentsView({ webPreferences: { sandbox: false } });'],
    [
      'a namespaced class',
      "import * as electron from 'electron';\nnew electron.BrowserWindow({ width: 1 });",
    ],
  ])('fires on %s', async (_name, code) => {
    const hits = await ruleHits('electron/main/window.ts', `${head}${code}\n`, prefsRule);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatch(/^EL-01/);
  });

  it('fires on a renamed import that would hide the class', async () => {
    const code = "import { BrowserWindow as Win } from 'electron';\nexport const W = Win;\n";
    expect(await ruleHits('electron/main/window.ts', code, prefsRule)).toHaveLength(1);
  });

  it('stays quiet on windows and views built with secureWebPreferences()', async () => {
    const code = `${head}new BrowserWindow({ width: 1, show: false, webPreferences: ${good} });\nnew WebContentsView({ webPreferences: ${good} });\n`;
    expect(await ruleHits('electron/main/window.ts', code, prefsRule)).toEqual([]);
  });

  it('passes the real window module', async () => {
    const messages = await lintRepoFile('electron/main/window.ts');
    expect(messages.filter((m) => m.ruleId === prefsRule)).toEqual([]);
  });
});

describe('EL-06 lint gate: airlock/open-external-adapter-only', () => {
  const shellHead =
    "import * as electron from 'electron';\nimport { shell } from 'electron';\ndeclare const u: string;\n";

  it.each([
    ['a direct call', 'void shell.openExternal(u);'],
    ['a namespaced call', 'void electron.shell.openExternal(u);'],
    ['a bracket call', "void shell['openExternal'](u);"],
    ['a template-literal key', 'void shell[`openExternal`](u);'],
    ['destructuring', 'const { openExternal } = shell;\nvoid openExternal(u);'],
    ['a reference passed along', 'export const open = shell.openExternal;'],
  ])('fires on %s outside the adapter', async (_name, code) => {
    for (const file of ['electron/main/window.ts', 'electron/main/start.ts', 'electron/preload/index.ts']) {
      const hits = await ruleHits(file, `${shellHead}${code}\n`, openRule);
      expect(hits.length, file).toBeGreaterThan(0);
      expect(hits[0]).toMatch(/^EL-06/);
    }
  });

  it('allows shell.openExternal in electron/main/open-external.ts only', async () => {
    const code = `${shellHead}void shell.openExternal(u);\n`;
    expect(await ruleHits('electron/main/open-external.ts', code, openRule)).toEqual([]);
  });

  it('stays quiet on other names that merely contain the word', async () => {
    const code = `${shellHead}declare function openInBrowser(x: string): void;\nopenInBrowser(u);\nexport const permission = 'openExternal';\n`;
    expect(await ruleHits('electron/main/start.ts', code, openRule)).toEqual([]);
  });
});
