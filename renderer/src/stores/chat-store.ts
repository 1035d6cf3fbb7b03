// The Chat view's state: the models the runtime serves, the demo model's
// install, and one conversation whose answer streams in from the core's
// events. The thread's changes are the pure functions of chat-thread.ts.
import { create } from 'zustand';
import type { ChatSendOutput } from '../../../shared/chat-contract';
import type { CallOutput } from '../../../shared/contract';
import { errorSentence, getApi } from '../api';
import {
  applyState,
  applyToken,
  dropLastExchange,
  emptyThread,
  failSend,
  finishSend,
  isBusy,
  lastUserMessage,
  startSend,
  threadFromHistory,
  type ChatThread,
} from './chat-thread';
import { useToasts } from './toast-store';

export type ConversationSummary = CallOutput<'chat.conversations'>['conversations'][number];

export interface ModelEntry {
  name: string;
  digest?: string;
}

interface ChatStoreState {
  /** Undefined until the first models.list answers. */
  models?: ModelEntry[];
  modelsError?: string;
  installingDemo: boolean;
  thread: ChatThread;
  /** Stop was pressed before the core had named the answer; it is sent once the answer has an id. */
  stopRequested: boolean;
  /** This profile's conversations, newest first; undefined until the first list answers. */
  conversations?: ConversationSummary[];

  /** Follows chat.token and chat.state; returns the function that stops. */
  follow: () => () => void;
  loadModels: () => Promise<void>;
  installDemo: () => Promise<void>;
  /** Resolves when the answer has ended (or the call failed). */
  send: (text: string) => Promise<ChatSendOutput | undefined>;
  /** Asks again: the last message is sent anew and replaces its old answer. */
  retry: () => Promise<ChatSendOutput | undefined>;
  /** Replaces the last message with `text` and gets a new answer. */
  editLast: (text: string) => Promise<ChatSendOutput | undefined>;
  stop: () => Promise<void>;
  newChat: () => void;
  loadConversations: () => Promise<void>;
  openConversation: (id: string) => Promise<void>;
}

let sendCount = 0;

export const useChat = create<ChatStoreState>()((set, get) => ({
  installingDemo: false,
  thread: emptyThread,
  stopRequested: false,

  follow() {
    const api = getApi();
    const stops = [
      api.on('chat.token', (event) => set({ thread: applyToken(get().thread, event) })),
      api.on('chat.state', (event) => {
        set({ thread: applyState(get().thread, event) });
        const { thread, stopRequested } = get();
        if (stopRequested && thread.activeMessageId && isBusy(thread)) {
          set({ stopRequested: false });
          void getApi()
            .call('chat.stop', { messageId: thread.activeMessageId })
            .catch((error: unknown) => useToasts.getState().showError(error));
        }
      }),
    ];
    void get().loadModels();
    void get().loadConversations();
    return () => stops.forEach((stop) => stop());
  },

  async loadModels() {
    try {
      const { models } = await getApi().call('models.list', {});
      set({ models: models.map(({ name, digest }) => ({ name, digest })), modelsError: undefined });
    } catch (error) {
      if (get().models) useToasts.getState().showError(error);
      else set({ modelsError: errorSentence(error) });
    }
  },

  async installDemo() {
    if (get().installingDemo) return;
    set({ installingDemo: true });
    try {
      await getApi().call('models.demo', {});
      await get().loadModels();
    } catch (error) {
      useToasts.getState().showError(error);
    } finally {
      set({ installingDemo: false });
    }
  },

  send(text) {
    return sendMessage(text, false);
  },

  retry() {
    const last = lastUserMessage(get().thread);
    // A blocked message was never stored, so there is nothing to send again.
    return last && last.text !== '' ? sendMessage(last.text, true) : Promise.resolve(undefined);
  },

  editLast(text) {
    return lastUserMessage(get().thread) ? sendMessage(text, true) : Promise.resolve(undefined);
  },

  async stop() {
    const { thread } = get();
    if (!isBusy(thread)) return;
    // Pressed before the core named the answer (its input filters still running): stop it as
    // soon as it has an id, rather than losing the press.
    if (!thread.activeMessageId) set({ stopRequested: true });
    try {
      await getApi().call('chat.stop', thread.activeMessageId ? { messageId: thread.activeMessageId } : {});
    } catch (error) {
      useToasts.getState().showError(error);
    }
  },

  newChat() {
    if (!isBusy(get().thread)) set({ thread: emptyThread });
  },

  async loadConversations() {
    try {
      const { conversations } = await getApi().call('chat.conversations', {});
      set({ conversations });
    } catch (error) {
      useToasts.getState().showError(error);
    }
  },

  async openConversation(id) {
    if (isBusy(get().thread) || get().thread.conversationId === id) return;
    try {
      set({ thread: threadFromHistory(await getApi().call('chat.history', { conversationId: id })) });
    } catch (error) {
      useToasts.getState().showError(error);
      void get().loadConversations();
    }
  },
}));

/** One send: a new message, or (replaceLast) the last one again or edited, replacing its answer. */
async function sendMessage(text: string, replaceLast: boolean): Promise<ChatSendOutput | undefined> {
  const { thread, models } = useChat.getState();
  if (isBusy(thread) || text.trim() === '') return undefined;
  const model = models?.[0]?.name;
  const localId = `local-${++sendCount}`;
  const base = replaceLast ? dropLastExchange(thread) : thread;
  useChat.setState({ thread: startSend(base, localId, text, model), stopRequested: false });
  const { conversationId } = useChat.getState().thread;
  try {
    const output = await getApi().call('chat.send', {
      text,
      ...(conversationId ? { conversationId } : {}),
      ...(model ? { model } : {}),
      ...(replaceLast ? { replaceLast: true } : {}),
    });
    useChat.setState({ thread: finishSend(useChat.getState().thread, localId, output) });
    return output;
  } catch (error) {
    useChat.setState({ thread: failSend(useChat.getState().thread, localId, errorSentence(error)) });
    return undefined;
  } finally {
    void useChat.getState().loadConversations();
  }
}
