// The imports in flight and recently ended: each one's latest progress, sent
// as models.progress events at most a few times a second (phase changes and
// the final result always go out), and kept after it ends so a window or the
// CLI that missed the last event can still read the result.
import { randomUUID } from 'node:crypto';
import type { ModelsProgress } from '../../../shared/models-contract';
import { AirlockError, internalError } from '../errors';
import type { EventHub } from '../event-hub';

export interface Operation {
  id: string;
  controller: AbortController;
  state: ModelsProgress;
  lastEmit: number;
}

/** Least time between two byte-count events for one import. */
const emitIntervalMs = 250;
/** How many ended imports are remembered for models.importStatus. */
const keptEnded = 50;

export class ImportOperations {
  private readonly operations = new Map<string, Operation>();

  constructor(
    private readonly events: EventHub,
    private readonly now: () => number = Date.now,
  ) {}

  start(phase: 'hashing' | 'downloading'): Operation {
    const id = randomUUID();
    const operation: Operation = {
      id,
      controller: new AbortController(),
      state: { operationId: id, phase, bytes: 0 },
      lastEmit: 0,
    };
    this.operations.set(id, operation);
    this.emit(operation);
    return operation;
  }

  get(id: string): Operation | undefined {
    return this.operations.get(id);
  }

  running(): Operation[] {
    return [...this.operations.values()].filter((op) => !ended(op.state));
  }

  /** Byte counts are rate-limited; a new phase is sent at once. */
  update(operation: Operation, patch: Partial<Omit<ModelsProgress, 'operationId'>>): void {
    if (ended(operation.state)) return;
    const phaseChanged = patch.phase !== undefined && patch.phase !== operation.state.phase;
    operation.state = { ...operation.state, ...patch };
    if (phaseChanged || this.now() - operation.lastEmit >= emitIntervalMs) this.emit(operation);
  }

  finish(operation: Operation, final: Pick<ModelsProgress, 'entry' | 'bytes'>): void {
    this.end(operation, { ...operation.state, ...final, phase: 'done', totalBytes: final.bytes });
  }

  fail(operation: Operation, error: unknown): void {
    const contract = error instanceof AirlockError ? error.toContract() : internalError;
    const reason = typeof contract.details?.reason === 'string' ? contract.details.reason : contract.code;
    this.end(operation, {
      ...operation.state,
      phase: 'failed',
      message: contract.message,
      // SECURITY.md's names for refusals (UNSUPPORTED_FORMAT, DIGEST_MISMATCH, INVALID_GGUF…).
      error: { code: contract.code, reason: reason.toUpperCase(), message: contract.message },
    });
  }

  private end(operation: Operation, state: ModelsProgress): void {
    operation.state = state;
    this.emit(operation);
    const endedIds = [...this.operations.values()].filter((op) => ended(op.state)).map((op) => op.id);
    for (const id of endedIds.slice(0, Math.max(0, endedIds.length - keptEnded))) this.operations.delete(id);
  }

  private emit(operation: Operation): void {
    operation.lastEmit = this.now();
    this.events.emit('models.progress', operation.state);
  }
}

export const ended = (state: ModelsProgress): boolean => state.phase === 'done' || state.phase === 'failed';
