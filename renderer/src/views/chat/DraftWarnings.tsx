// The warnings under the message box while a message is written (CH-03):
// each finding as a plain sentence with the words it is about marked. The
// filters run once typing pauses, never on a keystroke, and load on first
// use, so neither the view nor typing waits for them. A courtesy only: the
// core judges the message again when it is sent.
import { useEffect, useState } from 'react';
import type { Role } from '../../../../shared/contract';
import { t } from '../../i18n/t';
import type { DraftWarning } from './draft-warnings';
import './draft-warnings.css';

/** Quiet time after the last keystroke before the draft is checked. */
export const draftIdleMs = 250;

type Module = typeof import('./draft-warnings');
let loading: Promise<Module> | undefined;
const loadFilters = (): Promise<Module> => (loading ??= import('./draft-warnings'));

interface Checked {
  warnings: DraftWarning[];
  sentences: string[];
}
const nothing: Checked = { warnings: [], sentences: [] };

export interface DraftWarningsProps {
  /** The element id the message box names in aria-describedby. */
  id: string;
  draft: string;
  /** The profile's role from app.info; nothing is shown until it is known. */
  role: Role | undefined;
}

export function DraftWarnings({ id, draft, role }: DraftWarningsProps) {
  const [checked, setChecked] = useState<Checked>(nothing);
  // An emptied box (a message just sent) forgets its warnings at once, so the next draft starts
  // clean; an edited one keeps the last warnings until it is checked again, without flicker.
  const empty = !role || draft.trim() === '';
  if (empty && checked !== nothing) setChecked(nothing);
  const shown = empty ? nothing : checked;

  useEffect(() => {
    if (!role || draft.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void loadFilters().then(
        ({ draftWarnings, draftWarningSentence }) => {
          if (!current) return;
          const warnings = draftWarnings(draft, role);
          setChecked({ warnings, sentences: warnings.map(draftWarningSentence) });
        },
        // The warnings are a courtesy: if their code cannot load, the core still judges on send.
        () => undefined,
      );
    }, draftIdleMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, role]);

  return (
    // Always in the page, so the live region exists before its first sentence.
    <div id={id} className="chat-draft" aria-live="polite">
      {shown.warnings.length > 0 && (
        <>
          <p className="sr-only">{t('chat.draft.label')}</p>
          <ul className="chat-draft-list">
            {shown.warnings.map((w, i) => (
              <li
                key={w.id}
                className={`chat-draft-item chat-draft-${w.action}`}
                data-draft-warning
                data-filter={w.filter}
                data-action={w.action}
                data-type={w.type}
              >
                <span className="chat-draft-sentence">{shown.sentences[i]}</span>
                {w.excerpts.map((text) => (
                  <mark key={text} className="chat-draft-excerpt">
                    {text}
                  </mark>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
