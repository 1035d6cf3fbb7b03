// CH-03 on the way out: personal data in a streamed answer never shows, not
// even in part, however the model splits it into tokens.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PiiStreamRedactor } from './stream-redact';

const card = '4111 1111 1111 1111';

function stream(chunks: string[]): { shown: string[]; types: string[] } {
  const redactor = new PiiStreamRedactor();
  const shown: string[] = [];
  const types: string[] = [];
  for (const chunk of chunks) {
    const step = redactor.push(chunk);
    if (step.release) shown.push(step.release);
    types.push(...step.redacted);
  }
  const last = redactor.end();
  if (last.release) shown.push(last.release);
  types.push(...last.redacted);
  return { shown, types };
}

describe('personal data in a streamed answer', () => {
  it('never shows a card number split across seven tokens, nor any four of its digits', () => {
    const tokens = ['Your card is 41', '11 11', '11 1', '111 ', '11', '11 and', ' that is all.'];
    const { shown, types } = stream(tokens);
    for (const text of shown) expect(text).not.toMatch(/\d{4}/);
    expect(shown.join('').replace(/\s/g, '')).not.toMatch(/\d{4}/);
    expect(shown.join('')).toBe('Your card is [CREDIT_CARD] and that is all.');
    expect(types).toEqual(['CREDIT_CARD']);
  });

  it('releases plain words at once and holds only what could still grow into a number', () => {
    const redactor = new PiiStreamRedactor();
    expect(redactor.push('Hello there, ').release).toBe('Hello there, ');
    expect(redactor.push('call 415 ').release).toBe('call ');
    expect(redactor.push('555 0132 ').release).toBe('');
    expect(redactor.push('tomorrow.').release).toBe('[PHONE] tomorrow.');
  });

  it('hides email addresses, IBANs and API keys, and leaves IP addresses and plain numbers', () => {
    const text =
      'Mail ana.perez@example.org, pay GB82 WEST 1234 5698 7654 32 with key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD on 10.0.0.1 at 3 pm.';
    const { shown } = stream(text.split(/(?<= )/));
    const out = shown.join('');
    expect(out).toContain('[EMAIL]');
    expect(out).toContain('[IBAN]');
    expect(out).not.toContain('ana.perez');
    expect(out).not.toContain('WEST 1234');
    expect(out).not.toContain('sk-proj');
    expect(out).toContain('10.0.0.1');
    expect(out).toContain('at 3 pm.');
  });

  it('shows none of a card however the answer is split (property, seeded)', () => {
    const text = `Sure. The number on file is ${card}, expiring soon. Anything else?`;
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 20 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), text.length];
        const chunks = points.slice(1).map((end, i) => text.slice(points[i], end));
        const { shown } = stream(chunks);
        expect(shown.join('')).toBe(
          'Sure. The number on file is [CREDIT_CARD], expiring soon. Anything else?',
        );
        for (const piece of shown) expect(piece).not.toMatch(/\d/);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('releases an endless run of numbers in whole words rather than holding the answer for ever', () => {
    const table = Array.from({ length: 600 }, (_, i) => `${i}`).join(' ') + ' ';
    const redactor = new PiiStreamRedactor();
    expect(redactor.push(table).release.length).toBeGreaterThan(0);
  });
});
