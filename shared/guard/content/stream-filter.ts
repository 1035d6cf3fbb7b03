// The streamed-answer filter (issue 5 item 4, SECURITY.md CH-03/CH-04): it
// holds back the unfinished word and the last few words, so a blocked word or
// short phrase is judged whole before any of it reaches the screen, and
// releases everything older at once. On a block it stops for good and hands
// back the kind sentence. Extra checks (the canary-leak test of the injection
// filter, or any `(text) => boolean`) run on the same held window.
import { type ContentVerdict, checkContent } from './content-filter';
import { fold } from './fold';
import { combinedLexicon } from './lexicon';
import { contentModel } from './model';
import { scoreText } from './model-input';
import {
  messageKeyFor,
  messages,
  policyFor,
  type ContentCategory,
  type MessageKey,
  type Profile,
} from './policy';
import { profanityHits } from './profanity';

/** Returns true when the text must not be shown, e.g. `(t) => canaryLeaked(t, canary)`. */
export type ExtraCheck = (text: string) => boolean;

export interface StreamFilterOptions {
  profile: Profile;
  /** Whole words held back besides the unfinished one; phrases up to this many words never show partly. */
  windowWords?: number;
  extraChecks?: readonly ExtraCheck[];
  /** Re-score the answer so far with the model after this many new characters. */
  modelEveryChars?: number;
}

export interface StreamStop {
  reason: 'content' | 'extra_check';
  categories: string[];
  messageKey: MessageKey;
  /** The kind sentence to show instead of the answer. */
  message: string;
  notifyParent: boolean;
  verdict?: ContentVerdict;
}

export interface StreamStep {
  /** Text now safe to show, in order; '' while held. */
  release: string;
  /** Set once, on the step that stops the stream; later steps release nothing. */
  stop?: StreamStop;
}

// Word categories an answer may never show, for any profile that blocks them. Drug
// and alcohol words are left out: "beer" or "cocaine" appear in harmless answers,
// and the model still judges the answer as a whole.
const streamWordCategories = new Set<ContentCategory>([
  'profanity',
  'sexual',
  'sexual_minors',
  'self_harm',
  'violence',
  'weapons',
  'hate',
  'gambling',
  'dating',
]);
// Released text kept as look-behind for the rules (enough for "kill " before "someone").
const contextChars = 48;
// The model re-reads at most this much of the answer's end; bounds the cost on long answers.
const modelTailChars = 4096;

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000;

export class ContentStreamFilter {
  /** Text received but not yet shown. */
  private pending = '';
  /** The end of what was shown, as look-behind for the rules. */
  private context = '';
  /** The end of the whole answer, for the model; trimmed lazily so appending stays O(1). */
  private tail = '';
  private sinceModel = 0;
  private stopped: StreamStop | undefined;
  private readonly windowWords: number;
  private readonly extra: readonly ExtraCheck[];
  private readonly modelEvery: number;
  private readonly words: ReadonlySet<ContentCategory>;
  private readonly wordHits: (folded: string) => Array<{ category: ContentCategory; end: number }>;
  private readonly modelThreshold: number;

  constructor(private readonly options: StreamFilterOptions) {
    this.windowWords = Math.max(1, options.windowWords ?? 4);
    this.extra = options.extraChecks ?? [];
    this.modelEvery = options.modelEveryChars ?? 400;
    const policy = policyFor(options.profile, contentModel().threshold);
    this.words = new Set([...policy.block].filter((c) => streamWordCategories.has(c)));
    this.wordHits = combinedLexicon(this.words);
    this.modelThreshold = policy.modelThreshold;
  }

  get isStopped(): boolean {
    return this.stopped !== undefined;
  }

  /** Adds one token; returns what may be shown now. Never throws on odd input. */
  push(token: unknown): StreamStep {
    if (this.stopped) return { release: '' };
    const t = typeof token === 'string' ? token : '';
    if (t === '') return { release: '' };
    this.pending += t;
    this.tail += t;
    this.sinceModel += t.length;
    if (this.tail.length > 2 * modelTailChars) this.tail = this.tail.slice(-modelTailChars);
    // No whitespace in the token: no word was finished, so nothing new could be released.
    // The extra checks still look, since a leaked canary needs no word boundary.
    let boundary = false;
    for (let i = 0; i < t.length && !boundary; i++) boundary = isSpace(t.charCodeAt(i));
    if (!boundary) return this.extraOnly();
    return this.step(this.holdStart());
  }

