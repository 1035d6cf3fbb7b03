// The one call the core (which enforces) and the renderer (which warns as you
// type) make on a message (issue 5): normalize once, then the injection,
// personal-data and family-safe filters on that one Normalized, merged into
// the strictest action, with the redacted text when personal data is hidden.
import { checkContent } from './content/content-filter';
import { detectInjection, type TextSource } from './injection/detect';
import { normalize } from './normalize';
import { piiPolicyFor, piiVerdict, type PiiPolicy } from './pii/policy';
import { redact, type RedactionMap } from './pii/redact';
import type { CountryCode } from 'libphonenumber-js';
import { strictest, type GuardAction, type Verdict } from './verdict';

/** The same four roles as contract.ts `Role` (shared/guard stays free of zod). */
export type GuardProfile = 'kid' | 'teen' | 'adult' | 'admin';

export interface GuardInputOptions {
  profile: GuardProfile;
  /** Where the text came from; documents and tool results meet a stricter injection line. */
  source?: TextSource;
  /** The adult's or teen's chosen PII policy; kids always block (pii/policy.ts). */
  piiPolicy?: PiiPolicy;
  /** Region for phone numbers written without a country code (the app's locale). */
  defaultRegion?: CountryCode;
}

export interface GuardInputResult {
  /** One verdict per filter, in a fixed order: injection, pii, content. */
  verdicts: Verdict[];
  /** The strictest of the verdicts' actions: what the core does with the message. */
  action: GuardAction;
  /** Present when personal data is to be hidden: the text the runtime receives, and the display-only map. */
  redacted?: { text: string; map: RedactionMap };
}

/**
 * Judges one message. Never throws: each filter already turns bad input into
 * a verdict, and a fault here (normalization itself) fails closed for kids.
 */
export function guardInput(text: unknown, options: GuardInputOptions): GuardInputResult {
  const input = typeof text === 'string' ? text : '';
  try {
    // Normalized once: each filter would otherwise fold the whole text again.
    const n = normalize(input);
    const injection = detectInjection(n, { profile: options.profile, source: options.source ?? 'user' });
    const pii = piiVerdict(n, piiPolicyFor(options.profile, options.piiPolicy), {
      ...(options.defaultRegion ? { defaultRegion: options.defaultRegion } : {}),
    });
    const content = checkContent(n, { profile: options.profile, direction: 'input' });
    const verdicts: Verdict[] = [injection, pii, content];
    const result: GuardInputResult = { verdicts, action: strictest(verdicts.map((v) => v.action)) };
    if (pii.action === 'redact') result.redacted = redact(input, pii.spans);
    return result;
  } catch {
    const action: GuardAction = options.profile === 'kid' ? 'block' : 'warn';
    const failed: Verdict = {
      action,
      categories: ['guard_error'],
      spans: [],
      score: 1,
      filter: 'injection',
      version: 'pipeline-1',
    };
    return { verdicts: [failed], action };
  }
}
