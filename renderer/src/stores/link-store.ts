// A link from a model's answer waits here for the user's yes. Only the core
// decides whether it may open (app.openLink: https, a real host, no tricks);
// in Electron the core opens it in the system browser, under serve this page
// is already in a browser and opens a new tab with no opener.
import { create } from 'zustand';
import { errorSentence, getApi } from '../api';

interface LinkState {
  /** The full address the dialog shows, exactly as the answer wrote it. */
  pending?: string;
  opening: boolean;
  error?: string;
  ask: (url: string) => void;
  cancel: () => void;
  confirm: () => Promise<void>;
}

export const useLinks = create<LinkState>()((set, get) => ({
  opening: false,

  ask(url) {
    set({ pending: url, error: undefined, opening: false });
  },

  cancel() {
    set({ pending: undefined, error: undefined, opening: false });
  },

  async confirm() {
    const { pending, opening } = get();
    if (pending === undefined || opening) return;
    set({ opening: true, error: undefined });
    try {
      const opened = await getApi().call('app.openLink', { url: pending });
      // noopener: the new tab gets no handle back on Airlock's page.
      if (opened.via === 'window') window.open(opened.url, '_blank', 'noopener,noreferrer');
      set({ pending: undefined, opening: false });
    } catch (error) {
      set({ opening: false, error: errorSentence(error) });
    }
  },
}));
