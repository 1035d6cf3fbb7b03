// Test hook, like AIRLOCK_CRASH_AT: when AIRLOCK_ENGINE_RECORD names a file,
// the built-in engine appends each /api/chat request's model and messages to
// it, one JSON line per request, so an end-to-end test can read exactly what
// the runtime received (say, "[PHONE]" and never the digits). Airlock never
// sets it; unset (the default) records nothing.
import { appendFileSync } from 'node:fs';
import type { ChatRequest } from './chat-request';

export const engineRecordEnv = 'AIRLOCK_ENGINE_RECORD';

export interface RecordedChat {
  model: string;
  messages: ChatRequest['messages'];
}

/** Appends one line when the hook is on; a failed write must not fail the answer, so it is only logged. */
export function recordChatRequest(
  request: ChatRequest,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => console.error(line),
): void {
  const file = env[engineRecordEnv];
  if (!file) return;
  const line: RecordedChat = { model: request.model, messages: request.messages };
  try {
    appendFileSync(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  } catch (error) {
    log(`${engineRecordEnv}: could not append to ${file}: ${(error as Error).message}`);
  }
}
