// The profile's chats, newest first: a title from the first message (as the
// model received it, personal data already hidden) and when it last changed.
// A plain list of buttons, so the keyboard and screen readers need nothing new.
import { t } from '../../i18n/t';
import type { ConversationSummary } from '../../stores/chat-store';
import './chat-conversations.css';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export interface ConversationListProps {
  conversations: ConversationSummary[] | undefined;
  currentId: string | undefined;
  disabled: boolean;
  onOpen: (id: string) => void;
}

export function ConversationList({ conversations, currentId, disabled, onOpen }: ConversationListProps) {
  return (
    <nav className="chat-conversations" aria-label={t('chat.conversations')}>
      <h2 className="chat-conversations-title">{t('chat.conversations')}</h2>
      {conversations && conversations.length === 0 && (
        <p className="chat-conversations-empty">{t('chat.conversations.empty')}</p>
      )}
      <ul>
        {conversations?.map((conversation) => (
          <li key={conversation.id}>
            <button
              type="button"
              className="chat-conversation"
              aria-current={conversation.id === currentId ? 'true' : undefined}
              disabled={disabled && conversation.id !== currentId}
              onClick={() => onOpen(conversation.id)}
            >
              <span className="chat-conversation-name">
                {conversation.title || t('chat.conversations.untitled')}
              </span>
              <span className="chat-conversation-meta">
                <time dateTime={new Date(conversation.updatedAt).toISOString()}>
                  {timeFormat.format(conversation.updatedAt)}
                </time>
                {' · '}
                {t('chat.conversations.messages', { count: conversation.messages })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
