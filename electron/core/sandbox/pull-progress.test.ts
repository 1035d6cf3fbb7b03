import Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PullProgress, throttle, type LayerProgress, type PullEvent } from './pull-progress';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'docker-pull-stream.json'), 'utf8'),
) as {
  lines: PullEvent[];
};

describe('pull progress', () => {
  it('folds the stream into bytes per layer, through the same parser the pull uses', async () => {
    // The engine sends CRLF-terminated lines in arbitrary chunks; followProgress reassembles them.
    const stream = new PassThrough();
    const progress = new PullProgress();
    const pictures: LayerProgress[][] = [];
    const done = new Promise<void>((resolve, reject) =>
      new Docker().modem.followProgress(
        stream,
        (error) => (error ? reject(error) : resolve()),
        (event: PullEvent) => {
          if (progress.apply(event)) pictures.push(progress.snapshot());
        },
      ),
    );
    const text = fixture.lines.map((line) => JSON.stringify(line)).join('\r\n') + '\r\n';
    for (let i = 0; i < text.length; i += 97) stream.write(text.slice(i, i + 97));
    stream.end();
    await done;

    expect(progress.snapshot()).toEqual([
      { id: '4f4fb700ef54', current: 0, total: 0 },
      { id: '6e174226ea69', current: 29754290, total: 29754290 },
      { id: 'a3ed95caeb02', current: 1522201600, total: 1522201600 },
    ]);
    // The tag in "Pulling from" is not a layer; the bar only ever moves forward.
    expect(pictures.flat().some((l) => l.id === '0.20.2')).toBe(false);
    const big = pictures.map((p) => p.find((l) => l.id === 'a3ed95caeb02')?.current ?? 0);
    expect(big).toEqual([...big].sort((a, b) => a - b));
    expect(big).toContain(761100800);
    // Extracting does not send the download bar back to the extraction byte count.
    const small = pictures.map((p) => p.find((l) => l.id === '6e174226ea69')?.current ?? 0);
    expect(small).not.toContain(294912);
    expect(progress.digest).toBe('sha256:' + '1'.repeat(64));
    expect(progress.error).toBeUndefined();
  });

  it('keeps the engine message of an error line', () => {
    const progress = new PullProgress();
    progress.apply({
      errorDetail: { message: 'manifest for airlock/none:1 not found: manifest unknown' },
      error: 'manifest for airlock/none:1 not found: manifest unknown',
    });
    expect(progress.error).toBe('manifest for airlock/none:1 not found: manifest unknown');
  });
});

describe('throttle', () => {
  it('calls at most once per interval and always delivers the last value', async () => {
    const seen: number[] = [];
    const t = throttle((n: number) => seen.push(n), 100);
    const started = Date.now();
    for (let i = 1; i <= 500; i++) {
      t.push(i);
      if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const elapsed = Date.now() - started;
    t.flush();
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(500);
    // One leading call, at most one per 100 ms after it, and the final flush.
    expect(seen.length).toBeLessThanOrEqual(Math.floor(elapsed / 100) + 2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('delivers a pending value on its own after the interval', async () => {
    const seen: string[] = [];
    const t = throttle((s: string) => seen.push(s), 30);
    t.push('a');
    t.push('b');
    expect(seen).toEqual(['a']);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(seen).toEqual(['a', 'b']);
    t.flush();
    expect(seen).toEqual(['a', 'b']);
  });
});
