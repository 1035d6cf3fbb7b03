// `airlock chat.send` in a terminal: prints the answer as its chat.token
// events arrive, then one line saying how it ended. Events of other answers
// (another window's) are ignored: the first answer seen after the call is ours,
// and the core runs one answer at a time per profile.
import type { ChatSendOutput } from '../../shared/chat-contract';

export const chatEvents = ['chat.token', 'chat.state'] as const;

export interface ChatPrinter {
  onEvent(event: string, payload: unknown): void;
  /** The closing lines once the call has answered. */
  finish(value: ChatSendOutput): string;
}

export function chatPrinter(write: (text: string) => void): ChatPrinter {
  let messageId: string | undefined;
  let printed = false;
  return {
    onEvent(event, payload) {
      const p = payload as { messageId?: unknown; text?: unknown; state?: unknown };
      if (typeof p?.messageId !== 'string') return;
      messageId ??= p.messageId;
      if (event !== 'chat.token' || p.messageId !== messageId || typeof p.text !== 'string') return;
      write(p.text);
      printed = true;
    },
    finish(value) {
      const lines: string[] = [];
      // An answer the events did not carry (none came, or another's were shown) is printed whole.
      if (!printed && value.text !== '') write(value.text);
      if (printed || value.text !== '') write('\n');
      if (value.input.redactedText !== undefined)
        lines.push(`(personal data was hidden from the model: ${value.input.categories.join(', ')})`);
      const mark = value.incomplete ? ' (incomplete)' : '';
      if (value.outcome === 'answered') lines.push(`-- answered by ${value.model}`);
      else if (value.outcome === 'stopped') lines.push(`-- stopped${mark}`);
      else lines.push(`-- ${value.outcome}${mark}: ${value.message ?? ''}`.trimEnd());
      return lines.join('\n');
    },
  };
}
