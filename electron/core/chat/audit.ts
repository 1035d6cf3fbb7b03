// Where chat blocks and redactions are recorded (issue 5 item 6). The storage
// issue persists them in the hash-chained audit log; until then they go to a
// sink with the same interface. An event carries the filter and categories,
// never the user's or the model's text: for kid profiles that is the rule, and
// for everyone a redaction's hidden value must never reach a log (pii/redact.ts).
import type { Role } from '../../../shared/contract';
import type { GuardFilter } from '../../../shared/guard/verdict';

export interface ChatAuditEvent {
  at: number;
  profile: Role;
  conversationId: string;
  messageId: string;
  /** The user's message (input) or the model's answer (output). */
  direction: 'input' | 'output';
  /** block: not sent; redact: sent with personal data hidden; stop: the answer was cut off. */
  action: 'block' | 'redact' | 'stop';
  filter: GuardFilter;
  categories: string[];
  /** Self-harm signals on a kid or teen profile: the parent is shown this event. */
  notifyParent: boolean;
}

export interface AuditSink {
  record(event: ChatAuditEvent): void;
}

/** Keeps the last events in memory; enough until SQLite's audit table lands. */
export class MemoryAuditSink implements AuditSink {
  readonly events: ChatAuditEvent[] = [];

  constructor(private readonly limit = 1000) {}

  record(event: ChatAuditEvent): void {
    this.events.push(event);
    if (this.events.length > this.limit) this.events.shift();
  }
}
