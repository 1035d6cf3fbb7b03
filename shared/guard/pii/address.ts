// Street addresses in the common US, UK and continental forms. A "core"
// (number + street + suffix, "Straße 12", "Rue …", a PO box, a unit, a UK
// postcode, "the corner of A and B") anchors the match; the lines or comma
// parts that follow (unit, town, region, country, postcode) are then taken
// in, so that a redaction hides the whole address and not just its first line.
import { allMatches } from '../regex-scan';
import type { PiiSpan } from './types';

const L = String.raw`\p{L}`;
// Bounded, so a run of letters costs the engine a constant per start.
// A dot only inside a word ("St.Gallen"), so a sentence's full stop is never taken in.
const word = String.raw`[\p{L}](?:[\p{L}'’-]|\.(?=\p{L})){0,40}`;
const enSuffix =
  'street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|court|ct|place|pl|crescent|cres|way|boulevard|blvd|terrace|ter|close|square|sq|highway|hwy|parkway|pkwy|circle|cir|trail|trl|mall|gateway|row|walk|grove|gardens|gdns|hill|alley|loop|path|pike|plaza|rise|mews|dale|green|heights|junction|meadow|ridge|manor|harbor|harbour|point|crossing|creek|ramp|turnpike|expressway|freeway|wharf|quay|estate|fields|fort|causeway|esplanade|parade|promenade|view|vista';
// Continental street words written as one word with the name ("Hauptstraße", "Holmevej").
const euSuffix =
  'strasse|straße|str\\.|straat|gasse|weg|vej|vägen|vägen|vegen|veien|vei|veg|gata|gatan|gade|stræde|katu|tie|polku|kuja|laan|dreef|plein|gracht|kade|steeg|allee|platz|ring|damm|ufer|braut|bakken|stien|sund|utca|útja|ulica|cesta|ulice|tér|körút';
// An optional building number (or two) before the street, as in "58 kvaløyvågvegen 140".
const lead = String.raw`(?:\d{1,6}[ \t]+){0,2}`;
// The same street words written apart from the name ("Trenerys gate 232", "Király u. 15.").
const streetWord =
  'gate|gata|gatan|vei|veg|vegen|vej|gade|väg|vägen|tee|tie|katu|straße|strasse|str\\.|weg|laan|u\\.|utca|útja|rkp\\.|tér|út|ulica|cesta';
// Words that follow a number in prose, not a street name ("win 1 point", "5 February 2020").
// Spelt out in both cases because some patterns here must stay case-sensitive.
const anyCase = (w: string): string => w.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
const notName = String.raw`(?:${[
  'of',
  'the',
  'and',
  'or',
  'to',
  'in',
  'on',
  'at',
  'for',
  'more',
  'times',
  'days',
  'hours',
  'minutes',
  'years',
  'people',
  'points',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]
  .map(anyCase)
  .join('|')})\b`;
const prefixWord =
  'rue|via|viale|piazza|piazzale|corso|largo|strada|avenida|avda\\.?|calle|carrer|paseo|camino|rua|travessa|praça|chemin|allée|boulevard|quai|impasse|ul\\.|ulica|aleja|al\\.|odos|οδός|λεωφόρος';

