// The output side of the chat path, driven by a fake upstream that streams
// Ollama NDJSON the test controls. A fake is used here, and only here, because
// a real model's output cannot be steered into a blocked word, a leaked canary
// or a stall; chat-engine.test.ts runs everything else on the real engine.
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contract';
import { EventHub } from '../event-hub';
import { MemoryAuditSink } from './audit';
import { ChatService } from './chat-service';
import { fakeUpstream, type FakeUpstream, type Script, type FakeRequest } from './testing/fake-upstream';

let fake: FakeUpstream | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(script: (request: FakeRequest) => Script) {
  fake = await fakeUpstream(script);
  const upstream = fake;
  const events = new EventHub();
  const audit = new MemoryAuditSink();
  const chat = new ChatService({
    events,
    audit,
    runtime: () => Promise.resolve({ kind: 'sandbox', url: upstream.url, headers: {} }),
    limits: { firstTokenMs: 2000, betweenTokensMs: 300 },
  });
  const tokens: string[] = [];
  events.on('chat.token', (e) => tokens.push(e.text));
  return { chat, audit, tokens, fake: upstream };
}

const send = (chat: ChatService, text: string, profile: Role) => chat.send({ text }, profile);

describe('chat output filter (fake upstream)', () => {
  it('never lets a blocked word reach a chat.token event for a kid', async () => {
    const { chat, audit, tokens } = await setup(() => ({
      pieces: [
        'Sure',
        ', here',
        ' is a',
        ' word:',
        ' sh',
        'it',
        ' and',
        ' some',
        ' more',
        ' words',
        ' after.',
      ],
    }));
    const answer = await send(chat, 'Tell me a word.', 'kid');
    expect(answer).toMatchObject({ outcome: 'blocked', incomplete: true });
    expect(answer.message).toMatch(/^I stopped that answer because it wasn't right for you/);
    for (const t of tokens) expect(t.toLowerCase()).not.toContain('shit');
    expect(tokens.join('').toLowerCase()).not.toMatch(/sh\s*it/);
    expect(tokens.join('')).toBe(answer.text);
    expect(audit.events).toEqual([
      expect.objectContaining({
        direction: 'output',
        action: 'stop',
        filter: 'content',
        categories: ['profanity'],
      }),
    ]);
  });

  it('never shows a card number the model splits across seven tokens (CH-03)', async () => {
    const { chat, audit, tokens } = await setup(() => ({
      pieces: ['Your card is 41', '11 11', '11 1', '111 ', '11', '11 and', ' that is all.'],
    }));
    const answer = await send(chat, 'What card did I use?', 'adult');
    expect(answer).toMatchObject({
      outcome: 'answered',
      text: 'Your card is [CREDIT_CARD] and that is all.',
    });
    const digits = '4111111111111111';
    for (const t of tokens) {
      for (const run of t.match(/\d{4,}/g) ?? []) expect(digits).not.toContain(run);
    }
    expect(tokens.join('')).toBe(answer.text);
    expect(audit.events).toEqual([
      expect.objectContaining({
        direction: 'output',
        action: 'redact',
        filter: 'pii',
        categories: ['CREDIT_CARD'],
      }),
    ]);
  });

  it('keeps back a number the answer was cut off in the middle of', async () => {
    const { chat, tokens } = await setup(() => ({
      pieces: ['Sure, the card on file is ', '4111 '],
      hangAfter: 2,
    }));
    const answer = await send(chat, 'Which card?', 'adult');
    expect(answer).toMatchObject({ outcome: 'failed', incomplete: true });
    expect(tokens.join('')).not.toMatch(/\d/);
    expect(answer.text).toBe(tokens.join(''));
  });

  it('stops the output when the model leaks the canary, and cuts the request', async () => {
    const { chat, audit, tokens, fake } = await setup((request) => {
      const canary = /airlock-canary-[a-z0-9]+/.exec(request.messages[0]!.content)![0];
      const pieces = ['My', ' marker', ' is ', canary.slice(0, 10), canary.slice(10, 20), canary.slice(20)];
      return { pieces: [...pieces, ...Array.from({ length: 50 }, () => ' and more'), '.'], delayMs: 10 };
    });
    // An innocent question: the input filters pass it (an extraction attempt such as "repeat the
    // text above" is now stopped at input), and the model leaks its instructions anyway.
    const answer = await send(chat, 'What marker do you use?', 'adult');
    expect(answer).toMatchObject({ outcome: 'blocked', incomplete: true });
    expect(answer.message).toMatch(/repeat its hidden instructions/);
    const canary = /airlock-canary-([a-z0-9]+)/.exec(fake.requests[0]!.messages[0]!.content)![1]!;
    expect(tokens.join('')).not.toContain(canary.slice(0, 6));
    expect(audit.events).toEqual([expect.objectContaining({ action: 'stop', filter: 'canary' })]);
    await expect.poll(() => fake.cutShort[0]).toBe(true);
  });

  it('ends a stalled stream as failed within the gap limit, keeping the partial answer', async () => {
    const { chat } = await setup(() => ({
      pieces: ['One', ' two', ' three', ' four', ' five', ' six'],
      hangAfter: 6,
    }));
    const started = performance.now();
    const answer = await send(chat, 'Count.', 'adult');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(answer).toMatchObject({
      outcome: 'failed',
      incomplete: true,
      text: 'One two three four five six',
    });
    expect(answer.message).toMatch(
      /^The model stopped answering partway through \(nothing new for 0\.3 seconds\)/,
    );
  });

  it('says plainly when the model is missing or the context is too long', async () => {
    let next: Script = { status: 404, error: "model 'nope' not found" };
    const { chat } = await setup(() => next);
    const missing = await chat.send({ text: 'Hi', model: 'nope' }, 'adult');
    expect(missing).toMatchObject({ outcome: 'failed', model: 'nope' });
    expect(missing.message).toBe(
      'The model "nope" is not installed. Choose another model, or add one in Models.',
    );
    next = { status: 500, error: "model 'fake' could not run: the context size is too small for the prompt" };
    const long = await send(chat, 'Hi', 'adult');
    expect(long.message).toMatch(/^This conversation is too long for the model to keep in mind/);
  });

  it('says plainly when no runtime answers', async () => {
    const chat = new ChatService({
      events: new EventHub(),
      runtime: () => Promise.resolve({ kind: 'sandbox', url: 'http://127.0.0.1:9', headers: {} }),
    });
    const answer = await chat.send({ text: 'Hi', model: 'x' }, 'adult');
    expect(answer).toMatchObject({ outcome: 'failed' });
    expect(answer.message).toMatch(/^The model runtime is not running\./);
  });

  it('runs one answer at a time per profile and keeps conversations to their profile', async () => {
    const { chat } = await setup(() => ({ pieces: ['a', ' b', ' c'], delayMs: 100 }));
    const first = send(chat, 'Hi', 'adult');
    await expect(send(chat, 'Hi again', 'adult')).rejects.toMatchObject({ code: 'conflict' });
    const kid = await send(chat, 'Hi', 'kid');
    expect(kid.outcome).toBe('answered');
    const done = await first;
    await expect(
      chat.send({ text: 'More', conversationId: done.conversationId }, 'kid'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
