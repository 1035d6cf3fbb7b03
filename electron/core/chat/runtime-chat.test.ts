// streamChat's waits, against the fake upstream (the only way to steer when
// pieces come): one watchdog covers the first-token limit and the gap limit,
// and moving its deadline on each piece must neither cut a steady answer that
// outlasts the first-token limit nor wait out that limit when a stream stalls.
import { afterEach, describe, expect, it } from 'vitest';
import { streamChat, type StreamEnd } from './runtime-chat';
import { fakeUpstream, type FakeUpstream, type Script } from './testing/fake-upstream';

let fake: FakeUpstream | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function stream(
  plan: Script,
  limits: { firstTokenMs: number; betweenTokensMs: number },
): Promise<{ end: StreamEnd; text: string }> {
  fake = await fakeUpstream(() => plan);
  let text = '';
  const end = await streamChat(
    { kind: 'builtin', url: fake.url, headers: {} },
    { model: 'fake', messages: [{ role: 'user', content: 'Hi' }], options: {} },
    limits,
    new AbortController().signal,
    (piece) => (text += piece),
  );
  return { end, text };
}

describe('streamChat waits', () => {
  it('fails with the first-token sentence when nothing comes, and drops the request', async () => {
    const { end, text } = await stream(
      { pieces: ['never'], hangAfter: 0 },
      { firstTokenMs: 200, betweenTokensMs: 60_000 },
    );
    expect(end).toMatchObject({ kind: 'failed', failure: { kind: 'first_token_timeout' } });
    expect(end.kind === 'failed' && end.failure.message).toMatch(
      /did not start answering within 0\.2 seconds/,
    );
    expect(text).toBe('');
    await expect.poll(() => fake!.cutShort[0]).toBe(true);
  });

  it('lets a steady answer run past the first-token limit', async () => {
    const pieces = Array.from({ length: 30 }, (_, i) => ` w${i}`);
    // 30 pieces 20 ms apart outlast the 150 ms first-token limit several times over.
    const { end, text } = await stream(
      { pieces, delayMs: 20 },
      { firstTokenMs: 150, betweenTokensMs: 5_000 },
    );
    expect(end).toEqual({ kind: 'done' });
    expect(text).toBe(pieces.join(''));
  });

  it('ends a stall after the gap limit even when the first-token limit is far longer', async () => {
    // With a 60 s first-token limit, waiting on that timer would outlast the test's own timeout.
    const { end, text } = await stream(
      { pieces: ['One', ' two', ' three', ' four'], hangAfter: 3 },
      { firstTokenMs: 60_000, betweenTokensMs: 200 },
    );
    expect(end).toMatchObject({ kind: 'failed', failure: { kind: 'stalled' } });
    expect(text).toBe('One two three');
    await expect.poll(() => fake!.cutShort[0]).toBe(true);
  });
});
