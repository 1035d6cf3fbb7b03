// Page object for Models: the inventory cards, the import form with its
// progress and refusal, and the delete confirmation that names the model.
import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en.ts';

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

export class ModelsPage {
  readonly main: Locator;
  readonly inventory: Locator;
  readonly cards: Locator;
  readonly importForm: Locator;
  readonly fromFile: Locator;
  readonly fromUrl: Locator;
  readonly path: Locator;
  readonly sha256: Locator;
  readonly name: Locator;
  readonly importButton: Locator;
  readonly done: Locator;
  readonly refusal: Locator;
  readonly checkFiles: Locator;
  readonly checkOutcome: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.inventory = this.main.getByRole('region', { name: en['models.inventory.title'] });
    this.cards = this.inventory.locator('li[data-model]');
    this.importForm = this.main.getByRole('region', { name: en['models.import.title'] });
    this.fromFile = this.importForm.getByRole('radio', { name: en['models.import.fromFile'] });
    this.fromUrl = this.importForm.getByRole('radio', { name: en['models.import.fromUrl'] });
    this.path = this.importForm.getByLabel(en['models.import.path']);
    this.sha256 = this.importForm.getByLabel(en['models.import.sha256']);
    this.name = this.importForm.getByLabel(en['models.import.name']);
    this.importButton = this.importForm.getByRole('button', {
      name: en['models.import.action'],
      exact: true,
    });
    this.done = this.importForm.locator('[data-import="done"]');
    this.refusal = this.importForm.locator('[data-import="failed"]');
    this.checkFiles = this.inventory.getByRole('button', { name: en['models.check.action'] });
    this.checkOutcome = this.inventory.locator('[data-check-outcome]');
  }

  card(name: string): Locator {
    return this.inventory.getByRole('listitem', { name, exact: true });
  }

  fact(name: string, fact: string): Locator {
    return this.card(name).locator(`[data-fact="${fact}"] dd`);
  }

  /** The full SHA-256 behind the card's disclosure. */
  async fullSha(name: string): Promise<string> {
    const card = this.card(name);
    await card.getByText(en['models.sha.full'], { exact: true }).click();
    return (await card.locator('[data-sha256]').textContent()) ?? '';
  }

  async importFile(path: string, sha256: string): Promise<void> {
    await this.fromFile.check();
    await this.path.fill(path);
    await this.sha256.fill(sha256);
    await this.importButton.click();
  }

  /** A card's warning that its file changed on disk (MI-06). */
  integrityWarning(name: string): Locator {
    return this.card(name).locator('[data-integrity-warning]');
  }

  deleteButton(name: string): Locator {
    return this.card(name).getByRole('button', { name: fill(en['models.delete.label'], { name }) });
  }

  confirmDialog(name: string): Locator {
    return this.page.getByRole('alertdialog', { name: fill(en['models.delete.title'], { name }) });
  }

  async expectNames(names: string[]): Promise<void> {
    await expect(this.cards).toHaveCount(names.length);
    for (const name of names) await expect(this.card(name)).toBeVisible();
  }
}
