// Reads a server-sent event stream (text/event-stream) as the `data:` payload
// of each event, as OpenAI-compatible servers stream chat completions.
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation

/** Yields each event's data (its `data:` lines joined by newlines); comments and other fields are skipped. */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  // A reader rather than `for await`: the DOM and Node typings of ReadableStream disagree on async iteration.
  const reader = body.getReader();
  let buffered = '';
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      buffered += decoder.decode(next.value, { stream: true });
      const events = buffered.split(/\r\n\r\n|\n\n|\r\r/);
      buffered = events.pop() ?? '';
      for (const event of events) {
        const data = dataOf(event);
        if (data !== undefined) yield data;
      }
    }
    const rest = dataOf(buffered + decoder.decode());
    if (rest !== undefined) yield rest;
  } finally {
    // Stopping early (a cancel, or the caller breaking off) must let the connection go.
    await reader.cancel().catch(() => undefined);
  }
}

function dataOf(event: string): string | undefined {
  const lines: string[] = [];
  for (const line of event.split(/\r\n|\n|\r/)) {
    if (line === 'data' || line.startsWith('data:')) lines.push(line.slice(5).replace(/^ /, ''));
  }
  return lines.length ? lines.join('\n') : undefined;
}
