// The family-safe content filter (issue 5 item 4): folded text through the
// phrase rules, obscenity's profanity list and the learned model, judged by
// the profile's policy. Returns the shared Verdict plus what the user sees
// instead (a message key and its English sentence, never the text) and
// whether the parent is to be told through the audit log (self-harm).
import { fold, originalSpan, type Folded } from './fold';
import { benignContext, lexiconHits } from './lexicon';
import { contentModel, type ModelScores } from './model';
import {
  messageKeyFor,
  messages,
  policyFor,
  type ContentCategory,
  type MessageKey,
  type Profile,
} from './policy';
import { profanityHits } from './profanity';
import { isNormalized } from '../normalize';
import type { GuardAction, GuardSpan, Verdict } from '../verdict';

export const contentFilterVersion = 'content-1';

/**
 * Only rules marked decisive in lexicon.ts block alone (self-harm, sexual
 * content with minors, making weapons, buying drugs, gambling, dating). Bare
 * words of the other categories (sexual, violence, drugs, hate, profanity) are
 * written too often in harmless ways ("sex education", "what is cocaine?",
 * quoting a slur to report it) and are left to the model, which weighs the
 * whole message: on held-out folds, making profanity decisive cost two points
 * of false positives for one of recall. The stream filter still blocks every
 * profane word in an answer to a kid.
 */
export interface RuleSpan extends GuardSpan {
  decisive: boolean;
}

/** The model's bar when a harmless sense of a risky word is present (lexicon.ts benignContext). */
const benignThreshold = 0.97;

export interface ContentOptions {
  profile: Profile;
  /** Input is the user's message; output is the model's answer (its block sentence differs). */
  direction?: 'input' | 'output';
}

export interface ContentVerdict extends Verdict {
  filter: 'content';
  /** What to show instead of the text when blocked or warned; absent on allow. */
  messageKey?: MessageKey;
  message?: string;
  /** Self-harm was seen: the core writes an audit event the parent is shown (kid and teen). */
  notifyParent: boolean;
  /** The model's probabilities, for the audit trail and the eval; never contains text. */
  model?: ModelScores;
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

/** Whether the kid profile's decisive rules alone block this text (the training script picks its threshold around them). */
export function decisiveRulesFire(text: string): boolean {
  return ruleSpans(fold(text)).some((s) => s.decisive);
}

// Model heads that name a category when the model alone blocks; below this the category stays "unsafe_other".
const headCategoryFloor = 0.5;
const headToCategory: Record<string, ContentCategory> = {
  sexual: 'sexual',
  violence: 'violence',
  self_harm: 'self_harm',
  drugs: 'drugs',
  hate: 'hate',
  profanity: 'profanity',
};

/** Judges one text for a profile. Never throws: bad input gets a verdict. */
export function checkContent(text: unknown, options: ContentOptions): ContentVerdict {
  const direction = options.direction ?? 'input';
  // A Normalized (from the input pipeline) is judged by its original: the model was trained
  // on fold.ts's view (run shortening, leet next to letters), which normalize's views are not.
  const input = isNormalized(text) ? text.original : typeof text === 'string' ? text : '';
  const model = contentModel();
  const policy = policyFor(options.profile, model.threshold);
  const f = fold(input);
  const spans = ruleSpans(f);
  const scores = Number.isFinite(policy.modelThreshold) ? model.score(f.text) : undefined;
  const unsafe = scores?.unsafe ?? 0;
  const decisive = spans.some((s) => s.decisive);
  const bar =
    !decisive && benignContext.test(f.text)
      ? Math.max(policy.modelThreshold, benignThreshold)
      : policy.modelThreshold;
  const modelSaysUnsafe = unsafe >= bar;

  const fired = new Set<ContentCategory>();
  for (const s of spans) {
    // Non-decisive rules only name the category when the model agrees it is unsafe.
    if (s.decisive || modelSaysUnsafe) fired.add(s.type as ContentCategory);
  }
  if (modelSaysUnsafe) {
    let best: ContentCategory = 'unsafe_other';
    let bestP = headCategoryFloor;
    for (const [head, category] of Object.entries(headToCategory)) {
      const p = scores?.[head] ?? 0;
      if (p > bestP) [best, bestP] = [category, p];
    }
    if (fired.size === 0 || best === 'self_harm') fired.add(best);
  }

  const categories = [...fired];
  let action: GuardAction = 'allow';
  if (categories.some((c) => policy.block.has(c))) action = 'block';
  else if (categories.some((c) => policy.warn.has(c))) action = 'warn';
  const selfHarm = fired.has('self_harm');
  const verdict: ContentVerdict = {
    action,
    categories: action === 'allow' ? [] : categories,
    spans:
      action === 'allow'
        ? []
        : spans
            .filter((s) => fired.has(s.type as ContentCategory))
            .map(({ start, end, type }) => ({ start, end, type })),
    score: Math.max(unsafe, categories.length > 0 && action !== 'allow' ? 1 : 0),
    filter: 'content',
    version: `${contentFilterVersion}+${model.version}`,
    notifyParent: selfHarm && (options.profile === 'kid' || options.profile === 'teen'),
  };
  if (scores) verdict.model = scores;
  if (action !== 'allow') {
    verdict.messageKey = messageKeyFor(options.profile, categories, direction);
    verdict.message = messages[verdict.messageKey];
  }
  return verdict;
}
