// Progress events are rate-limited on an injected clock (no timing in the
// test): byte counts at most every 250 ms, a new phase and the end at once,
// and the end carries SECURITY.md's reason in upper case.
import { describe, expect, it } from 'vitest';
import type { ModelsProgress } from '../../../shared/models-contract';
import { AirlockError } from '../errors';
import { EventHub } from '../event-hub';
import { ImportOperations } from './import-operations';

function setup() {
  let clock = 1_000;
  const events = new EventHub();
  const seen: ModelsProgress[] = [];
  events.on('models.progress', (p) => seen.push(p));
  const operations = new ImportOperations(events, () => clock);
  return { operations, seen, tick: (ms: number) => (clock += ms) };
}

describe('import operations', () => {
  it('sends byte counts at most every 250 ms, but every new phase at once', () => {
    const { operations, seen, tick } = setup();
    const op = operations.start('hashing');
    expect(seen).toHaveLength(1);
    for (let i = 1; i <= 10; i++) {
      tick(50);
      operations.update(op, { bytes: i * 100, totalBytes: 1000 });
    }
    // 500 ms of updates every 50 ms: two go out (at 250 and 500 ms).
    expect(seen.map((p) => p.bytes)).toEqual([0, 500, 1000]);
    operations.update(op, { phase: 'scanning' });
    expect(seen.at(-1)).toMatchObject({ phase: 'scanning', bytes: 1000 });
    expect(operations.running()).toEqual([op]);
  });

  it('ends once: done with the entry, or failed with the reason; later updates are ignored', () => {
    const { operations, seen } = setup();
    const failed = operations.start('downloading');
    operations.fail(
      failed,
      new AirlockError('invalid_input', 'expected a, found b.', { reason: 'digest_mismatch' }),
    );
    expect(seen.at(-1)).toMatchObject({
      phase: 'failed',
      message: 'expected a, found b.',
      error: { code: 'invalid_input', reason: 'DIGEST_MISMATCH' },
    });
    operations.update(failed, { phase: 'scanning' });
    expect(seen.at(-1)?.phase).toBe('failed');

    const broken = operations.start('hashing');
    operations.fail(broken, new Error('ENOENT /home/alice/secret'));
    expect(seen.at(-1)?.error).toMatchObject({ code: 'internal', reason: 'INTERNAL' });
    expect(JSON.stringify(seen)).not.toContain('alice');
    expect(operations.get(broken.id)?.state.phase).toBe('failed');
    expect(operations.running()).toEqual([]);
  });
});
