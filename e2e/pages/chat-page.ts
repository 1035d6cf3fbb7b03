// Page object for Chat: the model in the header, the demo model's button, the
// messages, the composer and its Send and Stop buttons.
import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en.ts';

export class ChatPage {
  readonly main: Locator;
  readonly tryDemo: Locator;
  readonly model: Locator;
  readonly messages: Locator;
  readonly input: Locator;
  readonly send: Locator;
  readonly stop: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.tryDemo = this.main.getByRole('button', { name: en['chat.noModel.action'] });
    this.model = this.main.locator('.chat-model');
    this.messages = this.main.getByRole('region', { name: en['chat.messages'] }).locator('.chat-msg');
    this.input = this.main.getByRole('textbox', { name: en['chat.composer.label'] });
    this.send = this.main.getByRole('button', { name: en['chat.send'], exact: true });
    this.stop = this.main.getByRole('button', { name: en['chat.stop'], exact: true });
  }

  /** The last answer (assistant message) in the list. */
  lastAnswer(): Locator {
    return this.main.locator('.chat-msg[data-role="assistant"]').last();
  }

  lastUserMessage(): Locator {
    return this.main.locator('.chat-msg[data-role="user"]').last();
  }

  /** Types a message and sends it with Enter. */
  async say(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press('Enter');
    await expect(this.input).toHaveValue('');
  }

  /**
   * Records, mutation by mutation, each text the next answer shows. Watching
   * the DOM instead of polling it sees every step, however fast the tokens come.
   */
  async recordNextAnswer(): Promise<() => Promise<string[]>> {
    const key = `__answerTexts${Date.now()}`;
    await this.page.evaluate((k) => {
      const texts: string[] = [];
      const before = document.querySelectorAll('.chat-msg[data-role="assistant"]').length;
      (window as unknown as Record<string, string[]>)[k] = texts;
      new MutationObserver(() => {
        const answer = document.querySelectorAll('.chat-msg[data-role="assistant"]')[before];
        const shown = answer?.querySelector('.chat-msg-text:not(.chat-msg-waiting)')?.textContent ?? '';
        if (shown && shown !== texts.at(-1)) texts.push(shown);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, key);
    return () => this.page.evaluate((k) => (window as unknown as Record<string, string[]>)[k] ?? [], key);
  }

  /** The answer's text as shown (the waiting line excluded). */
  async answerText(answer: Locator): Promise<string> {
    const text = answer.locator('.chat-msg-text:not(.chat-msg-waiting)');
    return (await text.count()) > 0 ? ((await text.first().textContent()) ?? '') : '';
  }

  /** The as-you-type warnings under the message box; `type` narrows to one kind of personal data. */
  draftWarnings(type?: string): Locator {
    return this.main.locator(type ? `[data-draft-warning][data-type="${type}"]` : '[data-draft-warning]');
  }

  /** Types key by key, as a person does, without sending. */
  async typeDraft(text: string): Promise<void> {
    await this.input.pressSequentially(text);
  }

  /**
   * Records every distinct text the page shows from now on, one entry per
   * DOM change (text and nodes, whole subtree). Observer callbacks run before
   * the browser paints, so no state that reached the screen is missed.
   */
  async recordScreenTexts(): Promise<() => Promise<string[]>> {
    const key = `__screenTexts${Date.now()}`;
    await this.page.evaluate((k) => {
      const texts = [document.body.textContent ?? ''];
      (window as unknown as Record<string, string[]>)[k] = texts;
      new MutationObserver(() => {
        const now = document.body.textContent ?? '';
        if (now !== texts.at(-1)) texts.push(now);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, key);
    return () => this.page.evaluate((k) => (window as unknown as Record<string, string[]>)[k] ?? [], key);
  }
}
