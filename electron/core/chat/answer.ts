// One answer, from the runtime's stream to the window: every piece goes
// through the output filter (ContentStreamFilter holding back the last few
// words, plus the conversation's canary check), and only what it releases
// becomes a chat.token event. A stop, a block or a failure ends it with the
// safe part kept.
import type { ChatOutcome } from '../../../shared/chat-contract';
import type { Role } from '../../../shared/contract';
import { ContentStreamFilter, type StreamStep, type StreamStop } from '../../../shared/guard/content';
import { canaryLeaked } from '../../../shared/guard/injection';
import { PiiStreamRedactor, type PiiType } from '../../../shared/guard/pii';
import type { EventHub } from '../event-hub';
import { streamChat, type ChatRequestBody, type StreamLimits } from './runtime-chat';
import type { RuntimeConnection } from './runtime-source';

export interface AnswerRequest {
  connection: RuntimeConnection;
  body: ChatRequestBody;
  profile: Role;
  canary: string;
  conversationId: string;
  messageId: string;
  limits: StreamLimits;
  /** Aborted by chat.stop (or the core shutting down). */
  signal: AbortSignal;
}

export interface AnswerResult {
  outcome: ChatOutcome;
  /** Everything sent as chat.token events, in order. */
  text: string;
  incomplete: boolean;
  message?: string;
  /** Set when the output filter stopped the answer: for the audit event. */
  stop?: StreamStop;
  /** Personal data the answer held and the window never showed (types only). */
  redacted?: PiiType[];
}

const leakSentence =
  'The answer was stopped because the model began to repeat its hidden instructions. Please ask again.';

export async function runAnswer(request: AnswerRequest, events: EventHub): Promise<AnswerResult> {
  const { conversationId, messageId } = request;
  const filter = new ContentStreamFilter({
    profile: request.profile,
    extraChecks: [(text) => canaryLeaked(text, request.canary)],
  });
  // The filter's own stop: cuts the HTTP request so the model stops generating too.
  const blocked = new AbortController();
  // After the content filter, personal data in what it releases is replaced (CH-03).
  const pii = new PiiStreamRedactor();
  const redacted: PiiType[] = [];
  let shown = '';
  let stop: StreamStop | undefined;
  const show = (text: string): void => {
    if (text === '') return;
    if (shown === '') events.emit('chat.state', { messageId, conversationId, state: 'streaming' });
    shown += text;
    events.emit('chat.token', { conversationId, messageId, text });
  };
  // `flush`: the answer ended whole, so a number still held is complete and may show redacted.
  // A stopped or broken answer keeps it back: it may be part of one (four digits of a card).
  const apply = (step: StreamStep, flush = false): void => {
    if (step.release !== '' || flush) {
      const out = step.release !== '' ? pii.push(step.release) : { release: '', redacted: [] };
      const tail = flush && !step.stop ? pii.end() : { release: '', redacted: [] };
      redacted.push(...out.redacted, ...tail.redacted);
      show(out.release + tail.release);
    }
    if (step.stop && !stop) {
      stop = step.stop;
      blocked.abort();
    }
  };

  const end = await streamChat(
    request.connection,
    request.body,
    request.limits,
    AbortSignal.any([request.signal, blocked.signal]),
    (text) => apply(filter.push(text)),
  );
  // Whatever the ending, the held-back words are judged whole before they may show:
  // a stopped or broken answer keeps its safe part, and nothing unchecked leaks.
  if (!stop) apply(filter.end(), end.kind === 'done');
  if (stop) {
    const message = stop.reason === 'extra_check' && request.profile !== 'kid' ? leakSentence : stop.message;
    return { outcome: 'blocked', text: shown, incomplete: true, message, stop, redacted };
  }
  if (end.kind === 'done') return { outcome: 'answered', text: shown, incomplete: false, redacted };
  if (end.kind === 'aborted') return { outcome: 'stopped', text: shown, incomplete: true, redacted };
  return {
    outcome: 'failed',
    text: shown,
    incomplete: shown !== '',
    message: end.failure.message,
    redacted,
  };
}
