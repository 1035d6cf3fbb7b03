// What the learned content model reads: the shared normalize's leet view (the
// same folding the injection filter reads) with long letter runs shortened,
// plus which rules fired, as named features. Training
// (electron/eval/train-content-lib.ts) and inference both build their input
// here, so what is learned is what runs.
import { fold } from './fold';
import { benignContext } from './lexicon';
import { contentModel, type ModelScores } from './model';
import { ruleSpans, type RuleSpan } from './rule-spans';
import { isNormalized, leetText, type Normalized } from '../normalize';

/** Letter runs of three or more ("fuuuuck", "sooo") read as two, as people stretch words for effect. */
const longRun = /([a-z])\1{2,}/g;

/** The model's text view of a message, from normalize's leet view. */
export function modelText(leet: string): string {
  return leet.replace(longRun, '$1$1');
}

/**
 * Words just before a hit that report, refuse or negate it rather than mean it
 * ("I would never hurt…", "saying that you hate … shows", "called me a …").
 */
const cue =
  /\b(?:never|not|no one|nobody|n't|don't|doesn't|won't|shouldn't|wouldn't|stop|against|wrong|saying|say|said|says|called|call me|calling|quote|quoting|threatening|threats? to|accused|condemn|report(?:ed|ing)?)\b/;
/** How far before a hit (in UTF-16 units of the original) a cue counts. */
const cueReach = 48;

/**
 * The rule features: each category that fired (decisive rules marked "!"), the
 * same with "~cued" when a reporting or negating word comes just before it, a
 * second profane word, and a harmless sense of a risky word ("kill the
 * process"). Sorted, so the order (and the float sums) never depend on where
 * in the text the hits were.
 */
export function ruleKeys(spans: readonly RuleSpan[], benign: boolean, original = ''): string[] {
  const keys = new Set<string>();
  let profane = 0;
  for (const s of spans) {
    keys.add(s.decisive ? `${s.type}!` : s.type);
    if (s.type === 'profanity') profane++;
    if (!s.decisive && cue.test(original.slice(Math.max(0, s.start - cueReach), s.start).toLowerCase()))
      keys.add(`${s.type}~cued`);
  }
  if (profane >= 2) keys.add('profanity*2');
  if (benign) keys.add('benign_context');
  return [...keys].sort();
}

/** Everything the model needs from one text, and the rule spans the filter judges by. */
export function modelInput(text: string | Normalized): {
  view: string;
  keys: string[];
  spans: RuleSpan[];
  folded: string;
} {
  // A plain string needs only the leet view: normalize's decoding pass and offset maps serve other filters.
  const original = isNormalized(text) ? text.original : text;
  const leet = isNormalized(text) ? text.leet : leetText(text);
  const f = fold(original);
  const spans = ruleSpans(f);
  return {
    view: modelText(leet),
    keys: ruleKeys(spans, benignContext.test(f.text), original),
    spans,
    folded: f.text,
  };
}

/** The model's probabilities for a text (the stream filter's periodic look at the answer so far). */
export function scoreText(text: string): ModelScores {
  const input = modelInput(text);
  return contentModel().score(input.view, input.keys);
}
