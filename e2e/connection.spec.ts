// When serve goes away and comes back: the status bar says "Reconnecting…",
// a call made meanwhile ends in a toast with a sentence, a restarted serve
// (new token) is recognised as "Not signed in", and its new address signs in.
import { en } from '../renderer/src/i18n/en.ts';
import { AppPage } from './pages/app-page';
import { SetupPage } from './pages/setup-page';
import { expect, startServe, test, type RunningServe } from './serve-fixture';

test('survives serve restarting, and says what is going on', async ({ page }) => {
  test.setTimeout(90_000);
  const servers: RunningServe[] = [];
  try {
    const first = await startServe();
    servers.push(first);
    const app = new AppPage(page);
    const setup = new SetupPage(page);
    await app.open(first.openUrl);
    await setup.waitForHealth(5);

    await first.stop();
    await expect(app.connection).toHaveText(en['connection.closed']);

    // A call while disconnected waits (with visible progress), then fails kindly.
    await setup.checkAgain.click();
    await expect(setup.checkAgain).toHaveAttribute('aria-busy', 'true');
    await expect(page.getByRole('progressbar', { name: en['setup.checking'] })).toBeVisible();
    const toast = app.toasts.filter({ hasText: en['api.timeout'] });
    await expect(toast).toBeVisible({ timeout: 15_000 });
    await expect(toast).not.toContainText(/at \S+\.js|Error:/);
    await app.screenshot('reconnecting');
    await toast.getByRole('button', { name: en['toast.dismiss'] }).focus();
    await page.keyboard.press('Escape');
    await expect(toast).toHaveCount(0);
    await expect(app.heading).toBeFocused();

    // Same port, new token: the old one no longer opens the socket.
    const second = await startServe({ port: first.port, dataDir: first.dataDir });
    servers.push(second);
    await expect(app.connection).toHaveText(en['connection.unauthorized'], { timeout: 20_000 });
    await expect(page.getByRole('alert')).toContainText(en['connection.unauthorized.title']);
    await app.screenshot('unauthorized');

    // Pasting the new address into the open tab signs in again.
    await page.goto(second.openUrl);
    await expect(app.connection).toHaveText(en['connection.open']);
    expect(page.url()).not.toContain(second.token);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await setup.waitForHealth(5);
  } finally {
    for (const serve of servers) await serve.stop();
    servers[0]?.remove();
  }
});
