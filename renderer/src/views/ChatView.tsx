// Chat: the family's chat with a local model, filtered both ways. The answer
// streams in as it is written, Stop (or Esc) ends it, and what the filters
// did is said in words beside the message. With no model yet, the demo model
// is one button away.
import { useEffect } from 'react';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { IconAlert, IconChat } from '../components/icons';
import { PageHeader } from '../components/PageHeader';
import { ProgressBar } from '../components/ProgressBar';
import { t } from '../i18n/t';
import { useChat } from '../stores/chat-store';
import { isBusy } from '../stores/chat-thread';
import { Composer } from './chat/Composer';
import { ConversationList } from './chat/ConversationList';
import { LinkDialog } from './chat/LinkDialog';
import { MessageList } from './chat/MessageList';
import './chat/chat.css';

export default function ChatView() {
  const {
    models,
    modelsError,
    installingDemo,
    thread,
    follow,
    loadModels,
    installDemo,
    send,
    retry,
    editLast,
    stop,
    newChat,
    conversations,
    openConversation,
  } = useChat();
  useEffect(() => follow(), [follow]);

  const busy = isBusy(thread);
  // Esc stops the answer being written, wherever focus is in the window.
  useEffect(() => {
    if (!busy) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) void stop();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy, stop]);

  const model = models?.[0];
  const header = (
    <PageHeader
      title={t('view.chat')}
      lead={t('view.chat.lead')}
      actions={
        model && (
          <>
            <p className="chat-model" data-model={model.name}>
              <span className="chat-model-label">{t('chat.model')}</span>
              <span className="chat-model-name">{model.name}</span>
              {model.digest && <span className="chat-model-digest">{model.digest.slice(0, 12)}</span>}
            </p>
            <Button size="sm" onClick={newChat} disabled={busy || thread.messages.length === 0}>
              {t('chat.newChat')}
            </Button>
          </>
        )
      }
    />
  );

  if (!models) {
    return (
      <div className="view chat">
        {header}
        {modelsError ? (
          <EmptyState
            icon={<IconAlert size={32} />}
            title={t('chat.loadFailed')}
            body={modelsError}
            action={<Button onClick={() => void loadModels()}>{t('chat.retry')}</Button>}
          />
        ) : (
          <ProgressBar label={t('view.loading')} />
        )}
      </div>
    );
  }

  if (!model) {
    return (
      <div className="view chat">
        {header}
        <EmptyState
          icon={<IconChat size={32} />}
          title={t('chat.noModel.title')}
          body={t('chat.noModel.body')}
          action={
            <Button variant="primary" loading={installingDemo} onClick={() => void installDemo()}>
              {t('chat.noModel.action')}
            </Button>
          }
        />
      </div>
    );
  }

  return (
    <div className="view chat">
      {header}
      <div className="chat-layout">
        <ConversationList
          conversations={conversations}
          currentId={thread.conversationId}
          disabled={busy}
          onOpen={(id) => void openConversation(id)}
        />
        <div className="chat-main">
          <MessageList
            thread={thread}
            model={model.name}
            onRetry={() => void retry()}
            onEdit={(text) => void editLast(text)}
          />
          <Composer busy={busy} onSend={(text) => void send(text)} onStop={() => void stop()} />
        </div>
      </div>
      <LinkDialog />
    </div>
  );
}
