// The service behind chat.send, chat.stop and models.*: profile policy, the
// input filters, the runtime (sandbox or built-in engine), the streamed and
// filtered answer, the conversation and the audit trail. One answer at a time
// per profile (CH-05); chat.stop cuts the HTTP request, so it takes effect at once.
import { randomBytes as nodeRandomBytes, randomUUID } from 'node:crypto';
import type { ChatSendOutput, ChatState } from '../../../shared/chat-contract';
import type { CallInput, CallOutput, Role } from '../../../shared/contract';
import { hardenedSystemPrompt, makeCanary } from '../../../shared/guard/injection';
import { AirlockError } from '../errors';
import type { EventHub } from '../event-hub';
import { runAnswer, type AnswerResult } from './answer';
import { MemoryAuditSink, type AuditSink, type ChatAuditEvent } from './audit';
import {
  historyFor,
  MemoryConversationStore,
  type Conversation,
  type ConversationStore,
} from './conversations';
import type { InputJudgement } from './input-guard';
import { judgeInput } from './input-guard';
import { listRuntimeModels, type StreamLimits } from './runtime-chat';
import { failures, RuntimeFailure } from './runtime-errors';
import type { RuntimeConnection, RuntimeSource } from './runtime-source';

export interface ChatServiceOptions {
  events: EventHub;
  runtime: RuntimeSource;
  conversations?: ConversationStore;
  audit?: AuditSink;
  limits?: Partial<StreamLimits>;
  /** Ollama options for every request; num_predict is capped by default (CH-05). */
  modelOptions?: Record<string, number>;
  randomBytes?: (size: number) => Uint8Array;
}

/** A real model on a CPU can take a minute to load before its first token; after that, gaps are short. */
const defaultLimits: StreamLimits = { firstTokenMs: 120_000, betweenTokensMs: 30_000 };
const defaultModelOptions = { num_predict: 1024 };

interface Flight {
  profile: Role;
  controller: AbortController;
}

const finalState: Record<AnswerResult['outcome'], ChatState> = {
  answered: 'done',
  blocked: 'blocked',
  stopped: 'stopped',
  failed: 'failed',
};

export class ChatService {
  readonly conversations: ConversationStore;
  readonly audit: AuditSink;
  private readonly flights = new Map<string, Flight>();
  private readonly limits: StreamLimits;

  constructor(private readonly options: ChatServiceOptions) {
    this.conversations = options.conversations ?? new MemoryConversationStore();
    this.audit = options.audit ?? new MemoryAuditSink();
    this.limits = { ...defaultLimits, ...options.limits };
  }

  async send(input: CallInput<'chat.send'>, profile: Role): Promise<ChatSendOutput> {
    const conversation = this.conversationFor(input.conversationId, profile);
    if ([...this.flights.values()].some((f) => f.profile === profile))
      throw new AirlockError('conflict', 'An answer is still being written. Wait for it, or stop it first.');
    if (input.replaceLast === true && !this.conversations.dropLastExchange(conversation.id))
      throw new AirlockError('invalid_input', 'There is no message to try again yet. Send one first.');
    const messageId = randomUUID();
    const controller = new AbortController();
    this.flights.set(messageId, { profile, controller });
    try {
      return await this.answer(input, profile, conversation, messageId, controller.signal);
    } finally {
      this.flights.delete(messageId);
    }
  }

  private async answer(
    input: CallInput<'chat.send'>,
    profile: Role,
    conversation: Conversation,
    messageId: string,
    signal: AbortSignal,
  ): Promise<ChatSendOutput> {
    const ids = { conversationId: conversation.id, messageId };
    const judgement = judgeInput(input.text, profile);
    this.auditInput(judgement, profile, ids);
    const verdict = {
      action: judgement.action,
      categories: judgement.categories,
      ...(judgement.redactedText !== undefined ? { redactedText: judgement.redactedText } : {}),
    };
    // A blocked message is kept as an empty turn: its text (a kid's phone number, say) is never stored.
    const sent = !judgement.blocks;
    this.conversations.append(conversation.id, {
      id: `${messageId}-q`,
      role: 'user',
      at: Date.now(),
      text: sent ? judgement.sendText : '',
      sent,
    });
    let model = input.model ?? conversation.model ?? '';
    const finish = (result: AnswerResult): ChatSendOutput => {
      this.conversations.append(conversation.id, {
        id: messageId,
        role: 'assistant',
        at: Date.now(),
        text: result.text,
        outcome: result.outcome,
        incomplete: result.incomplete,
        model,
      });
      this.options.events.emit('chat.state', {
        ...ids,
        state: finalState[result.outcome],
        ...(result.message ? { message: result.message } : {}),
      });
      return {
        ...ids,
        outcome: result.outcome,
        text: result.text,
        input: verdict,
        model,
        ...(result.incomplete ? { incomplete: true } : {}),
        ...(result.message ? { message: result.message } : {}),
      };
    };
    if (judgement.blocks) {
      return finish({ outcome: 'blocked', text: '', incomplete: false, message: judgement.message ?? '' });
    }

    this.options.events.emit('chat.state', { ...ids, state: 'thinking' });
    const stopped = (): AnswerResult => ({ outcome: 'stopped', text: '', incomplete: true });
    let connection: RuntimeConnection;
    try {
      connection = await this.options.runtime();
      if (signal.aborted) return finish(stopped());
      model ||= await this.firstModel(connection);
    } catch (error) {
      if (signal.aborted) return finish(stopped());
      return finish({ outcome: 'failed', text: '', incomplete: false, message: sentenceOf(error) });
    }
    if (signal.aborted) return finish(stopped());
    this.conversations.setModel(conversation.id, model);

    const result = await runAnswer(
      {
        connection,
        body: {
          model,
          messages: [
            { role: 'system', content: hardenedSystemPrompt(conversation.canary, profile) },
            ...historyFor(this.conversations.turns(conversation.id)),
          ],
          options: { ...defaultModelOptions, ...this.options.modelOptions },
        },
        profile,
        canary: conversation.canary,
        ...ids,
        limits: this.limits,
        signal,
      },
      this.options.events,
    );
    if (result.stop) {
      this.record(profile, ids, {
        direction: 'output',
        action: 'stop',
        filter: result.stop.reason === 'extra_check' ? 'canary' : 'content',
        categories: result.stop.categories,
        notifyParent: result.stop.notifyParent,
      });
    }
    if (result.redacted && result.redacted.length > 0) {
      this.record(profile, ids, {
        direction: 'output',
        action: 'redact',
        filter: 'pii',
        categories: [...new Set(result.redacted)],
        notifyParent: false,
      });
    }
    return finish(result);
  }