const cores: RegExp[] = [
  // 221B Baker Street, 55470 72 Acheron Road, 1668 Glyn St
  new RegExp(
    String.raw`(?<![\w.,-])\d{1,6}[A-Za-z]?(?:[ ,]{1,2}\d{1,5})?[ \t]+(?!${notName})(?:(?:\d{1,4}(?:st|nd|rd|th)|${word})[ \t]+){1,4}?(?:${enSuffix})\b`,
    'giu',
  ),
  // Kuefsteinstrasse 91, Holmevej 34, Via Roma 131 is below; Király u. 15., Belgrád rkp. 18.
  new RegExp(
    String.raw`(?<![${L}\d])${lead}[${L}][${L}'-]{1,40}?(?:${euSuffix})[ \t]+\d{1,5}[A-Za-z]?\b\.?`,
    'giu',
  ),
  new RegExp(
    String.raw`(?<![${L}\d])${lead}${word}(?:[ \t]+${word}){0,2}[ \t]+(?:${streetWord})[ \t]*\d{1,5}\.?`,
    'giu',
  ),
  // "Neville and Democracia 4183": two names and a house number.
  /(?<![\p{L}\d])\p{Lu}[\p{L}'’-]{1,40}[ \t]+(?:and|&)[ \t]+\p{Lu}[\p{L}'’-]{1,40}[ \t]+\d{1,5}\b/gu,
  // 29 Rue de Tanger (number first), Via Pasquale Scura 127, ul. Cicha 86 (number last).
  new RegExp(
    String.raw`(?<![${L}\d])(?:\d{1,6},?[ \t]+){1,2}(?:${prefixWord})[ \t]+${word}(?:[ \t]+${word}){0,4}`,
    'giu',
  ),
  new RegExp(
    String.raw`(?<![${L}\d])(?:${prefixWord})[ \t]+(?:${word}[ \t]+){1,4}?\d{1,5}[A-Za-z]?\b`,
    'giu',
  ),
  // Building, street name and house number with no suffix, as in 94 Koskikatu 83 or 0138 Brisas 6802.
  new RegExp(
    String.raw`(?<![\w.,-])\d{1,6}(?:[ \t]+\d{1,5})?[ \t]+(?!${notName})[\p{Lu}]\p{Ll}[\p{L}'’.-]{0,40}(?:[ \t]+[\p{Lu}][\p{L}'’.-]{1,40}){0,3}[ \t]+\d{1,5}[A-Za-z]?\b`,
    'gu',
  ),
  // PO boxes, and US military mail (PSC/CMR/Unit … Box …, APO/FPO/DPO AA/AE/AP).
  /(?<![\w])(?:\d{1,6}[ \t]+)?P\.?[ \t]?O\.?[ \t]?Box[ \t]+\d{1,6}\b|\bPostfach[ \t]+\d{1,6}\b/giu,
  /\b(?:PSC|CMR|Unit)[ \t]+\d{3,5},?[ \t]+Box[ \t]+\d{3,5}\b|\bUS[NC]?[SV][ \t]+[\p{L}'-]+(?=\s+[FAD]PO\b)|\b[FAD]PO[ \t]+A[AEP][ \t]+\d{5}\b/giu,
  // Unit designators on their own (the rest of the address may be on other lines).
  /(?<![\w])(?:apt\.?|apartment|suite|ste\.)[ \t]*#?[ \t]*\d{1,5}[A-Za-z]?\b/giu,
  // UK postcodes (Royal Mail format), upper case only: lower case collides with words. Not inside
  // a base64 run (+ / = around it), where "AA6A7AA" is just data.
  /(?<![\w+/=])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}(?![\w+/=])/gu,
  // "the corner of A and B": both streets, up to the end of the clause.
  /\b(?:the )?corner of[ \t]+[^,;!?\n]{2,60}?[ \t]+(?:and|&)[ \t]+(?:[^,;!?\n.]|\.(?=\S)){2,40}/giu,
];

// What may follow a core on the same line or after a comma or line break:
// a unit, a postcode, a capitalised place name, a region code, or a line of
// at most four words.
const stopWords =
  /^(?:and|but|or|so|for|if|when|where|which|who|please|i|we|you|he|she|it|they|the|this|that|to|in|on|at|after|before|is|was|my|your|thanks?|call|phone|tel|fax|mobile|office)\b/i;
