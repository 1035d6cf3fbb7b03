import { describe, expect, it } from 'vitest';
import { parseServeArgs, UsageError } from './serve-args';

describe('serve arguments', () => {
  it('defaults to loopback on a free port', () => {
    expect(parseServeArgs([])).toEqual({ port: 0, host: '127.0.0.1', allowRemote: false });
    expect(parseServeArgs(['--port', '8080', '--data', '/tmp/a'])).toMatchObject({
      port: 8080,
      data: '/tmp/a',
    });
  });

  it.each([['0.0.0.0'], ['192.168.1.10'], ['::'], ['10.0.0.1']])(
    'refuses to bind %s without --allow-remote and a token file',
    (host) => {
      expect(() => parseServeArgs(['--host', host])).toThrow(
        /Refusing to listen on .*--allow-remote and --token-file/,
      );
      expect(() => parseServeArgs(['--host', host, '--allow-remote'])).toThrow(UsageError);
      expect(() => parseServeArgs(['--host', host, '--token-file', '/t'])).toThrow(UsageError);
      expect(parseServeArgs(['--host', host, '--allow-remote', '--token-file', '/t'])).toMatchObject({
        host,
        allowRemote: true,
      });
    },
  );

  it.each([['127.0.0.1'], ['::1'], ['localhost'], ['127.0.0.2']])('allows loopback %s', (host) => {
    expect(parseServeArgs(['--host', host]).host).toBe(host);
  });

  it('takes the profile the window runs as, and only a known role', () => {
    expect(parseServeArgs(['--profile', 'kid']).profile).toBe('kid');
    expect(parseServeArgs([]).profile).toBeUndefined();
    expect(() => parseServeArgs(['--profile', 'root'])).toThrow(
      '--profile must be one of kid, teen, adult, admin, not "root".',
    );
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--port'], /--port needs a value/],
    [['--data', '--port'], /--data needs a value/],
    [['--host', 'example.com'], /--host must be an IP address/],
    [['--frobnicate'], /Unknown option "--frobnicate"/],
  ])('explains bad arguments %j', (argv, message) => {
    expect(() => parseServeArgs(argv)).toThrow(message);
  });
});
