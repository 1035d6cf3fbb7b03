// Retry/edit and conversations read back: the thread functions behind them.
import { describe, expect, it } from 'vitest';
import type { ChatSendOutput } from '../../../shared/chat-contract';
import {
  dropLastExchange,
  emptyThread,
  finishSend,
  lastUserMessage,
  startSend,
  threadFromHistory,
  type ChatThread,
} from './chat-thread';

const answered = (conversationId: string, messageId: string, text: string): ChatSendOutput => ({
  conversationId,
  messageId,
  outcome: 'answered',
  text,
  input: { action: 'allow', categories: [] },
  model: 'demo:latest',
});

function twoExchanges(): ChatThread {
  let thread = startSend(emptyThread, 'l1', 'first');
  thread = finishSend(thread, 'l1', answered('c1', 'm1', 'one'));
  thread = startSend(thread, 'l2', 'second');
  return finishSend(thread, 'l2', answered('c1', 'm2', 'two'));
}

describe('retry and edit in the thread', () => {
  it('offers only the last user message, and only when nothing is being written', () => {
    const thread = twoExchanges();
    expect(lastUserMessage(thread)?.text).toBe('second');
    expect(lastUserMessage(startSend(thread, 'l3', 'third'))).toBeUndefined();
    // A conversation the core has not named yet cannot be replaced into.
    expect(lastUserMessage(startSend(emptyThread, 'l1', 'x'))).toBeUndefined();
  });

  it('drops the last exchange and nothing before it', () => {
    const dropped = dropLastExchange(twoExchanges());
    expect(dropped.messages.map((m) => m.text)).toEqual(['first', 'one']);
    expect(dropped.conversationId).toBe('c1');
    expect(dropLastExchange(emptyThread)).toBe(emptyThread);
  });
});

describe('a conversation read back', () => {
  it('shows each turn with its outcome', () => {
    const thread = threadFromHistory({
      conversationId: 'c9',
      turns: [
        { id: 'a-q', role: 'user', at: 1, text: 'call [PHONE]', sent: true },
        { id: 'a', role: 'assistant', at: 2, text: 'ok', outcome: 'answered', incomplete: false, model: 'm' },
        { id: 'b-q', role: 'user', at: 3, text: '', sent: false },
        { id: 'b', role: 'assistant', at: 4, text: '', outcome: 'blocked', incomplete: false, model: 'm' },
        { id: 'c-q', role: 'user', at: 5, text: 'go on', sent: true },
        {
          id: 'c',
          role: 'assistant',
          at: 6,
          text: 'and th',
          outcome: 'stopped',
          incomplete: true,
          model: 'm',
        },
      ],
    });
    expect(thread.conversationId).toBe('c9');
    expect(thread.messages.map((m) => [m.role, m.status, m.incomplete ?? false])).toEqual([
      ['user', 'done', false],
      ['assistant', 'done', false],
      ['user', 'blocked', false],
      ['assistant', 'blocked', false],
      ['user', 'done', false],
      ['assistant', 'stopped', true],
    ]);
    expect(lastUserMessage(thread)?.text).toBe('go on');
  });
});
