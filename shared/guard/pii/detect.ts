// Runs every personal-data detector over one text and settles overlaps, so
// each character belongs to at most one finding, the most specific one.
import { normalize, type Normalized } from '../normalize';
import { findAddresses } from './address';
import { findBirthDates } from './birth-date';
import { findPhones, type PhoneOptions } from './phone';
import { findSecrets } from './secrets';
import { findCards, findEmails, findIbans, findIps, findSsns } from './structured';
import type { PiiSpan, PiiType } from './types';

/** Who wins an overlap: checksummed and prefixed forms beat shapes; addresses give way to all. */
const priority: Record<PiiType, number> = {
  PRIVATE_KEY: 0,
  API_KEY: 1,
  EMAIL: 2,
  IBAN: 3,
  CREDIT_CARD: 4,
  SSN: 5,
  IP_ADDRESS: 6,
  PHONE: 7,
  DATE_OF_BIRTH: 8,
  SECRET: 9,
  STREET_ADDRESS: 10,
};

export type DetectOptions = PhoneOptions;

/** Detectors whose patterns ignore case, so they can read the folded (lower-cased) view too. */
function structured(text: string, options: DetectOptions): PiiSpan[] {
  return [
    ...findEmails(text),
    ...findIbans(text),
    ...findCards(text),
    ...findSsns(text),
    ...findIps(text),
    ...findPhones(text, options),
    ...findBirthDates(text),
  ];
}

// Characters normalization changes in ways that matter to the case-blind
// detectors: invisibles and controls, odd spaces, non-ASCII digits and
// numerals, full-width forms, and the scripts look-alikes come from. Text
// without them (ASCII, accented Latin, typographic quotes) folds to itself
// apart from case and accents, so a second pass would find nothing new.
const needsFolding =
  /(?![\t\n\r 0-9])[\p{Cf}\p{Cc}\p{Zs}\p{Zl}\p{Zp}\p{Nd}\p{No}\uff00-\uffef\u1d00-\u1dbf\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;

/**
 * Everything personal in one text, with spans on the user's own characters.
 * Reads the original (secrets and addresses depend on letter case) and, when
 * the text holds anything beyond plain ASCII, the normalized view too, so
 * full-width digits and zero-width characters do not hide a number.
 * Pass a `Normalized` when the input pipeline has already built one.
 */
export function detectPii(input: string | Normalized, options: DetectOptions = {}): PiiSpan[] {
  // Whatever arrives (the renderer's IPC is typed, but a filter must not throw), judge text only.
  const text: unknown = typeof input === 'object' && input !== null ? input.original : input;
  if (typeof text !== 'string' || text.length === 0) return [];
  const all = [...findSecrets(text), ...structured(text, options), ...findAddresses(text)];
  if (needsFolding.test(text)) {
    const n = typeof input === 'object' ? input : normalize(text);
    for (const s of structured(n.folded, options))
      all.push({ ...n.toOriginal(s.start, s.end), type: s.type });
  }
  return settle(outsideIdentifiers(text, all));
}

// UUIDs are identifiers, not personal data, yet their digit groups can take
// the shape of a phone number or an ID ("43239115-0003-1000").
const uuids = /(?<![\w-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/gi;

/** Drops findings that lie inside a UUID. */
function outsideIdentifiers(text: string, spans: PiiSpan[]): PiiSpan[] {
  const ids = [...text.matchAll(uuids)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (ids.length === 0) return spans;
  return spans.filter((s) => !ids.some((id) => s.start >= id.start && s.end <= id.end));
}

/**
 * Keeps the higher-priority span where two overlap. An address that overlaps
 * a phone or a card keeps the parts around it, since the rest of the address
 * is still personal data. A per-character occupancy map keeps this linear in
 * the text length however many spans a 10 MB paste yields.
 */
export function settle(spans: PiiSpan[]): PiiSpan[] {
  const ordered = [...spans].sort(
    (a, b) => priority[a.type] - priority[b.type] || a.start - b.start || b.end - a.end,
  );
  const taken = new Uint8Array(spans.reduce((n, s) => Math.max(n, s.end), 0));
  const kept: PiiSpan[] = [];
  const claim = (s: PiiSpan): void => {
    taken.fill(1, s.start, s.end);
    kept.push(s);
  };
  for (const s of ordered) {
    if (s.type === 'STREET_ADDRESS') {
      for (const piece of freeRuns(taken, s)) claim(piece);
    } else if (taken.subarray(s.start, s.end).every((t) => t === 0)) {
      claim(s);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The stretches of `s` no earlier span holds, keeping those of 3 characters or more. */
function freeRuns(taken: Uint8Array, s: PiiSpan): PiiSpan[] {
  const pieces: PiiSpan[] = [];
  let from = -1;
  for (let i = s.start; i <= s.end; i++) {
    const free = i < s.end && taken[i] === 0;
    if (free && from < 0) from = i;
    if (!free && from >= 0) {
      if (i - from >= 3) pieces.push({ ...s, start: from, end: i });
      from = -1;
    }
  }
  return pieces;
}