const sameLine = new RegExp(
  String.raw`[ \t]*,?[ \t]*(?:(?:[Aa]pt\.?|[Aa]partment|[Ss]uite|[Ss]te\.|[Uu]nit|[Ff]lat|[Ff]loor)[ \t]*#?\d{1,5}[A-Za-z]?|\d{4,6}(?:-\d{3,4})?(?![\w-])|[\p{Lu}](?:[\p{L}'’-]|\.(?=\p{L})){0,40}(?:[ \t]+[\p{Lu}](?:[\p{L}'’-]|\.(?=\p{L})){0,40}){0,3})`,
  // No "i" flag: with it, \p{Lu} would match lower case too.
  'uy',
);
const nextPart = new RegExp(
  String.raw`[ \t]*(?:,|\r?\n[ \t>]*(?:\r?\n[ \t>]*)?)[ \t]*(${word}(?:[ \t]+${word}){0,3}(?:[ \t]*\d{3,6}(?:-\d{3,4})?)?|\d{3,6}(?:-\d{3,4})?(?:[ \t]+${word}(?:[ \t]+${word}){0,2})?|,[ \t]*[A-Z]{1,3})(?=[ \t]*(?:[,\r\n?!.)]|$|[ \t]+\p{Ll}))`,
  'uy',
);

/** Takes in the unit, town, region and postcode parts that follow an address core. */
function extend(text: string, end: number): number {
  for (let i = 0; i < 8 && end < text.length; i++) {
    nextPart.lastIndex = end;
    const part = nextPart.exec(text);
    if (part && !stopWords.test(part[1]!.replace(/^,\s*/, ''))) {
      end = nextPart.lastIndex;
      continue;
    }
    sameLine.lastIndex = end;
    const more = sameLine.exec(text);
    if (more && more[0].trim() !== '' && !stopWords.test(more[0].replace(/^[\s,]+/, ''))) {
      end = sameLine.lastIndex;
      continue;
    }
    break;
  }
  return end;
}

const streetAfter = new RegExp(
  String.raw`^[ \t]+(?:(?:${word}[ \t]+){0,3}(?:${enSuffix})\b|[\p{Lu}][\p{L}'’-]{1,40}[ \t]+\d)`,
  'iu',
);

/** Whether the text right after a number continues as a street ("14 3684 Court Street"), so the number is no phone. */
export const followedByStreet = (after: string): boolean => streetAfter.test(after);

// Cheap tests without the "u" flag, one per core: a case-insensitive Unicode
// regex cannot skip ahead to a literal, so each core runs only when its
// anchor is in the text (most messages hold no address at all).
const anchors: (RegExp | null)[] = [
  /\d[ \t]/,
  new RegExp(`(?:${euSuffix})[ \\t]+\\d`, 'i'),
  new RegExp(`[ \\t](?:${streetWord})[ \\t]*\\d`, 'i'),
  / (?:and|&) /,
  new RegExp(`\\d,?[ \\t]+(?:${prefixWord})[ \\t]`, 'i'),
  new RegExp(`(?:^|[^\\w])(?:${prefixWord})[ \\t]`, 'i'),
  /\d[ \t]/,
  /box|postfach/i,
  /box|[fad]po|us[nc]?[sv]/i,
  /apt|apartment|suite|ste\./i,
  /[A-Z]\d/,
  /corner of/i,
];

export function findAddresses(text: string): PiiSpan[] {
  const found: { start: number; end: number }[] = [];
  cores.forEach((re, i) => {
    if (anchors[i] && !anchors[i].test(text)) return;
    for (const m of allMatches(re, text)) found.push({ start: m.index, end: m.index + m[0].length });
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Merge cores that touch (a street line and the unit after it), extending each address once.
  const out: PiiSpan[] = [];
  let last: PiiSpan | undefined;
  let reach = -1;
  for (const f of found) {
    if (last && f.start <= reach + 1) {
      if (f.end > last.end) {
        last.end = f.end;
        reach = extend(text, f.end);
      }
      continue;
    }
    if (last) last.end = reach;
    last = { start: f.start, end: f.end, type: 'STREET_ADDRESS' };
    reach = extend(text, f.end);
    out.push(last);
  }
  if (last) last.end = reach;
  return out;
}
