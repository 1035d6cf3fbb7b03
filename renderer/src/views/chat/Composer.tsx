// Where the message is written: Enter sends, Shift+Enter starts a new line
// (and Enter while an input method composes a word does neither). Send stays
// focusable while an answer is written; Stop shows beside it. Under the box,
// warnings about the draft (personal data, and what the filters would refuse)
// appear once typing pauses, worded by the profile's policy.
import { useRef, useState, type KeyboardEvent } from 'react';
import { maxMessageChars } from '../../../../shared/chat-contract';
import { Button } from '../../components/Button';
import { t } from '../../i18n/t';
import { useApp } from '../../stores/app-store';
import { DraftWarnings } from './DraftWarnings';

export interface ComposerProps {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

export function Composer({ busy, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const role = useApp((state) => state.info?.profile?.role);

  const submit = () => {
    if (busy || text.trim() === '') return;
    onSend(text);
    setText('');
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      className="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label className="chat-composer-label" htmlFor="chat-input">
        {t('chat.composer.label')}
      </label>
      <textarea
        ref={input}
        id="chat-input"
        className="chat-input"
        rows={3}
        maxLength={maxMessageChars}
        aria-describedby="chat-hint chat-draft"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <DraftWarnings id="chat-draft" draft={text} role={role} />
      <div className="chat-composer-row">
        <p id="chat-hint" className="chat-hint">
          {t('chat.composer.hint')}
        </p>
        <div className="chat-composer-actions">
          {busy && (
            <Button variant="danger" onClick={onStop}>
              {t('chat.stop')}
            </Button>
          )}
          <Button type="submit" variant="primary" loading={busy}>
            {t('chat.send')}
          </Button>
        </div>
      </div>
    </form>
  );
}