  /** Stops the caller's answer (or the one named, which an admin may stop for anyone). */
  stop(input: CallInput<'chat.stop'>, profile: Role): CallOutput<'chat.stop'> {
    let stopped = false;
    for (const [id, flight] of this.flights) {
      const mine = flight.profile === profile;
      const named =
        input.messageId === undefined ? mine : id === input.messageId && (mine || profile === 'admin');
      if (named && !flight.controller.signal.aborted) {
        flight.controller.abort();
        stopped = true;
      }
    }
    return { stopped };
  }

  async listModels(): Promise<CallOutput<'models.list'>> {
    let connection: RuntimeConnection;
    let models;
    try {
      connection = await this.options.runtime();
      models = await listRuntimeModels(connection);
    } catch (error) {
      throw new AirlockError('unavailable', sentenceOf(error));
    }
    return {
      runtime: connection.kind,
      models: models.map((m) => ({
        name: m.name,
        ...(m.digest ? { digest: m.digest } : {}),
        ...(typeof m.size === 'number' ? { size: m.size } : {}),
        ...(m.details?.family ? { family: m.details.family } : {}),
        ...(m.details?.parameter_size ? { parameterSize: m.details.parameter_size } : {}),
        ...(m.details?.quantization_level ? { quantization: m.details.quantization_level } : {}),
        ...(m.modified_at ? { modifiedAt: m.modified_at } : {}),
      })),
    };
  }

  /** Stops every answer under way; the runtime itself is owned (and stopped) by whoever built it. */
  dispose(): void {
    for (const flight of this.flights.values()) flight.controller.abort();
  }

  private conversationFor(id: string | undefined, profile: Role): Conversation {
    if (id === undefined) {
      const bytes = (this.options.randomBytes ?? nodeRandomBytes)(12);
      return this.conversations.create(randomUUID(), profile, makeCanary(bytes));
    }
    const found = this.conversations.get(id);
    // Another profile's conversation reads as missing: a kid cannot even learn that it exists.
    if (!found || found.profile !== profile)
      throw new AirlockError('not_found', 'That conversation is not here any more. Start a new one.');
    return found;
  }

  private async firstModel(connection: RuntimeConnection): Promise<string> {
    const first = (await listRuntimeModels(connection))[0]?.name;
    if (!first) throw failures.noModels();
    return first;
  }

  private auditInput(
    judgement: InputJudgement,
    profile: Role,
    ids: { conversationId: string; messageId: string },
  ): void {
    if (judgement.blocks) {
      for (const { filter, categories, notifyParent } of judgement.blocks)
        this.record(profile, ids, { direction: 'input', action: 'block', filter, categories, notifyParent });
    } else if (judgement.redactedText !== undefined) {
      const pii = judgement.verdicts.find((v) => v.filter === 'pii');
      this.record(profile, ids, {
        direction: 'input',
        action: 'redact',
        filter: 'pii',
        categories: pii?.categories ?? [],
        notifyParent: false,
      });
    }
  }

  private record(
    profile: Role,
    ids: { conversationId: string; messageId: string },
    event: Omit<ChatAuditEvent, 'at' | 'profile' | 'conversationId' | 'messageId'>,
  ): void {
    this.audit.record({ at: Date.now(), profile, ...ids, ...event });
  }
}

function sentenceOf(error: unknown): string {
  if (error instanceof RuntimeFailure || error instanceof AirlockError) return error.message;
  return failures.notRunning().message;
}
