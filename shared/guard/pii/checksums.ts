// Check digits that separate real identifiers from look-alike digit runs:
// Luhn for payment cards (ISO/IEC 7812-1), mod-97 for IBANs (ISO 13616-1),
// and the SSA's never-issued SSN ranges.

/** Luhn check over a string of ASCII digits (no separators). */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Card numbers by issuer prefix (IIN) and length, so that a Luhn-valid order
 * number is not a card: Luhn alone passes one random digit run in ten.
 */
export function cardPrefixKnown(digits: string): boolean {
  const n = digits.length;
  if (n < 12 || n > 19) return false;
  const p2 = Number(digits.slice(0, 2));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4') return n >= 13; // Visa
  if (p2 >= 51 && p2 <= 55) return n >= 16; // Mastercard
  if (p4 >= 2221 && p4 <= 2720) return n >= 16; // Mastercard 2-series
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p2 === 30 || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14; // Diners Club
  if (p2 === 35) return n >= 16; // JCB
  if (p4 === 2131 || p4 === 1800) return n === 15; // JCB (old 15-digit)
  if (p2 === 60 || p2 === 62 || p2 === 64 || p2 === 65) return n >= 16; // Discover, UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return true; // Maestro: 12 to 19 digits
  return false;
}

/** IBAN length per country (SWIFT IBAN registry). */
const ibanLengths: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

export const ibanLength = (country: string): number | undefined => ibanLengths[country.toUpperCase()];

/** Full IBAN check: known country, its exact length, and mod-97 == 1. Input without spaces. */
export function ibanValid(iban: string): boolean {
  const s = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s) || ibanLength(s.slice(0, 2)) !== s.length) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  // Piecewise remainder: the number has up to 66 digits, far beyond a double.
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rem = value >= 10 ? (rem * 100 + value) % 97 : (rem * 10 + value) % 97;
  }
  return rem === 1;
}

/**
 * US SSN ranges that were never issued (SSA, "Social Security Number Randomization", 2011):
 * area 000, 666 and 900-999, group 00, serial 0000.
 */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}
