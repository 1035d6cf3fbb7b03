// The conversation, oldest first. It scrolls on its own (and takes focus, so
// the keyboard can scroll it) and follows a growing answer while the reader
// is at the bottom. A hidden status line says when an answer starts and ends.
import { useLayoutEffect, useRef } from 'react';
import { t } from '../../i18n/t';
import type { ChatThread } from '../../stores/chat-thread';
import { MessageItem } from './MessageItem';

export function MessageList({ thread, model }: { thread: ChatThread; model: string }) {
  const scroller = useRef<HTMLElement>(null);
  const atBottom = useRef(true);
  const { messages } = thread;
  const last = messages.at(-1);

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
            <MessageItem key={message.id} message={message} />
          ))}
        </ol>
      )}
      <p className="sr-only" role="status">
        {announcement}
      </p>
    </section>
  );
}
