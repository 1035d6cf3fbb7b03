// The conversation, oldest first. It scrolls on its own (and takes focus, so
// the keyboard can scroll it) and follows a growing answer while the reader
// is at the bottom. A hidden status line says when an answer starts and ends.
import { useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { t } from '../../i18n/t';
import { lastUserMessage, type ChatThread } from '../../stores/chat-thread';
import { EditLastMessage } from './EditLastMessage';
import { MessageItem } from './MessageItem';

export interface MessageListProps {
  thread: ChatThread;
  model: string;
  onRetry: () => void;
  onEdit: (text: string) => void;
}

export function MessageList({ thread, model, onRetry, onEdit }: MessageListProps) {
  const scroller = useRef<HTMLElement>(null);
  const atBottom = useRef(true);
  const [editing, setEditing] = useState<string>();
  const { messages } = thread;
  const last = messages.at(-1);
  // Only the last exchange can change, and only while nothing is being written.
  const lastUser = lastUserMessage(thread);
  const lastAnswer = lastUser && last?.role === 'assistant' ? last : undefined;
  const canRetry = lastUser !== undefined && lastUser.text !== '';

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

  const onScroll = () => {
    const element = scroller.current;
    if (element) atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
  };

  const announcement =
    thread.activeId !== undefined
      ? t('chat.writing')
      : last?.role === 'assistant'
        ? (last.notice ?? t('chat.finished'))
        : (last?.notice ?? '');

  return (
    <section
      ref={scroller}
      className="chat-messages"
      aria-label={t('chat.messages')}
      tabIndex={0}
      onScroll={onScroll}
    >
      {messages.length === 0 ? (
        <p className="chat-start">{t('chat.start', { model })}</p>
      ) : (
        <ol className="chat-list">
          {messages.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              replacement={
                editing !== undefined && message === lastUser ? (
                  <EditLastMessage
                    text={editing}
                    onCancel={() => setEditing(undefined)}
                    onSend={(text) => {
                      setEditing(undefined);
                      onEdit(text);
                    }}
                  />
                ) : undefined
              }
              actions={
                message === lastUser && editing === undefined && canRetry ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t('chat.edit.label')}
                    onClick={() => setEditing(message.text)}
                  >
                    {t('chat.edit.action')}
                  </Button>
                ) : message === lastAnswer && canRetry && editing === undefined ? (
                  <Button size="sm" variant="ghost" aria-label={t('chat.retry.label')} onClick={onRetry}>
                    {t('chat.retry.action')}
                  </Button>
                ) : undefined
              }
            />
          ))}
        </ol>
      )}
      <p className="sr-only" role="status">
        {announcement}
      </p>
    </section>
  );
}
