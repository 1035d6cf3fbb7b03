import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPii } from './detect';
import { piiMessage, piiMessagesEn } from './messages';
import { piiPolicyFor, piiVerdict } from './policy';
import { redact, restore, reveal } from './redact';
import { piiTypes, type PiiSpan } from './types';

describe('redact', () => {
  it('gives the runtime typed placeholders, numbering distinct values of a type', () => {
    const text = 'Call 020 7946 0018 or (415) 555-0132, not 020 7946 0018. Mail a@b.io';
    const { text: sent, map } = redact(text, detectPii(text));
    expect(sent).toBe('Call [PHONE] or [PHONE_2], not [PHONE]. Mail [EMAIL]');
    expect(map.entries.map((e) => e.original)).toEqual([
      '020 7946 0018',
      '(415) 555-0132',
      '020 7946 0018',
      'a@b.io',
    ]);
    expect(reveal('I will call [PHONE_2] and write to [EMAIL].', map)).toBe(
      'I will call (415) 555-0132 and write to a@b.io.',
    );
  });

  it('round-trips any text and any spans back to the original', () => {
    const span = (n: number) =>
      fc
        .tuple(fc.nat(n), fc.nat(n), fc.constantFrom(...piiTypes))
        .map(([a, b, type]): PiiSpan => ({ start: Math.min(a, b), end: Math.max(a, b), type }));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.array(span(200), { maxLength: 8 }),
        (text, spans) => {
          const { text: sent, map } = redact(text, spans);
          expect(restore(sent, map)).toBe(text);
          for (const e of map.entries) expect(sent.slice(e.start, e.end)).toBe(e.placeholder);
        },
      ),
    );
  });

  it('hides every detected value from what the runtime receives', () => {
    const text =
      'SSN 123-45-6789, card 4111111111111111, key AKIAIOSFODNN7EXAMPLE, home 742 Evergreen Terrace';
    const { text: sent } = redact(text, detectPii(text));
    for (const secret of ['123-45-6789', '4111111111111111', 'AKIAIOSFODNN7EXAMPLE', 'Evergreen']) {
      expect(sent).not.toContain(secret);
    }
  });
});

describe('policy and verdict', () => {
  it('blocks for kids, redacts by default, warns adults who chose it', () => {
    expect(piiPolicyFor('kid', 'warn')).toBe('block');
    expect(piiPolicyFor('teen', 'warn')).toBe('redact');
    expect(piiPolicyFor('teen', 'block')).toBe('block');
    expect(piiPolicyFor('adult')).toBe('redact');
    expect(piiPolicyFor('adult', 'warn')).toBe('warn');
  });

  it('answers in the shared verdict shape', () => {
    const v = piiVerdict('my number is 020 7946 0018', 'block');
    expect(v).toMatchObject({ action: 'block', categories: ['PHONE'], score: 1, filter: 'pii' });
    expect(v.spans).toEqual([{ start: 13, end: 26, type: 'PHONE' }]);
    expect(piiVerdict('hello there', 'redact')).toMatchObject({ action: 'allow', spans: [], categories: [] });
  });
});

describe('messages', () => {
  it('has an English sentence for every type and policy, behind a key the renderer can translate', () => {
    for (const type of piiTypes)
      for (const policy of ['warn', 'redact', 'block'] as const)
        expect(piiMessagesEn[piiMessage(type, policy).key]).toMatch(/^This looks like .+\. .+\.$/);
    expect(piiMessagesEn[piiMessage('PHONE', 'redact').key]).toBe(
      'This looks like a phone number. Airlock will hide it from the model.',
    );
  });
});
