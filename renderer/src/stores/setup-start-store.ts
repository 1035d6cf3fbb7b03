// "Start safe chat" in this window: starts the core's run, follows its
// setup.progress events and keeps how it ended, for the Setup view.
import { create } from 'zustand';
import { errorSentence, getApi } from '../api';
import { applyProgress, failRun, startRun, type SafeChatRun } from './setup-start-run';

interface SetupStartState {
  run?: SafeChatRun;
  /** Starts a run (with no sandbox when asked); resolves once the core has answered. */
  start: (withoutSandbox?: boolean) => Promise<void>;
}

let unsubscribe: (() => void) | undefined;

export const useSetupStart = create<SetupStartState>()((set, get) => ({
  async start(withoutSandbox = false) {
    if (get().run?.status === 'running') return;
    set({ run: startRun() });
    const api = getApi();
    unsubscribe?.();
    // Subscribed before the call: the core may report a step before it answers.
    const stop = api.on('setup.progress', (event) => {
      const run = get().run;
      if (!run) return;
      const next = applyProgress(run, event);
      set({ run: next });
      if (next.status !== 'running') stop();
    });
    unsubscribe = stop;
    try {
      const { operationId } = await api.call('setup.startSafeChat', withoutSandbox ? { withoutSandbox } : {});
      const run = get().run;
      if (run && !run.operationId) set({ run: { ...run, operationId } });
    } catch (error) {
      stop();
      const run = get().run;
      if (run) set({ run: failRun(run, errorSentence(error)) });
    }
  },
}));
