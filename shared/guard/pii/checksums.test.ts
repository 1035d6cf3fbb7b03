import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardPrefixKnown, ibanLength, ibanValid, luhnValid, ssnValid } from './checksums';

/** Appends the Luhn check digit to a payload. */
function withLuhn(payload: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(payload + d)) return payload + d;
  throw new Error('unreachable');
}

/** Builds a valid IBAN from a country and a BBAN by computing the two check digits (ISO 13616). */
function withIbanCheck(country: string, bban: string): string {
  for (let c = 0; c <= 99; c++) {
    const candidate = `${country}${String(c).padStart(2, '0')}${bban}`;
    if (ibanValid(candidate)) return candidate;
  }
  throw new Error('unreachable');
}

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));

describe('Luhn', () => {
  it('accepts published test numbers and rejects a changed digit', () => {
    for (const n of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117']) {
      expect(luhnValid(n)).toBe(true);
      expect(luhnValid(n.slice(0, -1) + ((Number(n.at(-1)) + 1) % 10))).toBe(false);
    }
  });

  it('any payload with its check digit passes; any single-digit change fails', () => {
    fc.assert(
      fc.property(digits(11, 18), fc.nat(), fc.integer({ min: 1, max: 9 }), (payload, at, delta) => {
        const n = withLuhn(payload);
        expect(luhnValid(n)).toBe(true);
        const i = at % n.length;
        const changed = n.slice(0, i) + ((Number(n[i]) + delta) % 10) + n.slice(i + 1);
        expect(luhnValid(changed)).toBe(false);
      }),
    );
  });

  it('knows issuer prefixes and lengths', () => {
    expect(cardPrefixKnown('4111111111111111')).toBe(true);
    expect(cardPrefixKnown('378282246310005')).toBe(true);
    expect(cardPrefixKnown('3782822463100050')).toBe(false); // Amex is 15 digits
    expect(cardPrefixKnown('9111111111111111')).toBe(false);
  });
});

describe('IBAN', () => {
  it('accepts the registry examples, in any case, and rejects a changed character', () => {
    for (const iban of [
      'GB82WEST12345698765432',
      'DE89370400440532013000',
      'FR1420041010050500013M02606',
      'NO9386011117947',
    ]) {
      expect(ibanValid(iban)).toBe(true);
      expect(ibanValid(iban.toLowerCase())).toBe(true);
      expect(ibanValid(iban.slice(0, -1) + (iban.endsWith('1') ? '2' : '1'))).toBe(false);
    }
    expect(ibanValid('GB82WEST1234569876543')).toBe(false); // one short for GB
    expect(ibanValid('ZZ82WEST12345698765432')).toBe(false); // no such country
  });

  it('a generated BBAN with computed check digits passes; a swapped pair of digits fails', () => {
    const countries = ['DE', 'GB', 'FR', 'NL', 'ES', 'IT', 'CH', 'NO', 'PL'];
    fc.assert(
      fc.property(fc.constantFrom(...countries), digits(40, 40), fc.nat(), (country, pool, at) => {
        const iban = withIbanCheck(country, pool.slice(0, ibanLength(country)! - 4));
        expect(ibanValid(iban)).toBe(true);
        const i = 4 + (at % (iban.length - 5));
        if (iban[i] !== iban[i + 1]) {
          expect(ibanValid(iban.slice(0, i) + iban[i + 1] + iban[i] + iban.slice(i + 2))).toBe(false);
        }
      }),
    );
  });
});

describe('SSN ranges', () => {
  it('rejects the never-issued areas, groups and serials', () => {
    expect(ssnValid('123', '45', '6789')).toBe(true);
    for (const [a, g, s] of [
      ['000', '12', '3456'],
      ['666', '12', '3456'],
      ['900', '12', '3456'],
      ['999', '12', '3456'],
      ['123', '00', '3456'],
      ['123', '45', '0000'],
    ] as const)
      expect(ssnValid(a, g, s)).toBe(false);
  });
});
