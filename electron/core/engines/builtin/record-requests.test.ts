// The engine's request record (a test hook): off unless the variable names a
// file, one JSON line per request, and a bad path never breaks an answer.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chatRequestSchema } from './chat-request';
import { engineRecordEnv, recordChatRequest } from './record-requests';

const dir = mkdtempSync(join(tmpdir(), 'airlock-engine-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = (content: string) =>
  chatRequestSchema.parse({ model: 'script', messages: [{ role: 'user', content }] });

describe('engine request record', () => {
  it('records nothing when the variable is unset or empty', () => {
    const file = join(dir, 'off.ndjson');
    recordChatRequest(request('hi'), {});
    recordChatRequest(request('hi'), { [engineRecordEnv]: '' });
    expect(existsSync(file)).toBe(false);
  });

  it('appends each request as one JSON line with the model and messages', () => {
    const file = join(dir, 'on.ndjson');
    const env = { [engineRecordEnv]: file };
    recordChatRequest(request('call me at [PHONE]'), env);
    recordChatRequest(request('second\nline'), env);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { model: 'script', messages: [{ role: 'user', content: 'call me at [PHONE]' }] },
      { model: 'script', messages: [{ role: 'user', content: 'second\nline' }] },
    ]);
  });

  it('logs, and does not throw, when the file cannot be written', () => {
    const logged: string[] = [];
    const env = { [engineRecordEnv]: join(dir, 'missing-folder', 'x.ndjson') };
    expect(() => recordChatRequest(request('hi'), env, (l) => logged.push(l))).not.toThrow();
    expect(logged[0]).toContain('could not append');
  });
});
