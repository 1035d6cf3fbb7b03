// The address check for OpenAI-compatible servers: a table of cases with
// the reason each refusal gives, and seeded properties over generated addresses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEndpoint, isLoopbackHost } from './endpoint-policy';

const reasonOf = (raw: string): string => {
  const verdict = checkEndpoint(raw);
  return verdict.ok ? 'ok' : verdict.reason;
};

describe('checkEndpoint', () => {
  it.each([
    'https://models.example.com',
    'https://10.0.0.5:8000/v1',
    'http://127.0.0.1:1234',
    'http://127.255.0.9:8080/v1',
    'http://localhost:11434',
    'http://LOCALHOST:1234/v1/',
    'http://[::1]:8000',
    'http://127.1:8080',
    'http://0x7f.0.0.1:8080',
    'http://[::ffff:127.0.0.1]:8080',
  ])('accepts %s', (raw) => {
    expect(reasonOf(raw)).toBe('ok');
  });

  it.each([
    ['http://192.168.1.20:1234', /must use https/],
    ['http://models.example.com/v1', /must use https/],
    ['http://0.0.0.0:8080', /must use https/],
    ['http://128.0.0.1:8080', /must use https/],
    ['http://localhost.attacker.test:8080', /must use https/],
    ['http://127.0.0.1.nip.io:8080', /must use https/],
    ['http://[::2]:8080', /must use https/],
    ['https://user:sk-secret@models.example.com', /user name or password/],
    ['https://sk-secret@models.example.com', /user name or password/],
    ['http://:pw@127.0.0.1:1234', /user name or password/],
    ['ftp://models.example.com', /"ftp:" cannot/],
    ['file:///etc/passwd', /"file:" cannot/],
    ['javascript:alert(1)', /"javascript:" cannot/],
    ['ws://127.0.0.1:1234', /"ws:" cannot/],
    ['models.example.com:8000', /"models.example.com:" cannot/],
    ['not an address', /not an address/],
    ['', /not an address/],
    ['https://models.example.com/v1?key=sk-1', /without a \? or #/],
  ])('refuses %s, saying why', (raw, why) => {
    expect(reasonOf(raw)).toMatch(why);
  });

  it('never repeats a password from the address in its reason', () => {
    expect(reasonOf('https://me:hunter2-secret@models.example.com')).not.toContain('hunter2');
  });
});

describe('checkEndpoint properties', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const port = fc.integer({ min: 1, max: 65535 });

  it('accepts plain http on any 127.x.y.z address and port', () => {
    fc.assert(
      fc.property(octet, octet, octet, port, (b, c, d, p) => {
        expect(checkEndpoint(`http://127.${b}.${c}.${d}:${p}`).ok).toBe(true);
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('refuses plain http on every other IPv4 address', () => {
    const notLoopback = fc.integer({ min: 0, max: 255 }).filter((a) => a !== 127);
    fc.assert(
      fc.property(notLoopback, octet, octet, octet, (a, b, c, d) => {
        expect(reasonOf(`http://${a}.${b}.${c}.${d}:8080`)).toMatch(/must use https/);
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('refuses any address that carries credentials, whatever the host and scheme', () => {
    const user = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    const host = fc.constantFrom('127.0.0.1', 'localhost', 'models.example.com', '[::1]');
    fc.assert(
      fc.property(user, user, host, fc.constantFrom('http', 'https'), (u, pw, h, scheme) => {
        expect(reasonOf(`${scheme}://${u}:${pw}@${h}/v1`)).toMatch(/user name or password/);
      }),
      { seed: 4242, numRuns: 200 },
    );
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses from look-alikes', () => {
    expect(['localhost', '127.0.0.1', '127.9.9.9', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['localhost.example', '1127.0.0.1', '12.7.0.1', '[::]', 'example.com'].some(isLoopbackHost)).toBe(
      false,
    );
  });
});