  /** The stream ended: judge the held text and then the whole answer before releasing the rest. */
  end(): StreamStep {
    if (this.stopped) return { release: '' };
    const held = this.step(0);
    if (held.stop) return held;
    const whole = checkContent(this.tail.slice(-modelTailChars), {
      profile: this.options.profile,
      direction: 'output',
    });
    if (whole.action === 'block') return { release: '', stop: this.stop('content', whole.categories, whole) };
    return { release: this.release(this.pending.length) };
  }

  private extraOnly(): StreamStep {
    if (this.extra.length === 0) return { release: '' };
    const window = this.context + this.pending;
    if (this.extra.some((check) => safeCheck(check, window)))
      return { release: '', stop: this.stop('extra_check', ['canary']) };
    return { release: '' };
  }

  /** How much of `pending` may go: all but the last `windowWords` whole words, the unfinished one, and a run of single letters ("f u c k"). */
  private holdStart(): number {
    const s = this.pending;
    let i = s.length;
    // The unfinished word (if the text does not end in whitespace) is always held.
    while (i > 0 && !isSpace(s.charCodeAt(i - 1))) i--;
    let words = 0;
    let singleRun = false;
    while (i > 0) {
      let j = i;
      while (j > 0 && isSpace(s.charCodeAt(j - 1))) j--;
      let k = j;
      while (k > 0 && !isSpace(s.charCodeAt(k - 1))) k--;
      if (k === j) break;
      const single = j - k <= 2;
      // Past the window, keep going only through spaced single letters that may join up.
      if (words >= this.windowWords && !(single && singleRun)) break;
      singleRun = single;
      words++;
      i = k;
    }
    return i;
  }

  private step(releaseTo: number): StreamStep {
    const window = this.context + this.pending;
    if (this.extra.some((check) => safeCheck(check, window)))
      return { release: '', stop: this.stop('extra_check', ['canary']) };
    const f = fold(window);
    const hit = this.words.size > 0 ? this.firstHit(f.text, f.map, this.context.length) : undefined;
    if (hit) return { release: '', stop: this.stop('content', [hit]) };
    if (Number.isFinite(this.modelThreshold) && this.sinceModel >= this.modelEvery) {
      this.sinceModel = 0;
      const text = this.tail.slice(-modelTailChars);
      const p = scoreText(text).unsafe ?? 0;
      if (p >= this.modelThreshold) {
        const verdict = checkContent(text, { profile: this.options.profile, direction: 'output' });
        if (verdict.action === 'block')
          return { release: '', stop: this.stop('content', verdict.categories, verdict) };
      }
    }
    return { release: this.release(releaseTo) };
  }

  private release(upTo: number): string {
    if (upTo <= 0) return '';
    const out = this.pending.slice(0, upTo);
    this.pending = this.pending.slice(upTo);
    this.context = (this.context + out).slice(-contextChars);
    return out;
  }

  /** The category of the first blocked word that reaches into held (not yet shown) text. */
  private firstHit(folded: string, map: Int32Array, heldFrom: number): ContentCategory | undefined {
    const reachesHeld = (end: number): boolean => (map[end] ?? Infinity) > heldFrom;
    if (this.words.has('profanity') && profanityHits(folded).some((h) => reachesHeld(h.end)))
      return 'profanity';
    return this.wordHits(folded).find((h) => reachesHeld(h.end))?.category;
  }

  private stop(reason: StreamStop['reason'], categories: string[], verdict?: ContentVerdict): StreamStop {
    const messageKey = messageKeyFor(this.options.profile, categories, 'output');
    const selfHarm = categories.includes('self_harm');
    this.stopped = {
      reason,
      categories,
      messageKey,
      message: messages[messageKey],
      notifyParent: selfHarm && (this.options.profile === 'kid' || this.options.profile === 'teen'),
      ...(verdict ? { verdict } : {}),
    };
    return this.stopped;
  }
}

// A throwing extra check must not open the gate: treat it as "leaked" and stop.
function safeCheck(check: ExtraCheck, text: string): boolean {
  try {
    return check(text);
  } catch {
    return true;
  }
}

/** Wraps an async token stream: yields safe text as it clears the window, then at most one stop. */
export async function* filterTokenStream(
  tokens: AsyncIterable<string>,
  options: StreamFilterOptions,
): AsyncGenerator<{ text: string } | { stop: StreamStop }> {
  const filter = new ContentStreamFilter(options);
  for await (const token of tokens) {
    const step = filter.push(token);
    if (step.release) yield { text: step.release };
    if (step.stop) {
      yield { stop: step.stop };
      return;
    }
  }
  const last = filter.end();
  if (last.release) yield { text: last.release };
  if (last.stop) yield { stop: last.stop };
}
