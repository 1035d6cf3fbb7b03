// Refuses to start with a debugger or V8 flags switched on (EL-09): "living
// off the land" attacks start a signed app with --inspect or
// --remote-debugging-port and drive it. Fuses cover --inspect and
// NODE_OPTIONS in packaged builds, not --remote-debugging-port; this covers
// every build and runs before any window exists.

/** Switch names refused in any spelling (`--x`, `-x`, `--x=v`, any case); a trailing `*` is a prefix. */
export const refusedSwitches = ['inspect*', 'remote-debugging-*', 'js-flags', 'debug', 'debug-brk'] as const;
/** Environment variables that turn Electron into Node or inject Node flags (any value). */
export const refusedEnv = ['ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS'] as const;

export class DebugSwitchError extends Error {
  override readonly name = 'DebugSwitchError';
}

/** Throws a DebugSwitchError whose message is one line for the terminal. */
export function assertNoDebugSwitches(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): void {
  const found = [
    ...argv.flatMap((arg) => (refusedSwitch(arg) ? [arg.split('=')[0]!] : [])),
    ...refusedVars(env),
  ];
  if (found.length > 0) {
    throw new DebugSwitchError(
      `Airlock will not start with debugging switches (${found.join(', ')}): remove them and start it again.`,
    );
  }
}

function refusedSwitch(arg: string): boolean {
  // Chromium accepts both -x and --x; Windows Chromium also lowercases switch names.
  const match = /^--?([^=]+)/.exec(arg);
  if (!match) return false;
  const name = match[1]!.toLowerCase();
  return refusedSwitches.some((rule) =>
    rule.endsWith('*') ? name.startsWith(rule.slice(0, -1)) : name === rule,
  );
}

function refusedVars(env: Readonly<Record<string, string | undefined>>): string[] {
  // Windows environment names are case-insensitive; a set-but-empty NODE_OPTIONS does nothing.
  return Object.entries(env)
    .filter(([key, value]) => {
      const upper = key.toUpperCase();
      if (upper === 'NODE_OPTIONS') return value !== undefined && value.trim() !== '';
      return (refusedEnv as readonly string[]).includes(upper) && value !== undefined;
    })
    .map(([key]) => key);
}
