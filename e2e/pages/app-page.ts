// Page object for the window frame: navigation, the view heading, the status
// bar, and the checks every view gets (screenshot, axe, CSP violations).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../renderer/src/i18n/en.ts';
import { viewIds, type ViewId } from '../../renderer/src/lib/router.ts';

export { viewIds, type ViewId };

export const artifactsDir = join(import.meta.dirname, '..', 'artifacts');

type ViolationWindow = Window & { __cspViolations?: { directive: string; blocked: string }[] };

export class AppPage {
  readonly nav: Locator;
  readonly main: Locator;
  readonly heading: Locator;
  readonly statusBar: Locator;
  readonly connection: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: en['app.navLabel'] });
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.statusBar = page.getByRole('contentinfo');
    this.connection = this.statusBar.getByRole('status');
    this.toasts = page.getByRole('region', { name: en['toast.region'] }).getByRole('listitem');
  }

  /** Records CSP violations from the first script on, before any page script runs. */
  async watchCspViolations(): Promise<void> {
    await this.page.addInitScript(() => {
      const w = window as ViolationWindow;
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        w.__cspViolations!.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
      );
    });
  }

  cspViolations(): Promise<{ directive: string; blocked: string }[]> {
    return this.page.evaluate(() => (window as ViolationWindow).__cspViolations ?? []);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.connection).toHaveText(en['connection.open']);
  }

  link(view: ViewId): Locator {
    return this.nav.getByRole('link', { name: en[`view.${view}`], exact: true });
  }

  async navigateByClick(view: ViewId): Promise<void> {
    await this.link(view).click();
    await this.expectView(view);
  }

  /** Tabs from the top of the page to the view's link and presses Enter: no mouse at all. */
  async navigateByKeyboard(view: ViewId): Promise<void> {
    await this.page.locator('body').focus();
    const target = `#/${view}`;
    for (let presses = 0; presses < 20; presses++) {
      await this.page.keyboard.press('Tab');
      const href = await this.page.evaluate(() => document.activeElement?.getAttribute('href'));
      if (href === target) {
        await this.page.keyboard.press('Enter');
        await this.expectView(view);
        return;
      }
    }
    throw new Error(`Tab never reached the ${view} link.`);
  }

  async expectView(view: ViewId): Promise<void> {
    await expect(this.link(view)).toHaveAttribute('aria-current', 'page');
    await expect(this.page).toHaveURL(new RegExp(`#/${view}$`));
    await expect(this.heading).toHaveText(en[`view.${view}`]);
    await expect(this.main.getByRole('heading', { level: 1 })).toHaveCount(1);
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(artifactsDir, { recursive: true });
    // Let entry animations settle so the picture shows the resting state.
    await this.page.waitForTimeout(250);
    await this.page.screenshot({ path: join(artifactsDir, `${name}.png`) });
  }

  /** The view scrolls inside <main>, so a full-page shot needs a window tall enough to hold it. */
  async screenshotWhole(name: string): Promise<void> {
    const size = this.page.viewportSize()!;
    const height = await this.main.evaluate((main) => main.scrollHeight);
    await this.page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 40) });
    await this.screenshot(name);
    await this.page.setViewportSize(size);
  }

  /** axe-core on the whole page; serious and critical findings fail the test, with their details. */
  async expectAccessible(): Promise<void> {
    // A colour transition still running (right after a theme switch) would be measured half-way.
    await this.page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation instanceof CSSTransition)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
    expect(blocking).toEqual([]);
  }

  /** The status bar's indicator for one component. */
  indicator(component: string): Locator {
    return this.statusBar.locator(`[data-component="${component}"]`);
  }
}
