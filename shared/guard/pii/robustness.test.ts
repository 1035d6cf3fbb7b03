// Linear time and no exceptions (issue 5, robustness): each pattern family
// gets 100 KB made of the characters it repeats; bad input gets a verdict.
// These assert that the run finishes, never how fast (the bench does that).
import { describe, expect, it } from 'vitest';
import { detectPii } from './detect';
import { piiVerdict } from './policy';
import { redact } from './redact';

const KB100 = 100 * 1024;
const fill = (unit: string, size = KB100): string =>
  unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

// Runs of what each family repeats: digits and separators (phones, cards, SSNs),
// dots and hex and colons (IPs), local-part and domain characters (e-mail),
// IBAN alphanumerics, key and base64 alphabets (secrets), words and numbers
// and line breaks (addresses), cue words (dates of birth, phones).
const adversarial: [string, string][] = [
  ['digits', fill('1')],
  ['digits and spaces', fill('1 ')],
  ['digit pairs and dashes', fill('12-')],
  ['digits, dots', fill('1.')],
  ['phone groups without end', fill('+1 (0)12 ')],
  ['hex and colons', fill('a:')],
  ['colons', fill(':')],
  ['octets', fill('255.')],
  ['local-part characters', fill('a.')],
  ['at signs', fill('a@')],
  ['domain labels', `x@${fill('a.')}`],
  ['IBAN-like', fill('GB82 ')],
  ['key alphabet', fill('aB3_')],
  ['sk- prefixes', fill('sk-')],
  ['PEM headers', fill('-----BEGIN PRIVATE KEY-----')],
  ['base64 with padding', fill('QUJD=')],
  ['letters', fill('a')],
  ['capitalised words', fill('Abc ')],
  ['numbers and words', fill('12 Abc ')],
  ['street lines', fill('12 Main Street\n')],
  ['address continuations', `12 Main Street${fill(', Abc')}`],
  ['corner of', fill('the corner of a ')],
  ['apartments', fill('Apt. 1 ')],
  ['born on', fill('born on ')],
  ['call cues', fill('call ')],
  ['Greek capitals', fill('Κ')],
  ['full-width digits', fill('１')],
  ['zero-width between digits', fill('1\u200b')],
];

describe('linear time on 100 KB adversarial input', () => {
  it.each(adversarial)('%s: finishes', (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(KB100);
    expect(Array.isArray(detectPii(text))).toBe(true);
  });
});

describe('bad input gets a verdict, never an exception', () => {
  const bad: [string, unknown][] = [
    ['empty', ''],
    ['lone high surrogate', '\ud800 call 020 7946 0018 \ud800'],
    ['lone low surrogate', '\udc00\udc00a@b.io'],
    ['only control characters', fill('\u0000\u0001\u0007\u001b\u007f', 10_000)],
    ['not a string', 42],
    ['undefined', undefined],
  ];
  it.each(bad)('%s', (_name, input) => {
    const v = piiVerdict(input as string, 'redact');
    expect(['allow', 'redact']).toContain(v.action);
    expect(v.filter).toBe('pii');
  });

  it('finds PII around lone surrogates with offsets on the original', () => {
    const text = '\ud800 call 020 7946 0018 \ud800';
    const v = piiVerdict(text, 'redact');
    expect(v.spans.map((s) => text.slice(s.start, s.end))).toEqual(['020 7946 0018']);
  });

  it('handles a 10 MB paste', () => {
    const text = fill('Lorem ipsum 12 dolor, call 020 7946 0018 or a@b.io. ', 10 * 1024 * 1024);
    const v = piiVerdict(text, 'redact');
    expect(v.action).toBe('redact');
    expect(v.spans.length).toBeGreaterThan(1000);
    expect(redact(text, v.spans).text.length).toBeLessThan(text.length);
  }, 60_000);
});
