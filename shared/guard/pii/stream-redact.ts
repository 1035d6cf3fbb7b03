// Personal data in a streamed answer (SECURITY.md CH-03): the text the
// content filter releases passes through here before any of it is shown. A
// trailing run of words that could still grow into a number, a key or an
// IBAN ("4111", "1111 1111", "GB82 WEST") is held until a plain word follows
// it, so an entity is always judged whole and never shows in part; whatever
// is released has its personal data replaced by typed placeholders.
import { detectPii } from './detect';
import { redact } from './redact';
import type { PiiType } from './types';

/**
 * What an answer may never show. IP addresses, street addresses and dates are
 * left alone: answers about networks, maps or history are full of them.
 */
const outputTypes: ReadonlySet<PiiType> = new Set([
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'IBAN',
  'SSN',
  'API_KEY',
  'PRIVATE_KEY',
  'SECRET',
]);

// Released text kept as look-behind, so an entity is recognised in its context ("SSN 123-…").
const contextChars = 64;
// A run longer than this is released anyway (in whole words, redacted): no entity is this long,
// and a table of numbers must not hold an answer back for ever.
const maxHeldChars = 2048;

const isSpace = (c: string): boolean => /\s/.test(c);
/**
 * A word that could be one part of a longer entity: a group of a number
 * ("4111", "(415)", "555-0132", "+1"), of an IBAN ("GB82", "WEST"), or an
 * address in mail still being written. Words such as "w12" or "2024," cannot
 * continue one, so they never hold an answer back.
 */
const couldContinue = (word: string): boolean => word.includes('@') || /^[0-9A-Z+()[\]./:_=-]+$/.test(word);

export interface PiiStreamStep {
  /** Text now safe to show, personal data replaced; '' while held. */
  release: string;
  /** The types replaced in this step (for the audit trail; never the values). */
  redacted: PiiType[];
}

export class PiiStreamRedactor {
  private pending = '';
  private context = '';

  /** Adds released text; returns what may be shown now. */
  push(text: string): PiiStreamStep {
    if (text === '') return { release: '', redacted: [] };
    this.pending += text;
    return this.releaseTo(this.holdStart());
  }

  /** The answer ended (or stopped cleanly): everything left is judged and released. */
  end(): PiiStreamStep {
    return this.releaseTo(this.pending.length);
  }

  /** Where the held run starts: the trailing words that could still grow into an entity. */
  private holdStart(): number {
    const s = this.pending;
    let i = s.length;
    // The last word is unfinished unless whitespace follows it; either way it may continue.
    while (i > 0) {
      let j = i;
      while (j > 0 && isSpace(s[j - 1]!)) j--;
      let k = j;
      while (k > 0 && !isSpace(s[k - 1]!)) k--;
      if (k === j || !couldContinue(s.slice(k, j))) break;
      i = k;
    }
    if (s.length - i > maxHeldChars) {
      // Release all but the last word of an overlong run.
      let k = s.length;
      while (k > 0 && !isSpace(s[k - 1]!)) k--;
      return k;
    }
    return i;
  }

  private releaseTo(upTo: number): PiiStreamStep {
    if (upTo <= 0) return { release: '', redacted: [] };
    const window = this.context + this.pending.slice(0, upTo);
    const from = this.context.length;
    const spans = detectPii(window)
      .filter((span) => outputTypes.has(span.type) && span.end > from)
      // What already showed cannot be taken back; hide the rest of an entity that began there.
      .map((span) => ({ ...span, start: Math.max(span.start, from) }));
    const out = redact(
      window.slice(from),
      spans.map((s) => ({ ...s, start: s.start - from, end: s.end - from })),
    );
    this.pending = this.pending.slice(upTo);
    this.context = window.slice(-contextChars);
    return { release: out.text, redacted: out.map.entries.map((entry) => entry.type) };
  }
}
