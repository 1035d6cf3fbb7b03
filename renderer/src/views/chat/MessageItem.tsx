// One message in the list. The user's words are plain text; a model's answer
// is Markdown that can neither load nor run anything (Markdown.tsx). Line
// breaks are kept by CSS (white-space: pre-wrap); nothing is parsed as HTML.
import type { ReactNode } from 'react';
import { t } from '../../i18n/t';
import { useApp } from '../../stores/app-store';
import type { ChatMessage } from '../../stores/chat-thread';
import { Markdown } from './Markdown';

export interface MessageItemProps {
  message: ChatMessage;
  /** Shown instead of the text (the last message being edited). */
  replacement?: ReactNode;
  /** Buttons under the message (Edit, Try again). */
  actions?: ReactNode;
}

export function MessageItem({ message, replacement, actions }: MessageItemProps) {
  const { role, text, status, redactedText, notice, incomplete, model } = message;
  const waiting = role === 'assistant' && text === '' && (status === 'thinking' || status === 'streaming');
  const note = notice ?? (status === 'stopped' ? t('chat.stoppedNote') : undefined);
  const profile = useApp((state) => state.info?.profile?.role);
  // CH-06: every answer says it may be wrong, in words that fit the reader's age.
  const caveat =
    role === 'assistant' && text !== '' && (status === 'done' || status === 'stopped' || status === 'failed')
      ? t(profile === 'kid' || profile === 'teen' ? 'chat.caveat.young' : 'chat.caveat')
      : undefined;
  return (
    <li
      className={`chat-msg chat-msg-${role}`}
      data-role={role}
      data-status={status}
      data-incomplete={incomplete ? 'true' : undefined}
    >
      <p className="chat-msg-author">{role === 'user' ? t('chat.you') : (model ?? t('chat.model'))}</p>
      {replacement ??
        (waiting ? (
          <p className="chat-msg-text chat-msg-waiting">{t('chat.thinking')}</p>
        ) : (
          text !== '' &&
          (role === 'assistant' ? <Markdown text={text} /> : <p className="chat-msg-text">{text}</p>)
        ))}
      {redactedText !== undefined && (
        <div className="chat-msg-redacted" data-redacted>
          <p>{t('chat.redacted')}</p>
          <p className="chat-msg-text">{redactedText}</p>
        </div>
      )}
      {role === 'user' && status === 'blocked' && <p className="chat-msg-flag">{t('chat.blocked')}</p>}
      {note && (
        <p className={`chat-msg-notice chat-msg-notice-${status}`} data-notice>
          {note}
        </p>
      )}
      {incomplete && <p className="chat-msg-incomplete">{t('chat.incomplete')}</p>}
      {caveat && (
        <p className="chat-msg-caveat" data-caveat>
          {caveat}
        </p>
      )}
      {actions && <div className="chat-msg-actions">{actions}</div>}
    </li>
  );
}
