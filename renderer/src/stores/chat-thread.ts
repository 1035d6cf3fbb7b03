// One conversation as this window shows it: the messages, and the answer being
// written, fed by chat.token and chat.state events and settled by what
// chat.send resolves with. Pure functions, so tests need no api.
import type { ChatSendOutput } from '../../../shared/chat-contract';
import type { CallOutput } from '../../../shared/contract';

type ChatHistoryOutput = CallOutput<'chat.history'>;

export type MessageStatus = 'thinking' | 'streaming' | 'done' | 'blocked' | 'stopped' | 'failed';

export interface ChatMessage {
  /** Ours until the core names the answer (first event or the outcome). */
  id: string;
  role: 'user' | 'assistant';
  text: string;
  status: MessageStatus;
  /** What the model received instead, when personal data was hidden (user messages). */
  redactedText?: string;
  /** The core's sentence: why it was blocked, stopped or failed. */
  notice?: string;
  /** The answer ended early; what is shown is partial. */
  incomplete?: boolean;
  model?: string;
}

export interface ChatThread {
  conversationId?: string;
  messages: ChatMessage[];
  /** The local id of the answer being written; undefined when none is. */
  activeId?: string;
  /** The core's id for that answer, once an event or the outcome named it. */
  activeMessageId?: string;
}

/** Just the fields of chat.token / chat.state the thread reads. */
export interface StreamEvent {
  messageId: string;
  conversationId?: string;
}

export const emptyThread: ChatThread = { messages: [] };

export const isBusy = (thread: ChatThread): boolean => thread.activeId !== undefined;

/** The user's message and an answer waiting for its first word. */
export function startSend(thread: ChatThread, localId: string, text: string, model?: string): ChatThread {
  return {
    ...thread,
    messages: [
      ...thread.messages,
      { id: `${localId}-user`, role: 'user', text, status: 'done' },
      { id: localId, role: 'assistant', text: '', status: 'thinking', model },
    ],
    activeId: localId,
    activeMessageId: undefined,
  };
}

/**
 * Whether an event is about the answer being written: the first one seen for
 * this conversation names it, later ones must match it (another window's
 * answers do not land here).
 */
export function belongsTo(thread: ChatThread, event: StreamEvent): boolean {
  if (!thread.activeId) return false;
  if (thread.activeMessageId !== undefined) return thread.activeMessageId === event.messageId;
  return (
    thread.conversationId === undefined ||
    event.conversationId === undefined ||
    event.conversationId === thread.conversationId
  );
}

function updateActive(
  thread: ChatThread,
  event: StreamEvent,
  change: (message: ChatMessage) => ChatMessage,
): ChatThread {
  if (!belongsTo(thread, event)) return thread;
  return {
    ...thread,
    conversationId: thread.conversationId ?? event.conversationId,
    activeMessageId: event.messageId,
    messages: thread.messages.map((message) => (message.id === thread.activeId ? change(message) : message)),
  };
}

/** chat.token: more of the answer, already through the output filter. */
export function applyToken(thread: ChatThread, event: StreamEvent & { text: string }): ChatThread {
  return updateActive(thread, event, (message) => ({
    ...message,
    text: message.text + event.text,
    status: 'streaming',
  }));
}

/** chat.state: thinking or streaming while it runs; the outcome settles the rest. */
export function applyState(
  thread: ChatThread,
  event: StreamEvent & { state: MessageStatus; message?: string },
): ChatThread {
  if (event.state !== 'thinking' && event.state !== 'streaming') return thread;
  const state = event.state;
  return updateActive(thread, event, (message) => ({ ...message, status: state }));
}

const statusOf: Record<ChatSendOutput['outcome'], MessageStatus> = {
  answered: 'done',
  blocked: 'blocked',
  stopped: 'stopped',
  failed: 'failed',
};

/** chat.send resolved: its text is the answer as the user saw it, and its verdict marks the user's message. */
export function finishSend(thread: ChatThread, localId: string, output: ChatSendOutput): ChatThread {
  const inputBlocked = output.input.action === 'block';
  const messages: ChatMessage[] = [];
  for (const message of thread.messages) {
    if (message.id === `${localId}-user`) {
      messages.push({
        ...message,
        redactedText: output.input.action === 'redact' ? output.input.redactedText : undefined,
        ...(inputBlocked ? { status: 'blocked', notice: output.message } : {}),
      });
    } else if (message.id === localId) {
      // A message the filters stopped never reached the model: there is no answer to show.
      if (inputBlocked && output.text === '') continue;
      messages.push({
        ...message,
        id: output.messageId,
        text: output.text,
        status: statusOf[output.outcome],
        notice: output.outcome === 'answered' ? undefined : output.message,
        incomplete: output.incomplete || undefined,
        model: output.model,
      });
    } else messages.push(message);
  }
  return {
    ...thread,
    conversationId: output.conversationId,
    messages,
    ...(thread.activeId === localId ? { activeId: undefined, activeMessageId: undefined } : {}),
  };
}

/** chat.send itself failed (the core was unreachable, the input refused): keep what came, say why. */
export function failSend(thread: ChatThread, localId: string, sentence: string): ChatThread {
  return {
    ...thread,
    messages: thread.messages.map((message) =>
      message.id === localId
        ? { ...message, status: 'failed', notice: sentence, incomplete: message.text !== '' || undefined }
        : message,
    ),
    ...(thread.activeId === localId ? { activeId: undefined, activeMessageId: undefined } : {}),
  };
}

/** Retry and edit: the last message the user sent and everything after it leave the thread. */
export function dropLastExchange(thread: ChatThread): ChatThread {
  const last = thread.messages.findLastIndex((message) => message.role === 'user');
  return last < 0 ? thread : { ...thread, messages: thread.messages.slice(0, last) };
}

/** The last user message, when it may be edited or its answer retried (nothing is being written). */
export function lastUserMessage(thread: ChatThread): ChatMessage | undefined {
  if (isBusy(thread) || !thread.conversationId) return undefined;
  return thread.messages.findLast((message) => message.role === 'user');
}

/** A conversation read back from the core (chat.history), as this window shows one. */
export function threadFromHistory(output: ChatHistoryOutput): ChatThread {
  const messages = output.turns.map((turn): ChatMessage => {
    if (turn.role === 'user')
      return { id: turn.id, role: 'user', text: turn.text, status: turn.sent === false ? 'blocked' : 'done' };
    return {
      id: turn.id,
      role: 'assistant',
      text: turn.text,
      status: statusOf[turn.outcome ?? 'answered'],
      incomplete: turn.incomplete || undefined,
      model: turn.model,
    };
  });
  return { conversationId: output.conversationId, messages };
}
