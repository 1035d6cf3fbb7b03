// The content rules' hits on a folded text, as spans on the user's own text:
// the phrase rules of lexicon.ts and obscenity's profanity list. The filter
// judges by them, and the learned model reads which of them fired.
import { originalSpan, type Folded } from './fold';
import { lexiconHits } from './lexicon';
import { profanityHits } from './profanity';
import type { GuardSpan } from '../verdict';

/**
 * Only rules marked decisive in lexicon.ts block alone (self-harm, sexual
 * content with minors, making weapons, buying drugs, gambling, dating). Bare
 * words of the other categories (sexual, violence, drugs, hate, profanity) are
 * written too often in harmless ways ("sex education", "what is cocaine?",
 * quoting a slur to report it) and are left to the model, which weighs them as
 * features with the rest of the message: in the dev data 41 of 643 safe rows
 * hold a word of the profanity list, so making it decisive alone would spend
 * most of the kid profile's false-positive budget. The stream filter still
 * blocks every profane word in an answer to a kid.
 */
export interface RuleSpan extends GuardSpan {
  decisive: boolean;
}

/** Rule hits as spans on the user's own text, each with its category. */
export function ruleSpans(f: Folded): RuleSpan[] {
  const spans: RuleSpan[] = [];
  for (const h of lexiconHits(f.text))
    spans.push({ ...originalSpan(f, h.start, h.end), type: h.category, decisive: h.decisive });
  for (const h of profanityHits(f.text))
    spans.push({ ...originalSpan(f, h.start, h.end), type: 'profanity', decisive: false });
  return spans.sort((a, b) => a.start - b.start);
}
