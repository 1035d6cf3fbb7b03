// What the PII filter does with what it found, per profile (issue 5 item 3):
// adults may choose to be only warned, the default is to redact before
// sending, and a kid's message with personal data is not sent at all.
import type { Normalized } from '../normalize';
import type { GuardAction, Verdict } from '../verdict';
import { detectPii, type DetectOptions } from './detect';
import type { PiiSpan } from './types';

export const piiVersion = 'pii-1';
export const piiPolicies = ['warn', 'redact', 'block'] as const;
export type PiiPolicy = (typeof piiPolicies)[number];
export type ProfileRole = 'kid' | 'teen' | 'adult' | 'admin';

/**
 * The policy for a profile. Kids always block; teens redact and may only be
 * made stricter; adults redact unless they chose otherwise.
 */
export function piiPolicyFor(role: ProfileRole, chosen?: PiiPolicy): PiiPolicy {
  if (role === 'kid') return 'block';
  if (role === 'teen') return chosen === 'block' ? 'block' : 'redact';
  return chosen ?? 'redact';
}

export interface PiiVerdict extends Verdict {
  filter: 'pii';
  spans: PiiSpan[];
}

/**
 * Detects and decides. Never throws: bad input (not a string, lone
 * surrogates, megabytes of control characters) yields a verdict, and a
 * failing detector fails closed for the profile (block for kids, redact
 * would need spans, so everyone else is warned with no spans).
 */
export function piiVerdict(
  input: string | Normalized,
  policy: PiiPolicy,
  options: DetectOptions = {},
): PiiVerdict {
  let spans: PiiSpan[];
  try {
    spans = detectPii(input, options);
  } catch {
    const action: GuardAction = policy === 'block' ? 'block' : 'warn';
    return {
      action,
      categories: ['PII_CHECK_FAILED'],
      spans: [],
      score: 1,
      filter: 'pii',
      version: piiVersion,
    };
  }
  if (spans.length === 0) {
    return { action: 'allow', categories: [], spans: [], score: 0, filter: 'pii', version: piiVersion };
  }
  const categories = [...new Set(spans.map((s) => s.type))];
  return { action: policy, categories, spans, score: 1, filter: 'pii', version: piiVersion };
}
