// Who this Airlock is (app.info), what the machine has (app.health, kept live
// by the core's pushes) and how the window is connected to the core.
import { create } from 'zustand';
import type { CallOutput, Health } from '../../../shared/contract';
import { errorSentence, getApi, type ConnectionState } from '../api';
import { useToasts } from './toast-store';

type AppInfo = CallOutput<'app.info'>;

interface AppState {
  info?: AppInfo;
  health?: Health;
  /** Why the first health check failed, as a sentence; later failures only toast. */
  healthError?: string;
  /** True while "Check again" runs. */
  checking: boolean;
  connection: ConnectionState;
  /** Loads info and health, follows pushes and the connection; returns the function that stops. */
  start: () => () => void;
  loadHealth: () => Promise<void>;
  checkAgain: () => Promise<void>;
}

export const useApp = create<AppState>()((set, get) => ({
  checking: false,
  connection: 'connecting',

  start() {
    const api = getApi();
    const loadInfo = async () => {
      try {
        set({ info: await api.call('app.info', {}) });
      } catch (error) {
        useToasts.getState().showError(error);
      }
    };
    const refresh = () => Promise.all([loadInfo(), get().loadHealth()]);
    set({ connection: api.connection.get() });
    const stops = [
      api.on('app.health', (health) => set({ health, healthError: undefined })),
      api.connection.subscribe((connection) => {
        const wasDown = get().connection !== 'open';
        set({ connection });
        // Back after a drop (or after the first tries gave up): what we show may be stale.
        const triedBefore = get().info !== undefined || get().healthError !== undefined;
        if (connection === 'open' && wasDown && triedBefore) void refresh();
      }),
    ];
    void refresh();
    return () => stops.forEach((stop) => stop());
  },

  async loadHealth() {
    try {
      set({ health: await getApi().call('app.health', {}), healthError: undefined });
    } catch (error) {
      if (get().health) useToasts.getState().showError(error);
      else set({ healthError: errorSentence(error) });
    }
  },

  async checkAgain() {
    if (get().checking) return;
    set({ checking: true });
    try {
      set({ health: await getApi().call('app.health', { refresh: true }), healthError: undefined });
    } catch (error) {
      if (get().health) useToasts.getState().showError(error);
      else set({ healthError: errorSentence(error) });
    } finally {
      set({ checking: false });
    }
  },
}));
