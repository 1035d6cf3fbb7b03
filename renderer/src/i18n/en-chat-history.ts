// Strings for the conversation list and for trying again or editing the last
// message. Spread into en.ts.
export const enChatHistory = {
  'chat.conversations': 'Your chats',
  'chat.conversations.empty': 'Chats you start appear here.',
  'chat.conversations.untitled': 'A chat with no words yet',
  'chat.conversations.messages': '{count} messages',
  'chat.retry.action': 'Try again',
  'chat.retry.label': 'Ask the model again for a new answer',
  'chat.edit.action': 'Edit',
  'chat.edit.label': 'Edit your last message',
  'chat.edit.field': 'Your edited message',
  'chat.edit.send': 'Send edited',
  'chat.edit.cancel': 'Cancel',
  'chat.edit.hint': 'Sending replaces your message and its answer. Esc cancels.',
} as const;
