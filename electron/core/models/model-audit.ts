// Where integrity alerts about models are recorded (SECURITY.md MI-06). The
// storage issue brings the hash-chained audit log; until it lands these go to
// a sink with the same shape, kept in memory, like chat's (chat/audit.ts).
// An event names the model and both digests, never a host path.

export interface ModelAuditEvent {
  at: number;
  action: 'integrity_changed' | 'integrity_missing';
  /** The served name ("tiny:latest") and inventory id. */
  model: { id: string; name: string };
  where: 'host' | 'sandbox';
  expected: string;
  /** The digest found on disk; absent when the file had gone. */
  found?: string;
}

export interface ModelAuditSink {
  record(event: ModelAuditEvent): void;
}

/** Keeps the last events in memory; enough until SQLite's audit table lands. */
export class MemoryModelAuditSink implements ModelAuditSink {
  readonly events: ModelAuditEvent[] = [];

  constructor(private readonly limit = 1000) {}

  record(event: ModelAuditEvent): void {
    this.events.push(event);
    if (this.events.length > this.limit) this.events.shift();
  }
}
