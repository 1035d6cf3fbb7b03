// The Chat view's strings, in English: spread into en.ts, so its keys are
// part of `MessageKey` like any other. Written so a ten-year-old follows them.
export const enChat = {
  'chat.model': 'Model',
  'chat.newChat': 'New chat',
  'chat.loadFailed': 'Airlock could not list the models',
  'chat.retry': 'Try again',
  'chat.noModel.title': 'No model to chat with yet',
  'chat.noModel.body':
    'Try the demo model: it is tiny and already inside Airlock, so nothing is downloaded. Its answers are gibberish, because it has never learned anything; it only shows how chatting works. Add a real model in Models.',
  'chat.noModel.action': 'Try the demo model',
  'chat.messages': 'Messages',
  'chat.start': 'Say hello to start. Answers come from {model}, on this machine.',
  'chat.you': 'You',
  'chat.thinking': 'Thinking…',
  'chat.writing': 'Writing the answer…',
  'chat.finished': 'The answer is complete.',
  'chat.redacted': 'Airlock hid personal details before the model saw this. The model read:',
  'chat.blocked': 'Not sent to the model',
  'chat.incomplete': 'This answer is not complete.',
  'chat.stoppedNote': 'You stopped this answer.',
  'chat.composer.label': 'Your message',
  'chat.composer.hint': 'Enter sends, Shift+Enter starts a new line, Esc stops an answer.',
  'chat.send': 'Send',
  'chat.stop': 'Stop',
} as const;
