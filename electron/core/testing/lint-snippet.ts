// Lints a snippet as if it were a file in the repo, through the repo's own
// eslint.config.js but without type information. The rules these tests prove
// read only the syntax tree; typed parsing builds that tree from the program,
// and on a fresh clone its first parse of a file can come from the copy on
// disk instead of the snippet (seen in CI: the forbidden import was missing).
import { ESLint, type Linter } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

const root = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: tseslint.configs.disableTypeChecked as Linter.Config,
});

/** Every message ESLint gives `code` linted as the repo file `file`. */
export async function lintSnippet(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result?.messages ?? [];
}

/** Every message ESLint gives the repo file `file` as it is on disk. */
export async function lintRepoFile(file: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintFiles([join(root, file)]);
  return result?.messages ?? [];
}
