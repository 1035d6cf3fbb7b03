// Which content each profile may see (issue 5 item 4, SECURITY.md CH-06) and
// what the user reads instead: a message key plus an English table, so the
// renderer can translate later. Kids get the strictest policy, teens a
// narrower one, adults and admins none by default (or a warning if chosen).
export const contentCategories = [
  'sexual',
  'sexual_minors',
  'violence',
  'self_harm',
  'drugs',
  'hate',
  'profanity',
  'weapons',
  'gambling',
  'dating',
  /** The learned model's "unsafe" with no clearer category (crime how-tos, generic harm). */
  'unsafe_other',
] as const;
export type ContentCategory = (typeof contentCategories)[number];

/** The same four roles as contract.ts `Role`; spelled out here because shared/guard imports nothing with zod in it. */
export type Profile = 'kid' | 'teen' | 'adult' | 'admin';

export interface ContentPolicy {
  /** Categories that block outright for this profile. */
  block: ReadonlySet<ContentCategory>;
  /** Categories that only warn (the core still audits them). */
  warn: ReadonlySet<ContentCategory>;
  /** The learned model blocks at or above this probability; Infinity turns it off. */
  modelThreshold: number;
  /** Malformed guard-model answers count as unsafe (issue 5 item 5: kid profiles). */
  failClosed: boolean;
}

const all = new Set<ContentCategory>(contentCategories);
const teenBlocks = new Set<ContentCategory>([
  'sexual',
  'sexual_minors',
  'self_harm',
  'violence',
  'hate',
  'weapons',
  'drugs',
  'unsafe_other',
]);

/**
 * Kid: every category, model at its tuned threshold. Teen: profanity, gambling
 * and dating only warn, and the model must be surer. Adult and admin: only
 * sexual content involving minors and self-harm (for the caring message) warn.
 */
export function policyFor(profile: Profile, modelThreshold: number): ContentPolicy {
  switch (profile) {
    case 'kid':
      return { block: all, warn: new Set(), modelThreshold, failClosed: true };
    case 'teen':
      return {
        block: teenBlocks,
        warn: new Set<ContentCategory>(['profanity', 'gambling', 'dating']),
        modelThreshold: Math.min(0.95, modelThreshold + 0.2),
        failClosed: false,
      };
    default:
      return {
        block: new Set(),
        warn: new Set<ContentCategory>(['sexual_minors', 'self_harm']),
        modelThreshold: Number.POSITIVE_INFINITY,
        failClosed: false,
      };
  }
}

export type MessageKey =
  | 'content.blocked.kid'
  | 'content.blocked.teen'
  | 'content.blocked.adult'
  | 'content.self_harm.care'
  | 'content.answer_stopped.kid'
  | 'content.answer_stopped.teen';

/**
 * What the user sees instead of blocked text. Never the text itself. The
 * self-harm message gives no phone numbers: they differ by country and a wrong
 * one is worse than none, so it points to local emergency services and people nearby.
 */
export const messages: Record<MessageKey, string> = {
  'content.blocked.kid':
    "Let's talk about something else. That's not something I can help with here. If something is bothering you, a grown-up you trust can help.",
  'content.blocked.teen':
    "I can't help with that on this profile. If it's something important, talk it through with a parent or another adult you trust.",
  'content.blocked.adult': 'This message was held back by the family content filter.',
  'content.self_harm.care':
    "It sounds like you might be going through something really hard, and you don't have to face it alone. " +
    'If you are in danger right now, call your local emergency number. ' +
    'Please talk to someone you trust, like a parent, a teacher or a friend; you can also reach a crisis line in your country (findahelpline.com lists them). ' +
    'You matter, and people want to help.',
  'content.answer_stopped.kid':
    "I stopped that answer because it wasn't right for you. Let's try a different question!",
  'content.answer_stopped.teen': 'I stopped that answer because it is not allowed on this profile.',
};

/** The kind sentence for a block, chosen by age and by whether self-harm was seen. */
export function messageKeyFor(
  profile: Profile,
  categories: readonly string[],
  direction: 'input' | 'output',
): MessageKey {
  if (categories.includes('self_harm')) return 'content.self_harm.care';
  if (profile === 'kid') return direction === 'output' ? 'content.answer_stopped.kid' : 'content.blocked.kid';
  if (profile === 'teen')
    return direction === 'output' ? 'content.answer_stopped.teen' : 'content.blocked.teen';
  return 'content.blocked.adult';
}
