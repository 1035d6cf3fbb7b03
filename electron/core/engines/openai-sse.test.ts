// The event-stream reader: events split anywhere across network chunks read
// the same, with CRLF or LF line ends, comments skipped and multi-line data joined.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sseData } from './openai-sse';

const stream = (pieces: string[]): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
};

async function read(pieces: string[]): Promise<string[]> {
  const all: string[] = [];
  for await (const data of sseData(stream(pieces))) all.push(data);
  return all;
}

const sample =
  ': keep-alive comment\n\n' +
  'data: {"choices":[{"delta":{"content":"Hé"}}]}\n\n' +
  'event: message\r\ndata: {"a":\r\ndata: 1}\r\n\r\n' +
  'id: 7\ndata:[DONE]\n\n';
const expected = ['{"choices":[{"delta":{"content":"Hé"}}]}', '{"a":\n1}', '[DONE]'];

describe('sseData', () => {
  it('yields each data payload once, in order', async () => {
    expect(await read([sample])).toEqual(expected);
  });

  it('reads a last event that has no closing blank line', async () => {
    expect(await read(['data: one\n\ndata: two'])).toEqual(['one', 'two']);
  });

  it('reads the same however the bytes are split into chunks', async () => {
    const bytes = new TextEncoder().encode(sample);
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(cuts, async (at) => {
        const points = [0, ...[...at].sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.slice(points[i], end));
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            for (const c of chunks) controller.enqueue(c);
            controller.close();
          },
        });
        const all: string[] = [];
        for await (const data of sseData(body)) all.push(data);
        expect(all).toEqual(expected);
      }),
      { seed: 1717, numRuns: 200 },
    );
  });
});
