// The Chat view against a real `serve` on a fresh data folder and the
// built-in engine with the demo model: installed from the empty state's
// button, an answer watched as it streams, a second one stopped with Stop, a
// phone number hidden from the model, and axe in light and dark.
import { en } from '../renderer/src/i18n/en.ts';
import { AppPage } from './pages/app-page';
import { ChatPage } from './pages/chat-page';
import { expect, test } from './serve-fixture';

// The built-in engine starts on first use (a few seconds) before the first token.
const answerTimeout = 45_000;

test.describe('the Chat view on the built-in engine', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeEach(async ({ page, serve }) => {
    const app = new AppPage(page);
    await app.watchCspViolations();
    await app.open(serve.openUrl);
    await app.navigateByClick('chat');
  });

  test('installs the demo model, streams an answer, and stops another', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new AppPage(page);
    const chat = new ChatPage(page);

    await expect(chat.tryDemo).toBeVisible();
    await expect(chat.main).toContainText(en['chat.noModel.body']);
    await app.expectAccessible();
    await chat.tryDemo.click();
    await expect(chat.model).toContainText('airlock-demo:latest', { timeout: 30_000 });

    await chat.say('hello');
    const first = chat.lastAnswer();
    await expect(chat.lastUserMessage()).toContainText('hello');
    await expect(chat.stop).toBeVisible();

    // The answer grows across observations while it streams.
    const seen: string[] = [];
    await expect
      .poll(
        async () => {
          const text = await chat.answerText(first);
          if (text && text !== seen.at(-1)) seen.push(text);
          return seen.length;
        },
        { timeout: answerTimeout, intervals: [50] },
      )
      .toBeGreaterThanOrEqual(2);
    expect(seen[1]!.startsWith(seen[0]!)).toBe(true);
    expect(seen[1]!.length).toBeGreaterThan(seen[0]!.length);
    await expect(first).toHaveAttribute('data-status', 'done', { timeout: answerTimeout });
    await expect(chat.stop).toBeHidden();
    expect((await chat.answerText(first)).length).toBeGreaterThan(seen[1]!.length - 1);
    await app.screenshot('chat-stream');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('chat-stream-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // A second answer, stopped with the Stop button at once. The demo model's random weights
    // sometimes end an answer within a few tokens, before the click lands: then ask again.
    const second = chat.lastAnswer();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await chat.say(`tell me a long story (${attempt})`);
      await chat.stop.click({ timeout: 2_000 }).catch(() => undefined);
      await expect(second).toHaveAttribute('data-status', /stopped|done/, { timeout: answerTimeout });
      if ((await second.getAttribute('data-status')) === 'stopped') break;
    }
    await expect(second).toHaveAttribute('data-status', 'stopped');
    await expect(second).toHaveAttribute('data-incomplete', 'true');
    await expect(second.locator('[data-notice]')).toBeVisible();
    await expect(chat.stop).toBeHidden();
    expect(await app.cspViolations()).toEqual([]);
  });

  test('an adult sees the phone number hidden from the model', async ({ page }) => {
    test.setTimeout(90_000);
    const chat = new ChatPage(page);
    await expect(chat.model).toContainText('airlock-demo:latest');
    await chat.say('call me at 415-555-0132 please');
    const mine = chat.lastUserMessage();
    await expect(mine.locator('[data-redacted]')).toContainText('call me at [PHONE] please', {
      timeout: answerTimeout,
    });
    await expect(mine.locator('[data-redacted]')).toContainText(en['chat.redacted']);
    await expect(chat.lastAnswer()).toHaveAttribute('data-status', 'done', { timeout: answerTimeout });
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`a conversation is accessible in ${scheme} colours`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      const app = new AppPage(page);
      const chat = new ChatPage(page);
      await expect(chat.model).toContainText('airlock-demo:latest');
      await chat.say('hi, my number is 415-555-0132');
      await expect(chat.lastAnswer()).toHaveAttribute('data-status', 'done', { timeout: answerTimeout });
      await app.expectAccessible();
      // Esc stops an answer too.
      await chat.say('and another');
      await page.keyboard.press('Escape');
      await expect(chat.lastAnswer()).toHaveAttribute('data-status', /stopped|done/, {
        timeout: answerTimeout,
      });
      await app.expectAccessible();
    });
  }
});
