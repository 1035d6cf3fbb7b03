import { describe, expect, it } from 'vitest';
import type { ChatSendOutput } from '../../../shared/chat-contract';
import {
  applyState,
  applyToken,
  belongsTo,
  emptyThread,
  failSend,
  finishSend,
  isBusy,
  startSend,
  type ChatThread,
} from './chat-thread';

const token = (text: string, messageId = 'm1', conversationId = 'c1') => ({
  messageId,
  conversationId,
  text,
});

const output = (extra: Partial<ChatSendOutput> = {}): ChatSendOutput => ({
  conversationId: 'c1',
  messageId: 'm1',
  outcome: 'answered',
  text: 'Hello there',
  input: { action: 'allow', categories: [] },
  model: 'demo:latest',
  ...extra,
});

const started = (): ChatThread => startSend(emptyThread, 'l1', 'hello', 'demo:latest');
const assistant = (thread: ChatThread) => thread.messages.find((m) => m.role === 'assistant')!;
const user = (thread: ChatThread) => thread.messages.find((m) => m.role === 'user')!;

describe('a chat thread', () => {
  it('adds the message and a thinking answer, and is busy until it ends', () => {
    const thread = started();
    expect(thread.messages.map((m) => [m.role, m.text, m.status])).toEqual([
      ['user', 'hello', 'done'],
      ['assistant', '', 'thinking'],
    ]);
    expect(isBusy(thread)).toBe(true);
    expect(isBusy(finishSend(thread, 'l1', output()))).toBe(false);
  });

  it('grows the answer token by token and adopts the ids of the first event', () => {
    const thread = [token('Hel'), token('lo')].reduce(applyToken, started());
    expect(assistant(thread).text).toBe('Hello');
    expect(assistant(thread).status).toBe('streaming');
    expect(thread.activeMessageId).toBe('m1');
    expect(thread.conversationId).toBe('c1');
  });

  it('ignores tokens of another answer, and all tokens when nothing is being written', () => {
    const thread = applyToken(started(), token('a'));
    expect(applyToken(thread, token('x', 'm2'))).toBe(thread);
    expect(belongsTo(emptyThread, token('a'))).toBe(false);
    expect(applyToken(emptyThread, token('a'))).toBe(emptyThread);
  });

  it('in a known conversation, waits for an event of that conversation', () => {
    const answered = finishSend(started(), 'l1', output());
    const next = startSend(answered, 'l2', 'again');
    expect(applyToken(next, token('x', 'm9', 'other'))).toBe(next);
    expect(assistant(applyToken(next, token('y', 'm2'))).text).toBe('Hello there');
    expect(applyToken(next, token('y', 'm2')).messages.at(-1)!.text).toBe('y');
  });

  it('takes thinking and streaming from chat.state and leaves the end to the outcome', () => {
    const thread = applyState(started(), { messageId: 'm1', state: 'streaming' });
    expect(assistant(thread).status).toBe('streaming');
    expect(applyState(thread, { messageId: 'm1', state: 'done' })).toBe(thread);
  });

  it('settles an answer with the text the user saw and the core id', () => {
    const thread = finishSend(applyToken(started(), token('Hel')), 'l1', output());
    expect(assistant(thread)).toMatchObject({ id: 'm1', text: 'Hello there', status: 'done' });
    expect(assistant(thread).notice).toBeUndefined();
  });

  it('shows what was hidden from the model when personal data was redacted', () => {
    const input = { action: 'redact' as const, redactedText: 'call [PHONE]', categories: ['PHONE'] };
    const thread = finishSend(started(), 'l1', output({ input }));
    expect(user(thread).redactedText).toBe('call [PHONE]');
  });

  it('marks a blocked message with the kind sentence and drops the empty answer', () => {
    const thread = finishSend(
      started(),
      'l1',
      output({
        outcome: 'blocked',
        text: '',
        message: 'Let us keep it kind.',
        input: { action: 'block', categories: ['profanity'] },
      }),
    );
    expect(thread.messages).toHaveLength(1);
    expect(user(thread)).toMatchObject({ status: 'blocked', notice: 'Let us keep it kind.' });
  });

  it('says why a blocked answer stopped', () => {
    const thread = finishSend(
      started(),
      'l1',
      output({ outcome: 'blocked', text: 'Part', message: 'Hidden.' }),
    );
    expect(assistant(thread)).toMatchObject({ status: 'blocked', text: 'Part', notice: 'Hidden.' });
  });

  it('keeps a stopped or failed answer partial and marked incomplete', () => {
    const stopped = finishSend(
      started(),
      'l1',
      output({ outcome: 'stopped', text: 'Hal', incomplete: true, message: 'Stopped.' }),
    );
    expect(assistant(stopped)).toMatchObject({ status: 'stopped', text: 'Hal', incomplete: true });
    const failed = failSend(applyToken(started(), token('Half')), 'l1', 'The engine stopped.');
    expect(assistant(failed)).toMatchObject({
      status: 'failed',
      text: 'Half',
      notice: 'The engine stopped.',
      incomplete: true,
    });
    expect(isBusy(failed)).toBe(false);
    expect(assistant(failSend(started(), 'l1', 'No.')).incomplete).toBeUndefined();
  });
});
