// The family-safe content filter (issue 5 item 4): the phrase rules and
// obscenity's profanity list on folded text, and the learned model on
// normalize's view with the rule hits as features, judged by the profile's
// policy. Returns the shared Verdict plus what the user sees
// instead (a message key and its English sentence, never the text) and
// whether the parent is to be told through the audit log (self-harm).
import { fold } from './fold';
import { contentModel, type ModelScores } from './model';
import { modelInput } from './model-input';
import { ruleSpans } from './rule-spans';
import {
  messageKeyFor,
  messages,
  policyFor,
  type ContentCategory,
  type MessageKey,
  type Profile,
} from './policy';
import { isNormalized } from '../normalize';
import type { GuardAction, Verdict } from '../verdict';

export const contentFilterVersion = 'content-1';

export { ruleSpans, type RuleSpan } from './rule-spans';

/** Whether the kid profile's decisive rules alone block this text (the training script picks its threshold around them). */
export function decisiveRulesFire(text: string): boolean {
  return ruleSpans(fold(text)).some((s) => s.decisive);
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
  // A Normalized (from the input pipeline) is used as it is: the model reads normalize's leet view.
  const input = isNormalized(text) ? text : typeof text === 'string' ? text : '';
  const model = contentModel();
  const policy = policyFor(options.profile, model.threshold);
  const { view, keys, spans } = modelInput(input);
  const scores = Number.isFinite(policy.modelThreshold) ? model.score(view, keys) : undefined;
  const unsafe = scores?.unsafe ?? 0;
  const decisive = spans.some((s) => s.decisive);
  const bar =
    !decisive && keys.includes('benign_context')
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
