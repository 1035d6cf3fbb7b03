// Personal-data filter (issue 5 item 3): detect, decide per profile, redact, explain.
export { detectPii, settle, type DetectOptions } from './detect';
export {
  piiPolicyFor,
  piiVerdict,
  piiVersion,
  piiPolicies,
  type PiiPolicy,
  type PiiVerdict,
  type ProfileRole,
} from './policy';
export { redact, restore, reveal, type Redacted, type Redaction, type RedactionMap } from './redact';
export { piiMessage, piiMessagesEn, type PiiMessage } from './messages';
export { PiiStreamRedactor, type PiiStreamStep } from './stream-redact';
export { piiTypes, type PiiSpan, type PiiType } from './types';
