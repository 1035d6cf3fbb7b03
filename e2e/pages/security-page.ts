// Page object for Security: the level slider, Apply and its confirm step, the
// switch's steps, how it ended, the running sandbox, the verified rows, and
// the runtime image panel (download, load from a file, the next image).
import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en.ts';

const levelNames = { 1: 'Contained', 2: 'Limited', 3: 'Offline', 4: 'Isolated VM' } as const;
export type PageLevel = keyof typeof levelNames;

export class SecurityPage {
  readonly main: Locator;
  readonly apply: Locator;
  readonly confirm: Locator;
  readonly switchNow: Locator;
  readonly steps: Locator;
  readonly outcome: Locator;
  readonly summary: Locator;
  readonly verifyRows: Locator;
  readonly verifyNow: Locator;
  readonly advanced: Locator;
  readonly port: Locator;
  readonly images: Locator;
  readonly imageName: Locator;
  readonly download: Locator;
  readonly imagePath: Locator;
  readonly loadImage: Locator;
  readonly nextImage: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.apply = this.main.getByRole('button', { name: /^(Apply level \d|Level \d is in force)$/ });
    this.confirm = page.getByRole('dialog', { name: /^Switch to level \d/ });
    this.switchNow = this.confirm.getByRole('button', { name: en['security.confirm.yes'] });
    this.steps = this.main.locator('.switch-progress [data-step]');
    this.outcome = this.main.locator('[data-outcome]');
    this.summary = this.main.getByRole('region', { name: en['security.summary.title'] });
    this.verifyRows = this.main.locator('.verify-rows > [data-threat]');
    this.verifyNow = this.main.getByRole('button', { name: en['security.verify.now'] });
    this.advanced = this.main.getByText(en['security.advanced'], { exact: true });
    this.port = this.main.getByLabel(en['security.field.port']);
    this.images = this.main.getByRole('region', { name: en['security.image.title'] });
    this.imageName = this.images.getByRole('textbox', { name: en['security.image.pull.field'] });
    this.download = this.images.getByRole('button', { name: en['security.image.pull.action'], exact: true });
    this.imagePath = this.images.getByRole('textbox', { name: en['security.image.load.field'] });
    this.loadImage = this.images.getByRole('button', { name: en['security.image.load.action'], exact: true });
    this.nextImage = this.main.locator('[data-next-image]');
  }

  /** A fact in the image panel: running, running-id, saved or default. */
  imageFact(fact: 'running' | 'running-id' | 'saved' | 'default'): Locator {
    return this.images.locator(`[data-fact="${fact}"] dd`);
  }

  /** "Use this image" for one image the panel lists after a load or a download. */
  useImage(image: string): Locator {
    return this.images.locator(`button[data-image="${image}"]`);
  }

  level(level: PageLevel): Locator {
    return this.main.getByRole('radio', { name: `Level ${level}, ${levelNames[level]}`, exact: true });
  }

  /** The level shown in force on the summary card, e.g. "Level 1, Contained". */
  async expectRunning(level: PageLevel): Promise<void> {
    await expect(this.summary).toHaveAttribute('data-state', 'running');
    await expect(this.summary).toContainText(`Level ${level}, ${levelNames[level]}`);
  }

  /** Moves the slider by keyboard alone, from the level it shows now to `to`. */
  async slideTo(from: PageLevel, to: PageLevel): Promise<void> {
    await this.level(from).focus();
    const key = to > from ? 'ArrowRight' : 'ArrowLeft';
    for (let i = 0; i < Math.abs(to - from); i++) await this.page.keyboard.press(key);
    await expect(this.level(to)).toBeChecked();
    await expect(this.level(to)).toBeFocused();
  }

  async applyAndConfirm(level: PageLevel): Promise<void> {
    await this.main.getByRole('button', { name: `Apply level ${level}` }).click();
    await expect(this.confirm).toBeVisible();
    await expect(this.confirm).toContainText(en['security.switchHow']);
    await this.switchNow.click();
    await expect(this.confirm).toBeHidden();
  }

  step(step: string): Locator {
    return this.main.locator(`.switch-progress [data-step="${step}"]`);
  }
}
