// The Chat view's state: the models the runtime serves, the demo model's
// install, and one conversation whose answer streams in from the core's
// events. The thread's changes are the pure functions of chat-thread.ts.
import { create } from 'zustand';
import type { ChatSendOutput } from '../../../shared/chat-contract';
import { errorSentence, getApi } from '../api';
import {
  applyState,
  applyToken,
  emptyThread,
  failSend,
  finishSend,
  isBusy,
  startSend,
  type ChatThread,
} from './chat-thread';
import { useToasts } from './toast-store';

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

  /** Follows chat.token and chat.state; returns the function that stops. */
  follow: () => () => void;
  loadModels: () => Promise<void>;
  installDemo: () => Promise<void>;
  /** Resolves when the answer has ended (or the call failed). */
  send: (text: string) => Promise<ChatSendOutput | undefined>;
  stop: () => Promise<void>;
  newChat: () => void;
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

  async send(text) {
    const { thread, models } = get();
    if (isBusy(thread) || text.trim() === '') return undefined;
    const model = models?.[0]?.name;
    const localId = `local-${++sendCount}`;
    set({ thread: startSend(thread, localId, text, model), stopRequested: false });
    const { conversationId } = get().thread;
    try {
      const output = await getApi().call('chat.send', {
        text,
        ...(conversationId ? { conversationId } : {}),
        ...(model ? { model } : {}),
      });
      set({ thread: finishSend(get().thread, localId, output) });
      return output;
    } catch (error) {
      set({ thread: failSend(get().thread, localId, errorSentence(error)) });
      return undefined;
    }
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
}));
