// The Chat view against a real `serve` on a fresh data folder and the
// built-in engine with the demo model: installed from the empty state's
// button, an answer, a phone number hidden from the model, and axe in light
// and dark. Streaming and Stop: chat-answers.spec.ts (the script model).
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

  test('installs the demo model and answers with it', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new AppPage(page);
    const chat = new ChatPage(page);

    await expect(chat.tryDemo).toBeVisible();
    await expect(chat.main).toContainText(en['chat.noModel.body']);
    await app.expectAccessible();
    await chat.tryDemo.click();
    await expect(chat.model).toContainText('airlock-demo:latest', { timeout: 30_000 });

    // Streaming step by step and Stop are proven with the script model (chat-answers.spec.ts),
    // whose answer is known and long; the demo model's random answers may be a single token.
    await chat.say('hello');
    await expect(chat.lastUserMessage()).toContainText('hello');
    await expect(chat.lastAnswer()).toHaveAttribute('data-status', 'done', { timeout: answerTimeout });
    await expect(chat.stop).toBeHidden();
    await app.screenshot('chat-stream');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('chat-stream-dark');
    await page.emulateMedia({ colorScheme: 'light' });

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
