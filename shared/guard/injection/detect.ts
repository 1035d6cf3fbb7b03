// Prompt-injection and jailbreak detector (issue 5 item 2; SECURITY.md CH-02):
// rule signals plus a small learned model, combined into one score, judged
// against a per-profile threshold. A signal, not the boundary: the family
// model has no tools, so a miss costs a bad answer, never an action.
import { allow, type GuardSpan, type Verdict } from '../verdict';
import { isNormalized, normalize, type Normalized } from '../normalize';
import { featurize } from './features';
import { modelScore, modelVersion } from './model';
import { encodingMention, signalRules, type SignalFamily } from './signals';

export type Profile = 'kid' | 'teen' | 'adult' | 'admin';
/** Where the text came from: imported documents and tool results are held to a stricter line. */
export type TextSource = 'user' | 'document' | 'tool';

export interface InjectionOptions {
  profile?: Profile;
  source?: TextSource;
}

/** Score at or above `warn` warns, at or above `block` blocks. Kids are guarded hardest; admins only warned. */
export const injectionThresholds: Readonly<Record<Profile, { warn: number; block: number }>> = {
  kid: { warn: 0.3, block: 0.5 },
  teen: { warn: 0.4, block: 0.6 },
  adult: { warn: 0.5, block: 0.85 },
  admin: { warn: 0.6, block: 2 },
};

/** The score at which a message counts as an injection (what `npm run eval` measures). */
export const decisionThreshold = 0.5;
/** Indirect text (documents, tool results) should never carry instructions: thresholds drop by this much. */
const indirectShift = 0.15;

export const injectionVersion = (): string => `rules-1+${modelVersion()}`;

/** Combined rule weight at which the rules decide without the model. */
const ruleAlone = 0.97;

/** Spans per rule are capped: enough to highlight, bounded for a hostile paste. */
const maxHitsPerRule = 16;

export interface Signal {
  family: SignalFamily;
  weight: number;
  /** Offsets into the original text. */
  start: number;
  end: number;
}

export interface InjectionScore {
  score: number;
  ruleScore: number;
  modelScore: number;
  signals: Signal[];
}

/**
 * All rules of one view as one alternation, as a yes/no pre-check: wherever a
 * rule matches, this matches too, so a miss skips that view's per-rule passes.
 * Most messages trigger no rule at all.
 */
const anyRuleOn = (view: 'leet' | 'folded'): RegExp =>
  new RegExp(
    signalRules
      .filter((r) => r.view === view)
      .map((r) => `(?:${r.pattern.source})`)
      .join('|'),
  );
const anyLeetRule = anyRuleOn('leet');
const anyFoldedRule = anyRuleOn('folded');

function ruleSignals(n: Normalized, offset?: { start: number; end: number }): Signal[] {
  const found: Signal[] = [];
  const leetMay = anyLeetRule.test(n.leet);
  const foldedMay = anyFoldedRule.test(n.folded);
  if (!leetMay && !foldedMay) return found;
  for (const rule of signalRules) {
    if (!(rule.view === 'leet' ? leetMay : foldedMay)) continue;
    const text = rule.view === 'leet' ? n.leet : n.folded;
    rule.pattern.lastIndex = 0;
    let hits = 0;
    for (let m = rule.pattern.exec(text); m && hits < maxHitsPerRule; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) rule.pattern.lastIndex++;
      const at = offset ?? n.toOriginal(m.index, m.index + m[0].length, rule.view);
      found.push({ family: rule.family, weight: rule.weight, start: at.start, end: at.end });
      hits++;
    }
  }
  return found;
}

/** Longest repeating cycle of words the flood rule sees (") ] } ) ] }" repeats with period 3). */
const maxPeriod = 3;
/** Words in a flood (the repeated cycle included) before the rule fires. */
const floodLength = 24;

