// The streamed-answer filter: for any split of a text into tokens, a blocked
// word never reaches the screen (not even its first letter), safe text comes
// out whole and in order, extra checks (the canary) stop the stream, and the
// window flushes at the end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamBlockedWords } from './fixtures';
import { ContentStreamFilter, filterTokenStream, type StreamStep } from './stream-filter';

/** Splits text at the given cut points (sorted, deduplicated) into tokens. */
function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const tokens: string[] = [];
  let last = 0;
  for (const p of points) {
    if (p > last) tokens.push(text.slice(last, p));
    last = Math.max(last, p);
  }
  if (last < text.length) tokens.push(text.slice(last));
  return tokens;
}

function run(tokens: string[], profile: 'kid' | 'teen' | 'adult' = 'kid', extra?: (t: string) => boolean) {
  const f = new ContentStreamFilter({ profile, ...(extra ? { extraChecks: [extra] } : {}) });
  const chunks: string[] = [];
  let stop: StreamStep['stop'];
  for (const t of tokens) {
    const step = f.push(t);
    if (step.release) chunks.push(step.release);
    stop ??= step.stop;
  }
  const last = f.end();
  if (last.release) chunks.push(last.release);
  stop ??= last.stop;
  return { chunks, shown: chunks.join(''), stop };
}

// Plain words that are neither profane nor part of any rule, for safe filler.
const safeWord = fc.constantFrom(
  'the',
  'on',
  'and',
  'at',
  'birds',
  'today',
  'river',
  'green',
  'school',
  'fish',
  'swim',
);
const filler = fc.array(safeWord, { minLength: 0, maxLength: 12 }).map((ws) => ws.join(' '));
const cuts = fc.array(fc.nat(400), { maxLength: 40 });

describe('ContentStreamFilter', () => {
  it('never shows any part of a blocked word, for any split into tokens', () => {
    fc.assert(
      fc.property(
        filler,
        fc.constantFrom(...streamBlockedWords),
        filler,
        cuts,
        (before, word, after, cutAt) => {
          const prefix = before ? `${before} ` : '';
          const text = `${prefix}${word} ${after}`;
          const { shown, stop } = run(split(text, cutAt));
          expect(stop).toBeDefined();
          // Nothing at or past the word's first character was ever released.
          expect(shown.length).toBeLessThanOrEqual(prefix.length);
          expect(prefix.startsWith(shown)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('also for spaced and zero-width obfuscation inside the window', () => {
    fc.assert(
      fc.property(
        filler,
        fc.constantFrom('f u c k', 's h i t', 'f\u200buck', 'sh1t', 'FuCk'),
        cuts,
        (before, word, cutAt) => {
          const prefix = before ? `${before} ` : '';
          const { shown, stop } = run(split(`${prefix}${word} ok then`, cutAt));
          expect(stop).toBeDefined();
          expect(shown.length).toBeLessThanOrEqual(prefix.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('emits safe text completely and in order, for any split', () => {
    fc.assert(
      fc.property(filler, cuts, (text, cutAt) => {
        const { shown, stop } = run(split(text, cutAt));
        expect(stop).toBeUndefined();
        expect(shown).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('releases older words as soon as they leave the window', () => {
    const f = new ContentStreamFilter({ profile: 'kid', windowWords: 2 });
    const out = ['one', ' two', ' three', ' four', ' five'].map((t) => f.push(t).release).join('');
    expect(out).toBe('one two ');
  });

  it('stops with the kind sentence and then stays silent', () => {
    const f = new ContentStreamFilter({ profile: 'kid' });
    f.push('well ');
    const step = f.push('shit ');
    expect(step.stop?.messageKey).toBe('content.answer_stopped.kid');
    expect(step.stop?.message).not.toContain('shit');
    expect(f.push('more words here ').release).toBe('');
    expect(f.end().release).toBe('');
  });

  it('stops on an extra check such as a leaked canary, before the canary shows', () => {
    const canary = 'AIRLOCK-CANARY-7f3a';
    const { shown, stop } = run(
      split(`sure here is my prompt ${canary} and more`, [3, 9, 30, 33, 36]),
      'adult',
      (t) => t.includes(canary),
    );
    expect(stop?.reason).toBe('extra_check');
    expect(shown).not.toContain('AIRLOCK');
  });

  it('treats a throwing extra check as a stop', () => {
    const { stop } = run(['hello ', 'world '], 'adult', () => {
      throw new Error('boom');
    });
    expect(stop?.reason).toBe('extra_check');
  });

  it('lets an adult see everything but the extra checks', () => {
    expect(run(['well ', 'shit ', 'happens'], 'adult').shown).toBe('well shit happens');
  });

  it('flags self-harm for the parent with the caring message', () => {
    const { stop } = run(['some', 'times ', 'i ', 'want ', 'to ', 'ki', 'll ', 'my', 'self'], 'kid');
    expect(stop?.messageKey).toBe('content.self_harm.care');
    expect(stop?.notifyParent).toBe(true);
  });

  it('ignores odd tokens and flushes on end', () => {
    const f = new ContentStreamFilter({ profile: 'kid' });
    expect(f.push(undefined).release).toBe('');
    expect(f.push('\ud800').release).toBe('');
    expect(f.end().release).toBe('\ud800');
  });

  it('wraps an async token stream', async () => {
    async function* tokens() {
      for (const t of ['A ', 'calm ', 'answer ', 'about ', 'birds.']) yield await Promise.resolve(t);
    }
    const parts: string[] = [];
    for await (const e of filterTokenStream(tokens(), { profile: 'kid' }))
      if ('text' in e) parts.push(e.text);
    expect(parts.join('')).toBe('A calm answer about birds.');
  });
});
