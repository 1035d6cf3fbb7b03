// What the composer warns about while a message is written (SECURITY.md
// CH-03: "warn as you type, enforce in core"): the same guardInput the core
// runs, turned into plain warnings worded by the profile's policy. A courtesy
// only: the core's verdict on chat.send decides what is sent, hidden or refused.
import type { Role } from '../../../../shared/contract';
import { guardInput } from '../../../../shared/guard/input-pipeline';
import type { PiiType } from '../../../../shared/guard/pii/types';
import type { GuardAction, Verdict } from '../../../../shared/guard/verdict';
import { t, type MessageKey } from '../../i18n/t';

export type DraftAction = Exclude<GuardAction, 'allow'>;

export interface DraftWarning {
  /** Stable while the finding stays, for React keys: filter plus type or action. */
  id: string;
  filter: 'pii' | 'injection' | 'content';
  action: DraftAction;
  /** Personal data only: what kind, e.g. PHONE. */
  type?: PiiType;
  key: MessageKey;
  /** Personal data only: the phrase filling {what}, e.g. "a phone number". */
  what?: MessageKey;
  /** The stretches of the draft it is about, as typed (long ones shortened), without repeats. */
  excerpts: string[];
}

const order: Record<DraftAction, number> = { block: 0, redact: 1, warn: 2 };
// A filter that failed has nothing to point at; the core decides those on send.
const failures = new Set(['guard_error', 'detector_error', 'PII_CHECK_FAILED']);
const excerptMax = 40;

const excerptsOf = (draft: string, verdict: Verdict, type?: string): string[] => [
  ...new Set(
    verdict.spans
      .filter((s) => type === undefined || s.type === type)
      .map((s) => draft.slice(s.start, s.end).trim())
      .filter((text) => text !== '')
      .map((text) => (text.length > excerptMax ? `${text.slice(0, excerptMax - 1)}…` : text)),
  ),
];

/** The warnings for a draft, strictest first; [] for an empty or harmless one. */
export function draftWarnings(draft: string, role: Role): DraftWarning[] {
  if (draft.trim() === '') return [];
  const warnings: DraftWarning[] = [];
  for (const verdict of guardInput(draft, { profile: role }).verdicts) {
    if (verdict.action === 'allow' || verdict.categories.every((c) => failures.has(c))) continue;
    const action = verdict.action;
    if (verdict.filter === 'pii') {
      const types = [...new Set(verdict.spans.map((s) => s.type as PiiType))];
      for (const type of types) {
        warnings.push({
          id: `pii-${type}`,
          filter: 'pii',
          action,
          type,
          key: `chat.draft.pii.${action}`,
          what: `chat.draft.what.${type}`,
          excerpts: excerptsOf(draft, verdict, type),
        });
      }
    } else if (verdict.filter === 'injection') {
      warnings.push({
        id: 'injection',
        filter: 'injection',
        action,
        key: action === 'block' ? 'chat.draft.injection.block' : 'chat.draft.injection.warn',
        excerpts: excerptsOf(draft, verdict),
      });
    } else if (verdict.filter === 'content') {
      // Self-harm gets care, not a telling-off, whatever the profile's action; no quoting back either.
      const care = verdict.categories.includes('self_harm');
      warnings.push({
        id: care ? 'content-care' : `content-${action}`,
        filter: 'content',
        action,
        key: care
          ? 'chat.draft.content.care'
          : action === 'block'
            ? 'chat.draft.content.block'
            : 'chat.draft.content.warn',
        excerpts: [],
      });
    }
  }
  return warnings.sort((a, b) => order[a.action] - order[b.action]);
}

/** The warning as the user reads it. */
export function draftWarningSentence(warning: DraftWarning): string {
  return t(warning.key, warning.what ? { what: t(warning.what) } : undefined);
}
