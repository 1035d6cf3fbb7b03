// chat.conversations and chat.history: what a profile may read back of its
// own chats. Another profile's conversation reads as missing, as in send.
import type { CallOutput, Role } from '../../../shared/contract';
import { AirlockError } from '../errors';
import type { ConversationStore } from './conversations';

const titleChars = 60;

export function listConversations(store: ConversationStore, profile: Role): CallOutput<'chat.conversations'> {
  return {
    conversations: store.list(profile).map((conversation) => {
      const turns = store.turns(conversation.id);
      const first = turns.find((turn) => turn.role === 'user' && turn.text !== '')?.text ?? '';
      const oneLine = first.replace(/\s+/g, ' ').trim();
      return {
        id: conversation.id,
        title: oneLine.length > titleChars ? `${oneLine.slice(0, titleChars - 1)}…` : oneLine,
        ...(conversation.model ? { model: conversation.model } : {}),
        updatedAt: turns.at(-1)?.at ?? conversation.createdAt,
        messages: turns.length,
      };
    }),
  };
}

export function conversationHistory(
  store: ConversationStore,
  conversationId: string,
  profile: Role,
): CallOutput<'chat.history'> {
  const conversation = store.get(conversationId);
  if (!conversation || conversation.profile !== profile)
    throw new AirlockError('not_found', 'That conversation is not here any more. Start a new one.');
  return {
    conversationId,
    turns: store.turns(conversationId).map((turn) =>
      turn.role === 'user'
        ? { id: turn.id, role: 'user', at: turn.at, text: turn.text, sent: turn.sent }
        : {
            id: turn.id,
            role: 'assistant',
            at: turn.at,
            text: turn.text,
            outcome: turn.outcome,
            incomplete: turn.incomplete,
            model: turn.model,
          },
    ),
  };
}
