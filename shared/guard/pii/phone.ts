// Phone numbers, international and local. libphonenumber-js decides for
// numbers written with a country code and for bare digit runs; written
// local forms ("0487 23 46 71", "(027) 7972-805") vary too much by country
// for its metadata, so those count when the grouping or nearby words say
// "phone". Dates, decimals and thousands-grouped amounts are turned away.
import { allMatches } from '../regex-scan';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { followedByStreet } from './address';
import type { PiiSpan } from './types';

// Optional country code, optional "(0)" trunk and "(area)", then up to seven
// digit groups split by one separator each, then an optional extension. The
// separator between groups is mandatory, so there is one way to split a run,
// and the lookbehind stops the engine restarting inside one (linear time).
const candidate =
  /(?<!\d[.,·])(?<![\w+(.\-/])(?:(?:\+|\b00)\d{1,3}[ .-]?)?(?:\(0\)[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,12}(?:[ .\-/]\d{1,8}){0,6}(?: ?(?:x|ext\.?|#) ?\d{1,6})?(?![\w]|[.,]\d)/g;

// Words that say "this is a number to call", just before or just after it.
const cueBefore =
  /\b(?:call(?:ed|ing)?|phone|ph|tel|telephone|mobile|cell(?:phone)?|fax|reach|contact|text|sms|whatsapp|signal|dial|ring|answering|(?:phone|mobile|cell|contact|fax|my|his|her|your|their|our) (?:number|no\.?|#)|messages? to|hotline|helpline)\b[^\n\d]{0,24}$/i;
const cueAfter = /^[\s\-–,(]{0,3}(?:office|fax|mobile|cell|home|work|tel|phone|landline)\b/i;

// Words before a number that make it some other kind of number.
const otherNumber =
  /\b(?:licen[cs]e|passport|account|acct|order|invoice|tracking|reference|ref|serial|member(?:ship)?|policy|case|ticket|id|isbn|version|build|zip|postcode|postal code)\b[^\n\d]{0,24}$/i;
const phoneWord = /\b(?:phone|tel|telephone|mobile|cell|fax|call)\b/i;
// A date or a date-time at the start ("2005-07-21 18:19") is never a phone number.
const datePrefix =
  /^(?:(?:19|20)\d\d([-./ ])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])|\d{1,2}([-./])\d{1,2}\2\d{4})(?!\d)/;
const isoDate = /^\d{4}([-./])(\d{1,2})\1(\d{1,2})$/;
const dmyDate = /^(\d{1,2})([-./])(\d{1,2})\2(\d{2}|\d{4})$/;
const thousands = /^[1-9]\d{0,2}(?:([ .])\d{3})(?:\1\d{3})*$/;
const decimal = /^\d+\.\d+$/;

function looksLikeDate(s: string): boolean {
  const iso = isoDate.exec(s);
  if (iso) return Number(iso[2]) >= 1 && Number(iso[2]) <= 12 && Number(iso[3]) >= 1 && Number(iso[3]) <= 31;
  const dmy = dmyDate.exec(s);
  if (!dmy) return false;
  const [a, b] = [Number(dmy[1]), Number(dmy[3])];
  // Day-month or month-day, both orders are in use.
  return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}

export interface PhoneOptions {
  /** Region for numbers written without a country code (the app's locale), ISO 3166 alpha-2. */
  defaultRegion?: CountryCode;
}

export function findPhones(text: string, options: PhoneOptions = {}): PiiSpan[] {
  const region = options.defaultRegion ?? 'US';
  const out: PiiSpan[] = [];
  for (const m of allMatches(candidate, text)) {
    const raw = m[0];
    const main = raw.replace(/ ?(?:x|ext\.?|#) ?\d{1,6}$/, '');
    const digits = main.replace(/\D/g, '');
    if (digits.length < 6 || digits.length > 15) continue;
    if (looksLikeDate(main) || datePrefix.test(main) || decimal.test(main)) continue;
    const start = m.index;
    const end = start + raw.length;
    const after = text.slice(end, end + 60);
    if (followedByStreet(after)) continue;
    if (/^:\d/.test(after)) continue; // a time, "18:19:22"
    const before = text.slice(Math.max(0, start - 40), start);
    if (otherNumber.test(before) && !phoneWord.test(before)) continue;
    const cued = cueBefore.test(before) || cueAfter.test(after);
    // Uncued and followed by a word on the same line: a street number ("55470 72 Acheron Road"), a count.
    if (cued || (!/^[ \t]+\p{L}/u.test(after) && acceptUncued(main, digits, region))) {
      out.push({ start, end, type: 'PHONE' });
    }
  }
  return out;
}

/** Without a cue word, only forms that are rarely anything but a phone number. */
function acceptUncued(main: string, digits: string, region: CountryCode): boolean {
  const international = /^(?:\+|00)/.test(main);
  if (international) return digits.length >= 8 && parses(main.replace(/^00/, '+'), region);
  if (digits.length < 7) return false;
  const groups = main.split(/[ .\-/()]+/).filter(Boolean);
  if (groups.length === 1) return parses(main, region, true);
  if (thousands.test(main)) return false;
  // Two groups with a dot are a decimal or a version; with a slash, a fraction or a date.
  if (groups.length === 2 && /[./]/.test(main) && !main.includes('(')) return false;
  return groups.every((g) => g.length >= 2) || main.startsWith('(');
}

function parses(s: string, region: CountryCode, strict = false): boolean {
  const n = parsePhoneNumberFromString(s, region);
  if (!n) return false;
  return strict ? n.isValid() : n.isPossible();
}
