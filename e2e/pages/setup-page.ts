// Page object for Setup: "Start safe chat" and its steps, one card per component of app.health, and "Check again".
import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en.ts';

export class SetupPage {
  readonly cards: Locator;
  readonly checkAgain: Locator;
  readonly lastChecked: Locator;
  readonly startSafeChat: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.cards = main
      .getByRole('list')
      .filter({ has: page.locator('[data-component]') })
      .getByRole('listitem');
    this.checkAgain = main.getByRole('button', { name: en['setup.checkAgain'] });
    this.lastChecked = main.getByText(/^Last checked at /);
    this.startSafeChat = main.getByRole('button', { name: en['setup.start.action'] });
  }

  /** The card for a component, found by its heading as a screen reader would. */
  card(name: string): Locator {
    return this.page.getByRole('main').getByRole('listitem', { name, exact: true });
  }

  /** One step of "Start safe chat" (docker, runtime, sandbox, model); its data-state says where it is. */
  step(id: string): Locator {
    return this.page.getByRole('main').locator(`[data-step="${id}"]`);
  }

  badge(card: Locator): Locator {
    return card.locator('.badge');
  }

  async waitForHealth(count: number): Promise<void> {
    await expect(this.page.getByRole('main').locator('[data-component]')).toHaveCount(count);
  }
}
