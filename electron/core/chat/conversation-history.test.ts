// Retry, edit-last and reading conversations back. The runtime is the fake
// upstream because these tests must see exactly which messages it received
// (the real engine's replies are covered in chat-engine.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../event-hub';
import { AirlockError } from '../errors';
import { ChatService } from './chat-service';
import { conversationHistory, listConversations } from './conversation-queries';
import { fakeUpstream, type FakeRequest, type FakeUpstream } from './testing/fake-upstream';

let fake: FakeUpstream | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup() {
  const received: FakeRequest[] = [];
  fake = await fakeUpstream((request) => {
    received.push(request);
    return { pieces: [`answer ${received.length}`] };
  });
  const upstream = fake;
  const chat = new ChatService({
    events: new EventHub(),
    runtime: () => Promise.resolve({ kind: 'sandbox', url: upstream.url, headers: {} }),
    limits: { firstTokenMs: 2000, betweenTokensMs: 300 },
  });
  const said = (i: number) => received[i]!.messages.filter((m) => m.role !== 'system');
  return { chat, received, said };
}

describe('retry and edit the last message', () => {
  it('replaces the last message and its answer, so the model never sees the old ones', async () => {
    const { chat, said } = await setup();
    const first = await chat.send({ text: 'first question' }, 'adult');
    const conversationId = first.conversationId;
    await chat.send({ text: 'second question', conversationId }, 'adult');
    const edited = await chat.send({ text: 'second, edited', conversationId, replaceLast: true }, 'adult');

    expect(edited.text).toBe('answer 3');
    expect(said(2)).toEqual([
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'answer 1' },
      { role: 'user', content: 'second, edited' },
    ]);
    const { turns } = conversationHistory(chat.conversations, conversationId, 'adult');
    expect(turns.map((t) => [t.role, t.text])).toEqual([
      ['user', 'first question'],
      ['assistant', 'answer 1'],
      ['user', 'second, edited'],
      ['assistant', 'answer 3'],
    ]);
  });

  it('retries with the same text: one exchange, a new answer', async () => {
    const { chat, said } = await setup();
    const first = await chat.send({ text: 'tell me a joke' }, 'adult');
    await chat.send(
      { text: 'tell me a joke', conversationId: first.conversationId, replaceLast: true },
      'adult',
    );
    expect(said(1)).toEqual([{ role: 'user', content: 'tell me a joke' }]);
    expect(conversationHistory(chat.conversations, first.conversationId, 'adult').turns).toHaveLength(2);
  });

  it('refuses a retry when there is nothing to replace, in words', async () => {
    const { chat, received } = await setup();
    const error = await chat.send({ text: 'hi', replaceLast: true }, 'adult').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AirlockError);
    expect((error as AirlockError).message).toBe('There is no message to try again yet. Send one first.');
    expect(received).toHaveLength(0);
  });
});

describe('reading conversations back', () => {
  it('lists a profile’s own conversations, newest first, titled by the text the model received', async () => {
    const { chat } = await setup();
    const older = await chat.send({ text: 'my number is 415-555-0132, call   me' }, 'adult');
    const newer = await chat.send({ text: 'x'.repeat(100) }, 'adult');
    await chat.send({ text: 'a kid asks' }, 'kid');

    const { conversations } = listConversations(chat.conversations, 'adult');
    expect(conversations.map((c) => c.id)).toEqual([newer.conversationId, older.conversationId]);
    expect(conversations[1]!.title).not.toContain('415-555-0132');
    expect(conversations[1]!.title).toMatch(/^my number is .+, call me$/);
    expect(conversations[0]!.title).toBe(`${'x'.repeat(59)}…`);
    expect(conversations[0]).toMatchObject({ messages: 2 });
    expect(listConversations(chat.conversations, 'kid').conversations).toHaveLength(1);
  });

  it('reads another profile’s conversation as missing', async () => {
    const { chat } = await setup();
    const adults = await chat.send({ text: 'grown-up talk' }, 'adult');
    expect(() => conversationHistory(chat.conversations, adults.conversationId, 'kid')).toThrow(
      /not here any more/,
    );
    await expect(
      chat.send({ text: 'peek', conversationId: adults.conversationId, replaceLast: true }, 'kid'),
    ).rejects.toThrow(/not here any more/);
    expect(conversationHistory(chat.conversations, adults.conversationId, 'adult').turns).toHaveLength(2);
  });
});
