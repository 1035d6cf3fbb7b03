// EL-09: the main entry checks for debugging switches before anything else
// runs: its only static import is the check, its first statement calls it,
// and Electron and the core arrive only through the later dynamic import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const path = join(import.meta.dirname, 'index.ts');
const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
const statements = [...source.statements];
const imports = statements.filter(ts.isImportDeclaration);
const code = statements.filter((s) => !ts.isImportDeclaration(s));

const calls = (node: ts.Node): string[] => {
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) found.push(n.expression.getText(source));
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
};

describe('electron/main/index.ts (EL-09)', () => {
  it('statically imports only the debug-switch check', () => {
    expect(imports.map((i) => (i.moduleSpecifier as ts.StringLiteral).text)).toEqual([
      '../core/shell-policy/debug-switches',
    ]);
  });

  it('calls assertNoDebugSwitches in its first statement, and exits when it throws', () => {
    const first = code[0];
    expect(first && ts.isTryStatement(first)).toBe(true);
    const guard = first as ts.TryStatement;
    expect(calls(guard.tryBlock)[0]).toBe('assertNoDebugSwitches');
    expect(calls(guard.catchClause!.block)).toContain('process.exit');
  });

  it('starts the shell only afterwards, through a dynamic import', () => {
    const rest = code.slice(1).map((s) => s.getText(source));
    expect(rest.join('\n')).toMatch(/import\('\.\/start'\)/);
    expect(
      code
        .slice(0, 1)
        .map((s) => s.getText(source))
        .join('\n'),
    ).not.toMatch(/import\(/);
  });
});
