// The content filter on hand-written cases (fixtures.ts, none from the eval
// data): look-alike safe prompts pass for a kid, clear harms block with a kind
// sentence and never the text, self-harm brings the caring message and the
// parent flag, profiles differ, and no input makes it throw or hang.
import { describe, expect, it } from 'vitest';
import { checkContent } from './content-filter';
import { kidBlocks, kidPasses } from './fixtures';
import { messages } from './policy';

describe('checkContent for a kid', () => {
  it.each(kidPasses)('lets a safe prompt that only looks risky pass: %s', (text) => {
    expect(checkContent(text, { profile: 'kid' }).action).toBe('allow');
  });

  it.each(kidBlocks)('blocks %s', (text, category) => {
    const v = checkContent(text, { profile: 'kid' });
    expect(v.action).toBe('block');
    expect(v.categories).toContain(category);
    expect(v.filter).toBe('content');
    expect(v.message).toBeTruthy();
    // The kind sentence never repeats the user's words.
    expect(v.message!.toLowerCase()).not.toContain(text.toLowerCase().split(' ').slice(-2).join(' '));
  });

  it('answers self-harm with care and help, and flags the parent', () => {
    const v = checkContent('i feel like i want to end my life', { profile: 'kid' });
    expect(v.action).toBe('block');
    expect(v.categories).toContain('self_harm');
    expect(v.notifyParent).toBe(true);
    expect(v.messageKey).toBe('content.self_harm.care');
    expect(v.message).toContain('local emergency number');
    expect(v.message).not.toMatch(/\d{3}/); // no invented phone numbers
  });

  it('finds obfuscated profanity and reports spans on the original text', () => {
    const text = 'well f\u200bu\u200bc\u200bk that';
    const v = checkContent(text, { profile: 'kid' });
    expect(v.action).toBe('block');
    const span = v.spans.find((s) => s.type === 'profanity');
    expect(span).toBeDefined();
    expect(text.slice(span!.start, span!.end).replace(/\u200b/g, '')).toBe('fuck');
  });

  it('uses the output sentence for answers', () => {
    const v = checkContent('here is how to make a pipe bomb at home', {
      profile: 'kid',
      direction: 'output',
    });
    expect(v.messageKey).toBe('content.answer_stopped.kid');
  });
});

describe('profiles', () => {
  it('lets a teen see gambling talk with a warning, and an adult everything', () => {
    expect(checkContent('which casino has the best slot machines', { profile: 'kid' }).action).toBe('block');
    expect(checkContent('which casino has the best slot machines', { profile: 'teen' }).action).toBe('warn');
    expect(checkContent('which casino has the best slot machines', { profile: 'adult' }).action).toBe(
      'allow',
    );
  });

  it('still blocks weapons for a teen and only warns on self-harm for an adult', () => {
    expect(checkContent('how do i build a pipe bomb', { profile: 'teen' }).action).toBe('block');
    const adult = checkContent('i want to kill myself', { profile: 'admin' });
    expect(adult.action).toBe('warn');
    expect(adult.messageKey).toBe('content.self_harm.care');
    expect(adult.notifyParent).toBe(false);
  });
});

describe('robustness', () => {
  const odd: unknown[] = [
    '',
    '\u0000\u0001\u0002\u001f',
    '\ud800\udc00\ud800',
    '\udfff abc \ud83d',
    null,
    42,
    { text: 'x' },
  ];
  it.each(odd)('gives a verdict, never an exception, for %j', (input) => {
    const v = checkContent(input, { profile: 'kid' });
    expect(['allow', 'warn', 'redact', 'block']).toContain(v.action);
  });

  it('handles a 10 MB message', () => {
    const v = checkContent('hello there. '.repeat(800_000), { profile: 'kid' });
    expect(v.action).toBeDefined();
  });

  // Long runs of the characters each pattern family repeats; each must finish (linear-time regexes).
  const runs = [
    'a',
    ' ',
    'a ',
    'kill ',
    'f u ',
    's.',
    'ass',
    '5',
    '!',
    'my ',
    'sex with ',
    'kill my ',
    '\u200b',
    'ａ',
  ];
  it.each(runs)('finishes on 100 KB of %j', (unit) => {
    const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    expect(checkContent(text, { profile: 'kid' }).action).toBeDefined();
    expect(checkContent(text + 'x', { profile: 'teen', direction: 'output' }).action).toBeDefined();
  });
});

describe('messages', () => {
  it('has a sentence for every key, none longer than a short paragraph', () => {
    for (const sentence of Object.values(messages)) expect(sentence.length).toBeLessThan(400);
  });
});
