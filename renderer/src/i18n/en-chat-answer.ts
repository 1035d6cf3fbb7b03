// Strings for how an answer is shown: Markdown's links and images, and the
// dialog that confirms a link before it leaves Airlock. Spread into en.ts.
export const enChatAnswer = {
  'chat.caveat': 'AI answers can be wrong. Check anything important.',
  'chat.caveat.young': 'Computers can get things wrong. If it matters, ask a grown-up.',
  'chat.link.open': 'Open this link (asks first)',
  'chat.image.notLoaded': 'Picture not loaded: {alt}',
  'chat.image.noAlt': 'a picture from the internet',
  'chat.image.why':
    'Airlock never loads pictures from the internet inside a chat, because loading one tells its website you are here.',
  'chat.link.title': 'Open this link in your browser?',
  'chat.link.description':
    'The link came from the model’s answer. Check the whole address before you open it: it leaves Airlock for the internet.',
  'chat.link.site': 'Website',
  'chat.link.address': 'Full address',
  'chat.link.confirm': 'Open in browser',
  'chat.link.cancel': 'Cancel',
  'chat.link.opening': 'Opening…',
} as const;
