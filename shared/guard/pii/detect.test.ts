import { describe, expect, it } from 'vitest';
import { detectPii, settle } from './detect';
import { negatives, positives } from './fixtures';

const found = (text: string) => detectPii(text).map((s) => [s.type, text.slice(s.start, s.end)]);

describe('detectPii on hand-written sentences', () => {
  it.each(positives)('finds the personal data in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each(negatives)('leaves the look-alike %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds several kinds in one message, in order, without overlaps', () => {
    const text = 'Hi, I am at 221B Baker Street. Mail a@b.io or call 020 7946 0018. Card 378282246310005.';
    expect(found(text)).toEqual([
      ['STREET_ADDRESS', '221B Baker Street'],
      ['EMAIL', 'a@b.io'],
      ['PHONE', '020 7946 0018'],
      ['CREDIT_CARD', '378282246310005'],
    ]);
  });

  it('takes in the lines of a postal address after the street line', () => {
    const text = 'Ship to:\n12 Acacia Avenue\nApt. 4\nReading\nRG1 1AA\n\nThanks!';
    expect(found(text)).toEqual([['STREET_ADDRESS', '12 Acacia Avenue\nApt. 4\nReading\nRG1 1AA']]);
  });

  it('uses the default region for local numbers without cue words', () => {
    expect(found('6502530000')).toEqual([['PHONE', '6502530000']]);
    expect(detectPii('6502530000', { defaultRegion: 'FR' })).toEqual([]);
    expect(found('02079460018')).toEqual([]);
    expect(detectPii('02079460018', { defaultRegion: 'GB' })).toHaveLength(1);
  });
});

describe('obfuscated input (normalization)', () => {
  it('finds a phone split by zero-width spaces and maps the span to the user’s characters', () => {
    const text = 'call 555\u200b-01\u200b32 ok';
    const [span] = detectPii(text);
    expect(span?.type).toBe('PHONE');
    expect(text.slice(span!.start, span!.end)).toBe('555\u200b-01\u200b32');
  });

  it('finds full-width digits in a card and an SSN', () => {
    const card = 'card ４１１１ １１１１ １１１１ １１１１';
    expect(found(card)).toEqual([['CREDIT_CARD', '４１１１ １１１１ １１１１ １１１１']]);
    const ssn = 'SSN １２３-４５-６７８９';
    expect(found(ssn)).toEqual([['SSN', '１２３-４５-６７８９']]);
  });

  it('finds an e-mail with a zero-width joiner and Cyrillic look-alikes', () => {
    const text = 'mail bоb@exa\u200dmple.com'; // Cyrillic "о"
    expect(found(text)).toEqual([['EMAIL', 'bоb@exa\u200dmple.com']]);
  });
});

describe('settle', () => {
  it('keeps the more specific finding and clips an address around it', () => {
    const kept = settle([
      { start: 0, end: 30, type: 'STREET_ADDRESS' },
      { start: 10, end: 20, type: 'PHONE' },
      { start: 12, end: 18, type: 'SECRET' },
    ]);
    expect(kept).toEqual([
      { start: 0, end: 10, type: 'STREET_ADDRESS' },
      { start: 10, end: 20, type: 'PHONE' },
      { start: 20, end: 30, type: 'STREET_ADDRESS' },
    ]);
  });
});
