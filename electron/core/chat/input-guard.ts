// The core's verdict on a user's message (issue 5 items 2-4, 6): injection,
// personal data and family-safe content on one normalized view, merged into
// the strictest action. Only this verdict counts; the renderer's as-you-type
// warning is a courtesy. (shared/guard/input-pipeline.ts will offer the same
// merge; until it is committed, the filters are called here directly.)
import type { Role } from '../../../shared/contract';
import { checkContent } from '../../../shared/guard/content';
import { detectInjection } from '../../../shared/guard/injection';
import { normalize } from '../../../shared/guard/normalize';
import { piiMessagesEn, piiPolicyFor, piiVerdict, redact } from '../../../shared/guard/pii';
import { strictest, type GuardAction, type GuardFilter, type Verdict } from '../../../shared/guard/verdict';

export interface InputJudgement {
  action: GuardAction;
  /** What the runtime receives: the user's text, or the redacted text. */
  sendText: string;
  redactedText?: string;
  /** Category names of every filter that did not allow; never the text. */
  categories: string[];
  verdicts: Verdict[];
  /** When the message is blocked: each filter that blocked it, for the audit. */
  blocks?: { filter: GuardFilter; categories: string[]; notifyParent: boolean }[];
  /** When the message is blocked: the kind sentence the user reads instead. */
  message?: string;
}

function piiSentence(type: string | undefined): string {
  return (
    (type && piiMessagesEn[`pii.${type}.block`]) ??
    'Personal details like this can’t be sent. Please take them out first.'
  );
}

const injectionSentence: Record<Role, string> = {
  kid: "Let's ask that a different way. I can't follow messages that try to change how I work, but I'm happy to help with your question.",
  teen: "That message tries to change how the assistant works, so it wasn't sent. Ask your question another way and I'll help.",
  adult:
    'This message looks like an attempt to override the assistant’s instructions, so Airlock did not send it.',
  admin:
    'This message looks like an attempt to override the assistant’s instructions, so Airlock did not send it.',
};

export function judgeInput(text: string, profile: Role): InputJudgement {
  let n;
  try {
    n = normalize(text);
  } catch {
    // Normalization itself failing must not open the door for a kid.
    const failClosed = profile === 'kid';
    const verdict: Verdict = {
      action: failClosed ? 'block' : 'warn',
      categories: ['guard_error'],
      spans: [],
      score: 1,
      filter: 'injection',
      version: 'chat-input-1',
    };
    return {
      action: verdict.action,
      sendText: text,
      categories: verdict.categories,
      verdicts: [verdict],
      ...(failClosed
        ? {
            blocks: [{ filter: 'injection' as const, categories: verdict.categories, notifyParent: false }],
            message: injectionSentence.kid,
          }
        : {}),
    };
  }
  const injection = detectInjection(n, { profile, source: 'user' });
  const pii = piiVerdict(n, piiPolicyFor(profile));
  const content = checkContent(n, { profile, direction: 'input' });
  const verdicts: Verdict[] = [injection, pii, content];
  const action = strictest(verdicts.map((v) => v.action));
  const categories = [...new Set(verdicts.filter((v) => v.action !== 'allow').flatMap((v) => v.categories))];
  const judgement: InputJudgement = { action, sendText: text, categories, verdicts };
  if (action === 'block') {
    // Every filter that blocked is audited; the sentence follows the most caring
    // reason: self-harm first, then injection, content, personal data.
    judgement.blocks = verdicts
      .filter((v) => v.action === 'block')
      .map((v) => ({
        filter: v.filter,
        categories: v.categories,
        notifyParent: v === content && content.notifyParent,
      }));
    judgement.message = content.notifyParent
      ? (content.message ?? injectionSentence[profile])
      : injection.action === 'block'
        ? injectionSentence[profile]
        : content.action === 'block'
          ? (content.message ?? injectionSentence[profile])
          : piiSentence(pii.spans[0]?.type);
    return judgement;
  }
  if (pii.action === 'redact') {
    judgement.sendText = redact(text, pii.spans).text;
    judgement.redactedText = judgement.sendText;
  }
  return judgement;
}
