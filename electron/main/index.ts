// Electron main entry. EL-09 first: refuse debugging switches before any other
// module of the app is evaluated or any window exists; then start the shell.
import { assertNoDebugSwitches, DebugSwitchError } from '../core/shell-policy/debug-switches';

try {
  assertNoDebugSwitches([...process.argv, ...process.execArgv], process.env);
} catch (error) {
  console.error(error instanceof DebugSwitchError ? error.message : String(error));
  process.exit(1);
}

// Loaded only now: esbuild keeps the dynamic import lazy, so Electron and the core start after the check.
import('./start')
  .then(({ start }) => start())
  .catch((error: unknown) => {
    console.error(`Airlock could not start: ${String(error)}`);
    process.exit(1);
  });
