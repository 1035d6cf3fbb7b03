// The model sandbox as this window knows it: the core's status (kept live by
// its pushes), the last verification report, a running level switch followed
// step by step, and how the last switch ended. Failures become sentences:
// in place when there is nothing else to show, as toasts otherwise.
import { create } from 'zustand';
import type {
  SandboxSettingsInput,
  SandboxStatus,
  SwitchOutcome,
  VerifyReport,
} from '../../../shared/sandbox-contract';
import { errorSentence, getApi } from '../api';
import { t } from '../i18n/t';
import { applyProgress, belongsTo, finishRun, startRun, type SwitchRun } from './sandbox-switch';
import { useToasts } from './toast-store';

export const defaultLogTail = 200;

interface SandboxState {
  status?: SandboxStatus;
  /** Why the first status read failed; later failures only toast. */
  statusError?: string;
  report?: VerifyReport;
  verifying: boolean;
  run?: SwitchRun;
  outcome?: SwitchOutcome;
  /** The level in force when the last switch began: what still runs after a rollback. */
  previousLevel?: number;
  logs?: string[];
  logsLoading: boolean;
  logsError?: string;
  /** Stop or Start while it runs. */
  pending?: 'stop' | 'start';
  /** The runtime image the owner picked for the next switch (after a download or a load). */
  nextImage?: string;

  /** Reads the status and follows the core's pushes; returns the function that stops. */
  follow: () => () => void;
  loadStatus: () => Promise<void>;
  /**
   * Resolves with the outcome, or undefined when the call itself failed (a toast says why).
   * Sends nextImage unless the input names an image; a switch that goes through uses it up.
   */
  setLevel: (input: SandboxSettingsInput) => Promise<SwitchOutcome | undefined>;
  verify: () => Promise<void>;
  loadLogs: (tail?: number) => Promise<void>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  dismissOutcome: () => void;
  /** Picks the image for the next switch; undefined goes back to the saved one. */
  chooseImage: (image?: string) => void;
}

const initial = { verifying: false, logsLoading: false } as const;

export const useSandbox = create<SandboxState>()((set, get) => {
  const toastError = (error: unknown) => useToasts.getState().showError(error);
  /** Operations already settled: a late event must not start a ghost run. */
  const finishedOps = new Set<string>();

  const power = async (which: 'stop' | 'start') => {
    if (get().pending || get().run?.finished === false) return;
    set({ pending: which });
    try {
      set({ status: await getApi().call(`sandbox.${which}`, {}), statusError: undefined });
      useToasts.getState().show('info', t(which === 'stop' ? 'security.stopped' : 'security.started'));
    } catch (error) {
      toastError(error);
    } finally {
      set({ pending: undefined });
    }
  };

  return {
    ...initial,

    follow() {
      const api = getApi();
      const stops = [
        api.on('sandbox.status', (status) => set({ status, statusError: undefined })),
        api.on('sandbox.progress', (event) => {
          if (event.kind !== 'switch' || finishedOps.has(event.operationId)) return;
          const { run } = get();
          if (run && belongsTo(run, event)) set({ run: applyProgress(run, event) });
          // A switch another window (or the CLI) started: follow it too.
          else if (!run || run.finished) {
            set({ run: applyProgress(startRun(), event), outcome: undefined });
          }
        }),
      ];
      void get().loadStatus();
      return () => stops.forEach((stop) => stop());
    },

    async loadStatus() {
      try {
        set({ status: await getApi().call('sandbox.status', {}), statusError: undefined });
      } catch (error) {
        if (get().status) toastError(error);
        else set({ statusError: errorSentence(error) });
      }
    },

    async setLevel(input) {
      if (get().run?.finished === false) return undefined;
      const status = get().status;
      set({
        run: startRun(input.level),
        outcome: undefined,
        previousLevel: status?.container?.level ?? status?.settings.level,
      });
      const image = input.image ?? get().nextImage;
      try {
        const outcome = await getApi().call('sandbox.setLevel', image ? { ...input, image } : input);
        finishedOps.add(outcome.operationId);
        const run = get().run;
        set({
          run: run ? finishRun({ ...run, level: input.level }, outcome) : undefined,
          outcome,
          // Once in force it is the saved image; after a rollback the owner may want to try again.
          ...(outcome.outcome === 'switched' ? { nextImage: undefined } : {}),
          // Only a switch that went through changes what is running; a rollback's report is of the failed new one.
          ...(outcome.outcome === 'switched' && outcome.report ? { report: outcome.report } : {}),
        });
        return outcome;
      } catch (error) {
        // The switch never started, or the answer was lost: drop the run, and let the status tell.
        const operationId = get().run?.operationId;
        if (operationId) finishedOps.add(operationId);
        set({ run: undefined });
        toastError(error);
        return undefined;
      } finally {
        await get().loadStatus();
      }
    },

    async verify() {
      if (get().verifying) return;
      set({ verifying: true });
      try {
        set({ report: await getApi().call('sandbox.verify', {}) });
      } catch (error) {
        toastError(error);
      } finally {
        set({ verifying: false });
      }
    },

    async loadLogs(tail = defaultLogTail) {
      set({ logsLoading: true });
      try {
        const { lines } = await getApi().call('sandbox.logs', { tail });
        set({ logs: lines, logsError: undefined });
      } catch (error) {
        set({ logsError: errorSentence(error) });
      } finally {
        set({ logsLoading: false });
      }
    },

    stop: () => power('stop'),
    start: () => power('start'),

    dismissOutcome() {
      const { run } = get();
      set({ outcome: undefined, run: run?.finished ? undefined : run });
    },

    chooseImage(image) {
      set({ nextImage: image });
    },
  };
});
