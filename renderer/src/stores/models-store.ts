// The model inventory as this window shows it, one import at a time followed
// through models.progress, and delete. Failures stay in place as the core's
// sentence (beside the form or in the dialog), not as toasts that fade.
import { create } from 'zustand';
import type { ModelEntry } from '../../../shared/models-contract';
import { errorSentence, getApi } from '../api';
import { applyProgress, failRun, named, sourceLabel, startRun, type ImportRun } from './models-store-import';

export interface ImportRequest {
  path?: string;
  url?: string;
  sha256: string;
  name?: string;
}

interface ModelsState {
  models?: ModelEntry[];
  canManage: boolean;
  loadError?: string;
  run?: ImportRun;
  /** "Check files now" (models.verify): running, then how many came back flagged, or why it failed. */
  check?: { state: 'running' } | { state: 'done'; flagged: number } | { state: 'failed'; message: string };
  load: () => Promise<void>;
  checkFiles: () => Promise<void>;
  /** Resolves once the import has ended, well or not; the store holds the result. */
  startImport: (request: ImportRequest) => Promise<void>;
  cancelImport: () => Promise<void>;
  /** Resolves with the core's sentence when it refused, else undefined. */
  deleteModel: (id: string) => Promise<string | undefined>;
}

const statusPollMs = 3_000;

export const useModels = create<ModelsState>()((set, get) => ({
  canManage: false,

  async load() {
    try {
      const { models, canManage } = await getApi().call('models.inventory', {});
      set({ models, canManage, loadError: undefined });
    } catch (error) {
      set({ loadError: errorSentence(error) });
    }
  },

  async checkFiles() {
    if (get().check?.state === 'running') return;
    set({ check: { state: 'running' } });
    try {
      const { results } = await getApi().call('models.verify', {});
      // A model is flagged if either of its copies (host, sandbox) is; count models, not copies.
      const flagged = new Set(results.filter((r) => r.status !== 'ok').map((r) => r.id)).size;
      set({ check: { state: 'done', flagged } });
    } catch (error) {
      set({ check: { state: 'failed', message: errorSentence(error) } });
    }
    await get().load();
  },

  async startImport(request) {
    if (get().run?.state === 'running') return;
    set({ run: startRun(sourceLabel(request), request.url !== undefined) });
    const api = getApi();
    let settle = () => undefined as void;
    let poll: ReturnType<typeof setInterval> | undefined;
    const ended = new Promise<void>((resolve) => (settle = resolve));
    const update = (next: ImportRun | undefined) => {
      if (!next) return;
      set({ run: next });
      if (next.state !== 'running') settle();
    };
    // Listening before the call: the core may report before it answers.
    const stop = api.on('models.progress', (event) => {
      const run = get().run;
      if (run) update(applyProgress(run, event));
    });
    try {
      const { operationId } = await api.call('models.import', request);
      const run = get().run;
      if (run) update(named(run, operationId));
      // Should the connection drop the last event, the core still has the result.
      poll = setInterval(() => {
        api.call('models.importStatus', { operationId }).then(
          (state) => {
            const current = get().run;
            if (current) update(applyProgress(current, state));
          },
          () => undefined,
        );
      }, statusPollMs);
      await ended;
    } catch (error) {
      const run = get().run;
      const reason = reasonOf(error);
      if (run) update(failRun(run, errorSentence(error), typeof reason === 'string' ? reason : undefined));
    } finally {
      stop();
      clearInterval(poll);
    }
    if (get().run?.state === 'done') await get().load();
  },

  async cancelImport() {
    const operationId = get().run?.operationId;
    if (!operationId || get().run?.state !== 'running') return;
    try {
      await getApi().call('models.cancelImport', { operationId });
    } catch {
      // The import ended meanwhile; its last event says how.
    }
  },

  async deleteModel(id) {
    try {
      await getApi().call('models.delete', { id });
    } catch (error) {
      return errorSentence(error);
    }
    set(({ models }) => ({ models: models?.filter((m) => m.id !== id) }));
    await get().load();
    return undefined;
  },
}));

/** SECURITY.md's name for a refusal the core sent with its error (ApiError details), if any. */
function reasonOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('details' in error)) return undefined;
  const details = (error as { details?: Record<string, unknown> }).details;
  return details?.reason;
}
