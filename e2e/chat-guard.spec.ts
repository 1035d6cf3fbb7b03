// The chat guard end to end (issue 5 item 7; SECURITY.md CH-03, CH-06), on a
// real serve, the built-in engine and a script model whose answer is known:
// an adult's phone number is flagged while typed, hidden on send, and the
// runtime's own record shows it only ever received the marker; a kid's answer
// with a blocked word split over three tokens never shows that word, not for
// one DOM state, and the kind sentence takes its place.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeScriptModel } from '../electron/core/engines/script-model';
import { messages as contentMessages } from '../shared/guard/content/policy';
import { en } from '../renderer/src/i18n/en.ts';
import { AppPage } from './pages/app-page';
import { ChatPage } from './pages/chat-page';
import { expect, startServe, test, type RunningServe, type ServeOptions } from './serve-fixture';

// The built-in engine starts on first use (a few seconds) before the first token.
const answerTimeout = 45_000;

/**
 * A serve of the describe's own (profile and engine record differ per group), with a script
 * model in its models folder: the only model, so the chat's model.
 */
function serveWithScript(options: ServeOptions, pieces: string[]): () => RunningServe {
  let serve: RunningServe | undefined;
  test.beforeAll(async () => {
    serve = await startServe(options);
    const models = join(serve.dataDir, 'models');
    mkdirSync(models, { recursive: true });
    writeScriptModel(join(models, 'script.gguf'), pieces);
  });
  test.afterAll(async () => {
    await serve?.stop();
    serve?.remove();
  });
  return () => serve!;
}

async function openChat(page: import('@playwright/test').Page, serve: RunningServe): Promise<ChatPage> {
  const app = new AppPage(page);
  await app.open(serve.openUrl);
  await app.navigateByClick('chat');
  const chat = new ChatPage(page);
  await expect(chat.model).toContainText('script:latest', { timeout: 30_000 });
  return chat;
}

test.describe('an adult: personal data is flagged as typed and hidden from the model', () => {
  const answer = ['Thanks', '!', ' I', ' will', ' not', ' call', ' anyone', '.'];
  const served = serveWithScript({ profile: 'adult', recordEngine: true }, answer);

  test('flags the number while typing, hides it on send, and the runtime only got [PHONE]', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const serve = served();
    const app = new AppPage(page);
    const chat = await openChat(page, serve);

    await chat.typeDraft('please call me at 415-555-0132 tomorrow');
    const warning = chat.draftWarnings('PHONE');
    await expect(warning).toContainText(
      en['chat.draft.pii.redact'].replace('{what}', en['chat.draft.what.PHONE']),
    );
    await expect(warning.locator('mark')).toHaveText('415-555-0132');
    await expect(chat.input).toHaveValue('please call me at 415-555-0132 tomorrow'); // flagged, not sent
    await expect(chat.input).toHaveAccessibleDescription(/This looks like a phone number/);
    await app.expectAccessible();
    await app.screenshot('chat-draft-warning');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectAccessible();
    await app.screenshot('chat-draft-warning-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await chat.input.press('Enter');
    await expect(chat.input).toHaveValue('');
    await expect(chat.draftWarnings()).toHaveCount(0);
    const mine = chat.lastUserMessage().locator('[data-redacted]');
    await expect(mine).toContainText(en['chat.redacted']);
    await expect(mine).toContainText('please call me at [PHONE] tomorrow');
    await expect(chat.lastAnswer()).toHaveAttribute('data-status', 'done', { timeout: answerTimeout });
    await expect(chat.lastAnswer()).toContainText(answer.join(''));

    // What the runtime received, recorded by the engine itself (AIRLOCK_ENGINE_RECORD).
    const record = readFileSync(serve.engineRecord!, 'utf8');
    const requests = record
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { messages: { role: string; content: string }[] });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.messages.at(-1)).toEqual({
      role: 'user',
      content: 'please call me at [PHONE] tomorrow',
    });
    expect(record.replace(/\D/g, '')).not.toContain('4155550132');
    expect(record).not.toMatch(/555.?0132/);

    // The next draft starts clean: the sent message's warning never comes back while it is checked.
    const screen = await chat.recordScreenTexts();
    await chat.typeDraft('thanks, mail me at anna@example.com');
    await expect(chat.draftWarnings('EMAIL')).toBeVisible();
    await expect(chat.draftWarnings()).toHaveCount(1);
    for (const state of await screen()) expect(state).not.toContain('This looks like a phone number');
  });
});

test.describe('a kid: a blocked word in the answer never reaches the screen', () => {
  // "shit" arrives as " sh", "i", "t": only the stream filter's hold-back keeps it off screen.
  const answer = [
    'Once',
    ' upon',
    ' a',
    ' time',
    ' there',
    ' was',
    ' one',
    ' small',
    ' cat',
    ' who',
    ' said',
    ' sh',
    'i',
    't',
    ' loudly',
    ' then',
    ' ran',
    ' away',
    '.',
  ];
  const served = serveWithScript({ profile: 'kid' }, answer);

  test('shows the safe start, then the kind sentence, and never the word', async ({ page }) => {
    test.setTimeout(90_000);
    const serve = served();
    const app = new AppPage(page);
    const chat = await openChat(page, serve);

    // The kid's policy words the draft warning: personal data cannot be sent at all.
    await chat.typeDraft('my phone is 415-555-0132');
    await expect(chat.draftWarnings('PHONE')).toContainText(
      en['chat.draft.pii.block'].replace('{what}', en['chat.draft.what.PHONE']),
    );
    await chat.input.fill('');
    await expect(chat.draftWarnings()).toHaveCount(0);

    const screen = await chat.recordScreenTexts();
    await chat.say('Tell me a story please');
    const bubble = chat.lastAnswer();
    await expect(bubble).toHaveAttribute('data-status', 'blocked', { timeout: answerTimeout });
    await expect(bubble.locator('[data-notice]')).toHaveText(contentMessages['content.answer_stopped.kid']);

    const states = await screen();
    // The answer did stream before the stop: its safe start was on screen.
    expect(states.some((s) => s.includes('Once upon a time there was'))).toBe(true);
    // Normalised: case, compatibility forms, and anything between the letters ("sh it", "s.h.i.t").
    const spelled = /\bs[^a-z]*h[^a-z]*i[^a-z]*t/i;
    for (const state of states) expect(state.normalize('NFKC')).not.toMatch(spelled);
    expect(await bubble.textContent()).not.toContain('loudly');
    await app.expectAccessible();
    await app.screenshot('chat-kid-answer-stopped');
  });
});
