// What every chat filter answers (issue 5): one shape for injection, personal
// data and family-safe content, so the core can merge them and audit them,
// and the renderer can warn as you type. Pure data, no Node, no DOM.

export const guardActions = ['allow', 'warn', 'redact', 'block'] as const;
export type GuardAction = (typeof guardActions)[number];

/** Which filter spoke. */
export type GuardFilter = 'injection' | 'pii' | 'content' | 'guard_model' | 'canary';

/** A stretch of the user's own text (UTF-16 offsets into the original, not the normalized form). */
export interface GuardSpan {
  start: number;
  end: number;
  /** What was found there, e.g. 'EMAIL', 'instruction_override', 'profanity'. */
  type: string;
}

export interface Verdict {
  action: GuardAction;
  /** Categories that fired, e.g. ['PHONE'] or ['self_harm']. */
  categories: string[];
  spans: GuardSpan[];
  /** 0…1, how sure the filter is; rule-only filters use 1 for a hit and 0 for none. */
  score: number;
  filter: GuardFilter;
  /** The filter's version, so an audit entry says which rules decided. */
  version: string;
}

const severity: Record<GuardAction, number> = { allow: 0, warn: 1, redact: 2, block: 3 };

/** The strictest of several verdicts' actions. */
export function strictest(actions: GuardAction[]): GuardAction {
  return actions.reduce<GuardAction>((worst, a) => (severity[a] > severity[worst] ? a : worst), 'allow');
}

export const allow = (filter: GuardFilter, version: string): Verdict => ({
  action: 'allow',
  categories: [],
  spans: [],
  score: 0,
  filter,
  version,
});
