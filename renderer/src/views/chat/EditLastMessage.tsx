// The last message, edited in place: Enter (or "Send edited") replaces it and
// its answer, Esc or Cancel leaves everything as it was.
import { useState, type KeyboardEvent } from 'react';
import { maxMessageChars } from '../../../../shared/chat-contract';
import { Button } from '../../components/Button';
import { t } from '../../i18n/t';

export interface EditLastMessageProps {
  text: string;
  onSend: (text: string) => void;
  onCancel: () => void;
}

export function EditLastMessage({ text, onSend, onCancel }: EditLastMessageProps) {
  const [draft, setDraft] = useState(text);
  const submit = () => {
    if (draft.trim() !== '') onSend(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      // Esc cancels the edit here; it must not also reach the view's Esc-stops-the-answer.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form
      className="chat-edit"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label className="sr-only" htmlFor="chat-edit-input">
        {t('chat.edit.field')}
      </label>
      <textarea
        id="chat-edit-input"
        className="chat-input"
        rows={3}
        maxLength={maxMessageChars}
        aria-describedby="chat-edit-hint"
        value={draft}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id="chat-edit-hint" className="chat-hint">
        {t('chat.edit.hint')}
      </p>
      <div className="chat-edit-actions">
        <Button size="sm" onClick={onCancel}>
          {t('chat.edit.cancel')}
        </Button>
        <Button size="sm" type="submit" variant="primary" disabled={draft.trim() === ''}>
          {t('chat.edit.send')}
        </Button>
      </div>
    </form>
  );
}
