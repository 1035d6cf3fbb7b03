// Conversations, in memory until the storage issue lands; the interface is
// what a SQLite store will implement. Each conversation belongs to one
// profile and has its own canary (CH-04), so a leak is traced to it.
import type { Role } from '../../../shared/contract';
import type { ChatOutcome } from '../../../shared/chat-contract';
import type { ChatMessage } from './runtime-chat';

export interface Conversation {
  id: string;
  profile: Role;
  canary: string;
  /** The model that answered last; the next message uses it unless told otherwise. */
  model?: string;
  createdAt: number;
}

export type ChatTurn =
  | {
      id: string;
      role: 'user';
      at: number;
      /** What the runtime received (redacted), or the user's text when it was blocked and never sent. */
      text: string;
      sent: boolean;
    }
  | {
      id: string;
      role: 'assistant';
      at: number;
      /** What the user saw: only text that passed the output filter. */
      text: string;
      outcome: ChatOutcome;
      incomplete: boolean;
      model: string;
    };

export interface ConversationStore {
  create(id: string, profile: Role, canary: string): Conversation;
  get(id: string): Conversation | undefined;
  setModel(id: string, model: string): void;
  append(id: string, turn: ChatTurn): void;
  turns(id: string): readonly ChatTurn[];
  /** Retry and edit: removes the last user message and everything after it; false when there is none. */
  dropLastExchange(id: string): boolean;
  /** This profile's conversations, newest first. */
  list(profile: Role): readonly Conversation[];
}

export class MemoryConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, { conversation: Conversation; turns: ChatTurn[] }>();

  create(id: string, profile: Role, canary: string): Conversation {
    const conversation: Conversation = { id, profile, canary, createdAt: Date.now() };
    this.conversations.set(id, { conversation, turns: [] });
    return conversation;
  }

  get(id: string): Conversation | undefined {
    return this.conversations.get(id)?.conversation;
  }

  setModel(id: string, model: string): void {
    const entry = this.conversations.get(id);
    if (entry) entry.conversation.model = model;
  }

  append(id: string, turn: ChatTurn): void {
    this.conversations.get(id)?.turns.push(turn);
  }

  turns(id: string): readonly ChatTurn[] {
    return this.conversations.get(id)?.turns ?? [];
  }

  dropLastExchange(id: string): boolean {
    const turns = this.conversations.get(id)?.turns;
    const last = turns?.findLastIndex((turn) => turn.role === 'user') ?? -1;
    if (!turns || last < 0) return false;
    turns.splice(last);
    return true;
  }

  list(profile: Role): readonly Conversation[] {
    const lastAt = (id: string, createdAt: number) =>
      this.conversations.get(id)?.turns.at(-1)?.at ?? createdAt;
    // Reversed first so that, within one millisecond, the later conversation still comes first.
    return [...this.conversations.values()]
      .reverse()
      .map((entry) => entry.conversation)
      .filter((conversation) => conversation.profile === profile)
      .sort((a, b) => lastAt(b.id, b.createdAt) - lastAt(a.id, a.createdAt));
  }
}

/** Bounds what earlier turns add to a prompt (CH-05); the newest turns are kept. */
const historyChars = 24_000;

/**
 * The messages the model sees: earlier turns that were sent and answered. A
 * blocked message and a blocked answer leave out their whole exchange, so the
 * model is not nudged back to what the filter stopped.
 */
export function historyFor(turns: readonly ChatTurn[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const turn of turns) {
    if (turn.role === 'user') {
      if (turn.sent) out.push({ role: 'user', content: turn.text });
    } else if (turn.outcome === 'blocked') {
      if (out.at(-1)?.role === 'user') out.pop();
    } else if (turn.text !== '') out.push({ role: 'assistant', content: turn.text });
  }
  let total = 0;
  let from = out.length;
  // The newest message always goes, however long (the contract caps it); older ones while they fit.
  while (from > 0 && (from === out.length || total + out[from - 1]!.content.length <= historyChars))
    total += out[--from]!.content.length;
  // Start on a user turn, as chat templates expect.
  while (from < out.length && out[from]!.role !== 'user') from++;
  return out.slice(from);
}
