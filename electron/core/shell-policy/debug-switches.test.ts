// EL-09: argv and environment combinations that must stop Airlock before any window.
import { describe, expect, it } from 'vitest';
import { assertNoDebugSwitches, DebugSwitchError } from './debug-switches';

const electron = '/opt/Airlock/airlock';

describe('assertNoDebugSwitches', () => {
  it.each<[string, string[], Record<string, string | undefined>]>([
    ['a plain start', [electron], {}],
    ['the dev start', [electron, '.'], { PATH: '/usr/bin', HOME: '/home/a' }],
    ['harmless switches', [electron, '.', '--no-sandbox', '--user-data-dir=/tmp/a', '--enable-logging'], {}],
    [
      'an app argument that merely contains the words',
      [electron, '/home/a/inspect-this', 'remote-debugging-port'],
      {},
    ],
    ['an empty NODE_OPTIONS', [electron], { NODE_OPTIONS: '' }],
    ['an unset ELECTRON_RUN_AS_NODE', [electron], { ELECTRON_RUN_AS_NODE: undefined }],
    ['a similar variable name', [electron], { ELECTRON_RUN_AS_NODE_X: '1', MY_NODE_OPTIONS: '--inspect' }],
  ])('lets %s through', (_name, argv, env) => {
    expect(() => assertNoDebugSwitches(argv, env)).not.toThrow();
  });

  it.each<[string, string[], Record<string, string | undefined>, string]>([
    ['--inspect', [electron, '--inspect'], {}, '--inspect'],
    ['--inspect=port', [electron, '--inspect=9229'], {}, '--inspect'],
    ['--inspect-brk', [electron, '--inspect-brk=0.0.0.0:9229', '.'], {}, '--inspect-brk'],
    ['--inspect-port', [electron, '.', '--inspect-port=1'], {}, '--inspect-port'],
    ['--inspect-wait', [electron, '--inspect-wait'], {}, '--inspect-wait'],
    ['--remote-debugging-port', [electron, '--remote-debugging-port=9222'], {}, '--remote-debugging-port'],
    ['--remote-debugging-pipe', [electron, '--remote-debugging-pipe'], {}, '--remote-debugging-pipe'],
    [
      '--remote-debugging-address',
      [electron, '--remote-debugging-address=0.0.0.0'],
      {},
      '--remote-debugging',
    ],
    ['a single dash', [electron, '-remote-debugging-port=9222'], {}, '-remote-debugging-port'],
    ['upper case', [electron, '--Remote-Debugging-Port=9222'], {}, '--Remote-Debugging-Port'],
    ['--js-flags', [electron, '--js-flags=--allow-natives-syntax'], {}, '--js-flags'],
    ['legacy --debug', [electron, '--debug=5858'], {}, '--debug'],
    ['legacy --debug-brk', [electron, '--debug-brk'], {}, '--debug-brk'],
    ['ELECTRON_RUN_AS_NODE=1', [electron], { ELECTRON_RUN_AS_NODE: '1' }, 'ELECTRON_RUN_AS_NODE'],
    ['ELECTRON_RUN_AS_NODE set empty', [electron], { ELECTRON_RUN_AS_NODE: '' }, 'ELECTRON_RUN_AS_NODE'],
    ['NODE_OPTIONS', [electron], { NODE_OPTIONS: '--require /tmp/x.js' }, 'NODE_OPTIONS'],
    ['a lower-case Windows name', [electron], { node_options: '--inspect' }, 'node_options'],
    [
      'several at once',
      [electron, '--inspect', '--remote-debugging-port=1'],
      { NODE_OPTIONS: '-r x' },
      '--inspect, --remote-debugging-port, NODE_OPTIONS',
    ],
  ])('refuses %s', (_name, argv, env, named) => {
    let error: unknown;
    try {
      assertNoDebugSwitches(argv, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DebugSwitchError);
    const message = (error as Error).message;
    expect(message).toContain(named);
    expect(message).not.toContain('\n');
  });
});
