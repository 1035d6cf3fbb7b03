// `airlock models.import` in a terminal: the call answers an operation id at
// once, so the CLI follows that import's models.progress events, printing a
// line for each, until its last one (done or failed), then the result. Events
// may arrive before the id does, so they are kept until it is known; a status
// poll now and then covers a connection that dropped the last event.
import { modelsProgressEvent, type ModelsProgress } from '../../shared/models-contract';
import type { Envelope } from '../../shared/contract';

export const importEvents = ['models.progress'] as const;

const pollMs = 2_000;

export interface ImportFollower {
  onEvent(event: string, payload: unknown): void;
  /** Resolves with the import's last state; `status` asks the core for it (models.importStatus). */
  follow(operationId: string, status: () => Promise<Envelope<unknown>>): Promise<ModelsProgress>;
}

export function importFollower(print: ((line: string) => void) | undefined): ImportFollower {
  const early: ModelsProgress[] = [];
  let current: { id: string; settle: (state: ModelsProgress) => void } | undefined;
  let lastLine = '';

  const take = (state: ModelsProgress) => {
    if (!current || state.operationId !== current.id) return;
    const line = formatProgress(state);
    if (print && line !== lastLine && state.phase !== 'done' && state.phase !== 'failed') print(line);
    lastLine = line;
    if (state.phase === 'done' || state.phase === 'failed') current.settle(state);
  };

  return {
    onEvent(event, payload) {
      if (event !== 'models.progress') return;
      const parsed = modelsProgressEvent.safeParse(payload);
      if (!parsed.success) return;
      if (current) take(parsed.data);
      else early.push(parsed.data);
    },
    follow(operationId, status) {
      return new Promise((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        current = {
          id: operationId,
          settle: (state) => {
            clearTimeout(timer);
            current = undefined;
            resolve(state);
          },
        };
        for (const state of early.splice(0)) take(state);
        const poll = async () => {
          const envelope = await status();
          if (!current) return;
          if (!envelope.ok) {
            const { code, message } = envelope.error;
            const state: ModelsProgress = {
              operationId,
              phase: 'failed',
              bytes: 0,
              message,
              error: { code, reason: code.toUpperCase(), message },
            };
            return current.settle(state);
          }
          const parsed = modelsProgressEvent.safeParse(envelope.value);
          if (parsed.success) take(parsed.data);
          if (current) timer = setTimeout(() => void poll(), pollMs);
        };
        if (current) timer = setTimeout(() => void poll(), pollMs);
      });
    },
  };
}

export function formatProgress(state: ModelsProgress): string {
  const verb = { hashing: 'copying and hashing', downloading: 'downloading', scanning: 'scanning' } as const;
  if (state.phase === 'done' || state.phase === 'failed') return state.phase;
  if (state.phase === 'scanning') return `${verb.scanning} ${mib(state.bytes)}`;
  const total = state.totalBytes;
  const share = total ? ` of ${mib(total)} (${Math.floor((state.bytes / total) * 100)}%)` : '';
  return `${verb[state.phase]} ${mib(state.bytes)}${share}`;
}

/** The closing lines: what was imported, or the core's sentence for why not. */
export function formatResult(state: ModelsProgress): string {
  if (state.phase !== 'done' || !state.entry)
    return `-- not imported: ${state.message ?? 'the import failed.'}${state.error ? ` (${state.error.reason})` : ''}`;
  const e = state.entry;
  const facts = [e.format, e.architecture, e.quantization, mib(e.size)].filter(Boolean).join(', ');
  return [
    `-- imported ${e.name} (${facts})`,
    `   sha256 ${e.sha256}`,
    `   scan: ${e.scan.verdict}; chat template: ${e.templateVerdict}`,
  ].join('\n');
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