/** Floods of one repeated token or short cycle ("ö ö ö …", ") ] } ) ] } …"), used to push a model off its instructions. */
function repetition(n: Normalized): Signal[] {
  // Words (split on space and newline, compared by their first 32 code units) are compared
  // in place: building each one as a string cost more than the rest of the rule pass. The folded
  // view, not leet: leet joins spaced single letters, so "ö ö ö" would read as one word.
  const t = n.folded;
  const starts = new Int32Array(maxPeriod + 1).fill(-1);
  const lengths = new Int32Array(maxPeriod + 1);
  const runs = new Int32Array(maxPeriod + 1);
  const runStarts = new Int32Array(maxPeriod + 1);
  let words = 0;
  let wordStart = -1;
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t.charCodeAt(i) : 32;
    if (c !== 32 && c !== 10) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart < 0) continue;
    const length = Math.min(32, i - wordStart);
    // starts/lengths form a ring of the last maxPeriod + 1 words.
    for (let p = 1; p <= maxPeriod && p <= words; p++) {
      const back = (words - p) % (maxPeriod + 1);
      if (sameUnits(t, starts[back]!, lengths[back]!, wordStart, length)) {
        if (runs[p] === 0) runStarts[p] = starts[back]!;
        runs[p]!++;
      } else runs[p] = 0;
      if (runs[p]! + p >= floodLength) {
        const at = n.toOriginal(runStarts[p]!, i, 'folded');
        return [{ family: 'adversarial_noise', weight: 0.5, start: at.start, end: at.end }];
      }
    }
    const slot = words % (maxPeriod + 1);
    starts[slot] = wordStart;
    lengths[slot] = length;
    words++;
    wordStart = -1;
  }
  return [];
}

function sameUnits(t: string, a: number, aLength: number, b: number, bLength: number): boolean {
  if (aLength !== bLength) return false;
  for (let k = 0; k < aLength; k++) if (t.charCodeAt(a + k) !== t.charCodeAt(b + k)) return false;
  return true;
}

/** Decoded base64/hex/rot13 runs that themselves carry an attack. */
function encodedSignals(n: Normalized): Signal[] {
  const found: Signal[] = [];
  for (const run of n.decoded) {
    const inner = ruleSignals(normalize(run.text), run);
    if (inner.length > 0)
      found.push({ family: 'encoded_payload', weight: 0.9, start: run.start, end: run.end });
  }
  encodingMention.lastIndex = 0;
  if (n.decoded.length > 0 && encodingMention.test(n.leet)) {
    const run = n.decoded[0]!;
    found.push({ family: 'encoded_payload', weight: 0.5, start: run.start, end: run.end });
  }
  return found;
}

/** The rule half alone: every signal with its place, the families that fired, and their combined weight. */
export function scoreRules(n: Normalized): {
  signals: Signal[];
  families: SignalFamily[];
  ruleScore: number;
} {
  const signals = [...ruleSignals(n), ...repetition(n), ...encodedSignals(n)];
  // Rules combine as independent evidence, each rule counted once at its weight.
  const strongest = new Map<string, number>();
  for (const s of signals) strongest.set(`${s.family}:${s.weight}`, s.weight);
  let miss = 1;
  for (const w of strongest.values()) miss *= 1 - w;
  return { signals, families: [...new Set(signals.map((s) => s.family))], ruleScore: 1 - miss };
}

/** The detector's full reading of a text: combined score, its parts, and every signal with its place. */
export function scoreInjection(text: string | Normalized): InjectionScore {
  // The input pipeline passes the Normalized it already built, so the text is folded once.
  const n = typeof text === 'object' && text !== null ? text : normalize(text);
  const { signals, families, ruleScore } = scoreRules(n);
  const learned = modelScore(featurize(n.leet, n.original, families, ruleScore));
  // The model weighs the rule families as features; rules alone decide only when they are near certain.
  const score = ruleScore >= ruleAlone ? Math.max(ruleScore, learned) : learned;
  return { score, ruleScore, modelScore: learned, signals };
}

/** The verdict for one message under a profile. Never throws: bad input gets a verdict too. */
export function detectInjection(text: string | Normalized, options: InjectionOptions = {}): Verdict {
  const version = injectionVersion();
  let result: InjectionScore;
  try {
    result = scoreInjection(isNormalized(text) ? text : typeof text === 'string' ? text : '');
  } catch {
    // A detector fault must not open the door for kids: fail closed there, open (with a warning) elsewhere.
    const kid = options.profile === 'kid';
    return { ...allow('injection', version), action: kid ? 'block' : 'warn', categories: ['detector_error'] };
  }
  const limits = injectionThresholds[options.profile ?? 'adult'];
  const shift = options.source && options.source !== 'user' ? indirectShift : 0;
  const action =
    result.score >= limits.block - shift ? 'block' : result.score >= limits.warn - shift ? 'warn' : 'allow';
  if (action === 'allow') return { ...allow('injection', version), score: result.score };
  const categories: string[] = [...new Set(result.signals.map((s) => s.family))];
  if (result.modelScore >= decisionThreshold) categories.push('classifier');
  const spans: GuardSpan[] = result.signals.map((s) => ({ start: s.start, end: s.end, type: s.family }));
  return { action, categories, spans, score: result.score, filter: 'injection', version };
}
