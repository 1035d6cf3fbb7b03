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

  // As-you-type warnings under the message box (Composer, DraftWarnings). {what} is one of the
  // chat.draft.what.* phrases; the sentences match shared/guard/pii/messages.ts.
  'chat.draft.label': 'Before you send',
  'chat.draft.pii.warn': 'This looks like {what}. The model will see it. Only send it if you are sure.',
  'chat.draft.pii.redact': 'This looks like {what}. Airlock will hide it from the model.',
  'chat.draft.pii.block':
    'This looks like {what}. Personal details like this can’t be sent. Please take it out first.',
  'chat.draft.what.EMAIL': 'an email address',
  'chat.draft.what.PHONE': 'a phone number',
  'chat.draft.what.CREDIT_CARD': 'a payment card number',
  'chat.draft.what.IBAN': 'a bank account number (IBAN)',
  'chat.draft.what.SSN': 'a Social Security number',
  'chat.draft.what.IP_ADDRESS': 'an IP address',
  'chat.draft.what.STREET_ADDRESS': 'a home or street address',
  'chat.draft.what.DATE_OF_BIRTH': 'a date of birth',
  'chat.draft.what.API_KEY': 'a password-like key for an online service',
  'chat.draft.what.PRIVATE_KEY': 'a private key',
  'chat.draft.what.SECRET': 'a password or secret code',
  'chat.draft.injection.warn':
    'This reads like an attempt to change how the assistant works. It will be sent, but it cannot change what the assistant may do.',
  'chat.draft.injection.block':
    'This reads like an attempt to change how the assistant works, so Airlock will not send it. Ask in your own words instead.',
  'chat.draft.content.warn': 'Airlock flags messages like this one. It will still be sent.',
  'chat.draft.content.block': 'Airlock will not send this message on this profile. Try asking another way.',
  'chat.draft.content.care':
    'It sounds like something might be hard right now. You don’t have to face it alone: a person you trust, or a crisis line in your country (findahelpline.com lists them), can help.',
} as const;
