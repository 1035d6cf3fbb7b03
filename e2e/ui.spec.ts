// The renderer in Chromium against a real `serve` and the real machine: the
// health the core finds reaches the Setup view, every view is reachable by
// mouse and by keyboard, passes axe in light and dark, and keeps the CSP clean.
import type { Health } from '../shared/contract';
import { en } from '../renderer/src/i18n/en.ts';
import { AppPage, viewIds } from './pages/app-page';
import { SetupPage } from './pages/setup-page';
import { expect, test } from './serve-fixture';

test.describe('Airlock in the browser, over serve', () => {
  test.beforeEach(async ({ page }) => {
    await new AppPage(page).watchCspViolations();
  });

  test('takes the token out of the address bar and shows Setup by default', async ({ page, serve }) => {
    const app = new AppPage(page);
    await app.open(serve.openUrl);
    await app.expectView('setup');
    expect(page.url()).toBe(`${serve.url}#/setup`);
    expect(page.url()).not.toContain(serve.token);

    // A reload has no token in the address bar; the tab remembers it.
    await page.reload();
    await expect(app.connection).toHaveText(en['connection.open']);
    await expect(app.statusBar).toContainText(/Airlock \d+\.\d+\.\d+/);
  });

  test('the Setup view shows what app.health found, as the CLI sees it', async ({ page, serve }) => {
    const app = new AppPage(page);
    const setup = new SetupPage(page);
    await app.open(serve.openUrl);
    const health = (await serve.cli('app.health')) as Health;
    await setup.waitForHealth(health.components.length);

    for (const component of health.components) {
      const card = setup.card(en[`component.${component.id}`]);
      await expect(card).toHaveAttribute('data-status', component.status);
      await expect(card).toHaveAttribute('data-reason', component.reason);
      await expect(setup.badge(card)).toHaveText(en[`label.${component.reason}`]);
      if (component.version) await expect(card).toContainText(component.version);
      await expect(app.indicator(component.id)).toBeVisible();
    }

    // Docker gets its own look: this machine's engine, whatever state it is in.
    const docker = health.components.find((c) => c.id === 'docker')!;
    const dockerCard = setup.card(en['component.docker']);
    await expect(dockerCard).toContainText(
      docker.status === 'ok' ? en['health.docker.ok'] : en[`label.${docker.reason}`],
    );
    await expect(app.indicator('docker')).toHaveAttribute(
      'data-tone',
      docker.status === 'ok' ? 'ok' : /warn|error/,
    );

    // Check again asks the core to probe afresh.
    const before = await setup.lastChecked.textContent();
    await page.waitForTimeout(1100);
    await setup.checkAgain.click();
    await expect(setup.lastChecked).not.toHaveText(before ?? '');
    await expect(setup.checkAgain).not.toHaveAttribute('aria-busy', 'true');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every view by clicking, accessible in ${scheme} colours`, async ({ page, serve }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const app = new AppPage(page);
      await app.open(serve.openUrl);
      await new SetupPage(page).waitForHealth(5);

      for (const view of viewIds) {
        await app.navigateByClick(view);
        await app.screenshot(scheme === 'light' ? view : `${view}-${scheme}`);
        if (view === 'setup')
          await app.screenshotWhole(`setup-full${scheme === 'light' ? '' : `-${scheme}`}`);
        await app.expectAccessible();
      }
      // Our own pages never trip the CSP: no inline script or style anywhere.
      expect(await app.cspViolations()).toEqual([]);
    });
  }

  test('works by keyboard alone: skip link and navigation', async ({ page, serve }) => {
    const app = new AppPage(page);
    await app.open(serve.openUrl);

    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: en['app.skipToContent'] });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.heading).toBeFocused();

    // Family is still an empty state whose first stop is its way forward (Models has its own view now).
    await app.navigateByKeyboard('family');
    await expect(app.heading).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: en['empty.action'] })).toBeFocused();
    await page.keyboard.press('Enter');
    await app.expectView('setup');
  });

  test('a view whose code fails to load says so kindly and can be reloaded', async ({ page, serve }) => {
    const app = new AppPage(page);
    const chunk = /\/assets\/ChatView-[^/]+\.js$/;
    await page.route(chunk, (route) => route.abort('connectionreset'));
    await app.open(serve.openUrl);
    await app.link('chat').click();
    await expect(app.heading).toHaveText(en['view.chat']);
    await expect(app.main).toContainText(en['view.failed.body']);
    await expect(app.main).not.toContainText(/TypeError|Failed to fetch|\.js/);

    await page.unroute(chunk);
    await app.main.getByRole('button', { name: en['view.failed.reload'] }).click();
    // The real Chat view: its composer once a model exists, or the demo-model offer before.
    const chatReady = app.main
      .getByRole('textbox', { name: en['chat.composer.label'] })
      .or(app.main.getByRole('button', { name: en['chat.noModel.action'] }));
    await expect(chatReady.first()).toBeVisible();
    await expect(app.main).not.toContainText(en['view.failed.body']);
  });

  test('EL-04: the page may not open the microphone', async ({ page, serve }) => {
    await new AppPage(page).open(serve.openUrl);
    const outcome = await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ audio: true }).then(
        (stream) => {
          stream.getTracks().forEach((track) => track.stop());
          return 'granted';
        },
        (error: Error) => `rejected: ${error.name}`,
      ),
    );
    expect(outcome).toMatch(/^rejected/);
  });

  test('EL-07: injected remote images and inline scripts are blocked by the CSP', async ({ page, serve }) => {
    const app = new AppPage(page);
    // Chromium reports a CSP-blocked load as a request that fails with "csp": the attempt is
    // visible, but nothing leaves the browser. Anything else to another origin fails the test.
    const offOrigin: string[] = [];
    const left: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== serve.origin) offOrigin.push(request.url());
    });
    page.on('requestfailed', (request) => {
      const blocked = request.failure()?.errorText === 'csp';
      if (new URL(request.url()).origin !== serve.origin && !blocked) left.push(request.url());
    });
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).origin !== serve.origin) left.push(request.url());
    });
    await app.open(serve.openUrl);

    const ran = await page.evaluate(async () => {
      const img = document.createElement('img');
      img.src = 'https://canary.test/x';
      img.alt = '';
      document.body.append(img);
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return (window as Window & { __inlineRan?: boolean }).__inlineRan === true;
    });

    expect(ran).toBe(false);
    const violations = await app.cspViolations();
    expect(violations.length).toBeGreaterThanOrEqual(1);
    expect(violations.map((v) => v.directive)).toEqual(
      expect.arrayContaining(['img-src', 'script-src-elem']),
    );
    expect(offOrigin.every((url) => url.startsWith('https://canary.test/'))).toBe(true);
    expect(left).toEqual([]);
  });
});
