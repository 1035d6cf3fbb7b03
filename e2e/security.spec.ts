// The Security view against a real `serve`, a real Docker engine and the
// stand-in runtime image: a switch from level 1 to 3 followed step by step
// and verified row by row, and a switch that cannot take its port rolled back
// while the previous sandbox keeps serving. Axe in light and dark on both.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { SandboxStatus } from '../shared/sandbox-contract';
import { en } from '../renderer/src/i18n/en.ts';
import { removeInstance } from '../electron/core/sandbox/testing/docker-kit.ts';
import { buildTestRuntimeImage, dockerCli } from '../electron/core/sandbox/testing/runtime-image.ts';
import { instanceId } from '../electron/core/sandbox/sandbox-settings.ts';
import { AppPage } from './pages/app-page';
import { SecurityPage, type PageLevel } from './pages/security-page';
import { expect, test } from './serve-fixture';

const switchTimeout = 120_000;

function dockerAnswers(): boolean {
  try {
    execFileSync(dockerCli, ['info', '--format', '{{.ServerVersion}}'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** Holds a loopback port the way another program would, so a switch cannot take it. */
function occupyPort(): Promise<{ port: number; server: Server }> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.end());
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') resolve({ port: address.port, server });
      else reject(new Error('no port'));
    });
  });
}

test.describe('the Security view switches levels on the real engine', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(!dockerAnswers(), 'skipped because no Docker engine answers on this machine');

  test.beforeAll(async ({ serve }) => {
    test.setTimeout(240_000);
    const image = await buildTestRuntimeImage();
    // Start from a known place: level 1 with the stand-in runtime, which the switches keep using.
    const outcome = (await serve.cli('sandbox.setLevel', { level: 1, image })) as { outcome: string };
    expect(outcome.outcome).toBe('switched');
  });

  test.afterAll(async ({ serve }) => {
    await removeInstance(instanceId(serve.dataDir));
  });

  test.beforeEach(async ({ page, serve }) => {
    const app = new AppPage(page);
    await app.watchCspViolations();
    await app.open(serve.openUrl);
    await app.navigateByClick('security');
  });

  test('from level 1 to 3: the steps, then every row verified or not covered', async ({ page, serve }) => {
    test.setTimeout(240_000);
    const app = new AppPage(page);
    const security = new SecurityPage(page);
    await security.expectRunning(1);
    // Opening the view checks the sandbox in force once, live.
    await expect(security.verifyRows).toHaveCount(6, { timeout: 60_000 });
    await expect(page.getByText(/^Checked at .*, level 1$/)).toBeVisible();

    await security.slideTo(1, 3);
    await expect(security.main.getByRole('heading', { name: 'Level 3, Offline' })).toBeVisible();
    await expect(security.main).toContainText(en['level.3.tradeoff']);
    await security.applyAndConfirm(3);

    // The steps show while the switch runs, each in its turn.
    // (A real switch takes seconds: it waits for the runtime and probes it, so the live steps are seen.)
    await expect(page.getByRole('progressbar', { name: en['security.progress.label'] })).toBeVisible();
    await expect(security.steps).toHaveCount(7);
    await expect(security.main.locator('.switch-progress [data-state="running"]')).toHaveCount(1);
    await expect(security.step('prepare')).toHaveAttribute('data-state', /running|done/);
    await expect(security.outcome).toHaveAttribute('data-outcome', 'switched', { timeout: switchTimeout });
    for (const step of await security.steps.all()) await expect(step).toHaveAttribute('data-state', 'done');

    // Verified live, row by row: nothing failed, the VM row is honestly not covered at level 3.
    await expect(security.verifyRows).toHaveCount(6);
    await expect(page.getByText(/^Checked at .*, level 3$/)).toBeVisible();
    for (const row of await security.verifyRows.all())
      await expect(row).toHaveAttribute('data-status', /^(verified|not_covered)$/);
    await expect(security.main.locator('.verify-rows > [data-status="failed"]')).toHaveCount(0);
    for (const threat of [
      'host_files',
      'network_exposure',
      'resource_exhaustion',
      'runtime_exploit',
      'phone_home',
    ])
      await expect(security.main.locator(`.verify-rows > [data-threat="${threat}"]`)).toHaveAttribute(
        'data-status',
        'verified',
      );
    await expect(security.main.locator('.verify-rows > [data-threat="container_escape"]')).toHaveAttribute(
      'data-status',
      'not_covered',
    );

    await security.expectRunning(3);
    const status = (await serve.cli('sandbox.status')) as SandboxStatus;
    expect(status).toMatchObject({ state: 'running', settings: { level: 3 }, container: { level: 3 } });
    await expect(security.summary).toContainText(status.endpoint!);
    await expect(security.level(3)).toBeChecked();

    await app.screenshotWhole('security-switch');
    await app.expectAccessible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshotWhole('security-switch-dark');
    await app.expectAccessible();
    expect(await app.cspViolations()).toEqual([]);
  });

  test('a switch whose port is taken rolls back, and the previous sandbox keeps serving', async ({
    page,
    serve,
  }) => {
    test.setTimeout(240_000);
    const app = new AppPage(page);
    const security = new SecurityPage(page);
    const before = (await serve.cli('sandbox.status')) as SandboxStatus;
    expect(before.state).toBe('running');
    const old = before.container!.level as PageLevel;
    const target: PageLevel = old === 2 ? 3 : 2;
    await security.expectRunning(old);

    const { port, server } = await occupyPort();
    try {
      await security.advanced.click();
      await security.port.fill('80');
      await expect(security.main.getByText(en['security.invalid.port'])).toBeVisible();
      await expect(security.port).toHaveAttribute('aria-invalid', 'true');
      await security.port.fill(String(port));
      await expect(security.port).not.toHaveAttribute('aria-invalid', 'true');
      await security.level(target).check();
      await security.applyAndConfirm(target);

      await expect(security.outcome).toHaveAttribute('data-outcome', 'rolled_back', {
        timeout: switchTimeout,
      });
      await expect(security.outcome).toContainText(`The switch to level ${target} did not complete`);
      await expect(security.outcome).toContainText(/It failed at “.+”\./);
      await expect(security.outcome).toContainText(`still running at level ${old}`);
      // An alert, so a screen reader says it at once.
      await expect(security.outcome).toHaveRole('alert');
      // Exactly one step failed: the one the notice names.
      await expect(security.main.locator('.switch-progress [data-state="failed"]')).toHaveCount(1);

      // The previous sandbox is untouched, and still answers where it did.
      const after = (await serve.cli('sandbox.status')) as SandboxStatus;
      expect(after).toMatchObject({ state: 'running', container: { id: before.container!.id, level: old } });
      expect(after.settings.level).toBe(old);
      expect(after.endpoint).toBe(before.endpoint);
      // The address still takes connections and answers over HTTP (the relay may ask for Airlock's
      // token; a relay that lost its runtime would answer 5xx)…
      const answer = await fetch(`${after.endpoint}/api/version`);
      expect(answer.status).toBeLessThan(500);
      await security.expectRunning(old);
      // …and a live check of the sandbox in force, from the UI, finds the runtime answering and nothing failed.
      await security.verifyNow.click();
      await expect(page.getByText(new RegExp(`^Checked at .*, level ${old}$`))).toBeVisible({
        timeout: 60_000,
      });
      await expect(security.verifyRows).toHaveCount(6);
      await expect(security.main.locator('.verify-rows > [data-status="failed"]')).toHaveCount(0);
      await expect(
        security.main.locator('[data-threat="network_exposure"] [data-check="runtime_answers"]'),
      ).toHaveAttribute('data-status', 'verified');

      await app.screenshotWhole('security-rollback');
      await app.expectAccessible();
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.expectAccessible();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('logs open in a dialog that Escape closes, handing focus back', async ({ page }) => {
    const security = new SecurityPage(page);
    const logs = security.summary.getByRole('button', { name: en['security.logs'] });
    await logs.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: en['security.logs.title'] });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('region', { name: en['security.logs.title'] })).toBeVisible();
    await new AppPage(page).expectAccessible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(logs).toBeFocused();
  });

  test('level 4 cannot be applied yet, and the confirm step can be left by Escape', async ({ page }) => {
    const security = new SecurityPage(page);
    await security.level(4).check();
    await expect(security.main).toContainText(en['security.vmUnavailable']);
    await expect(security.apply).toHaveAttribute('aria-disabled', 'true');
    // It keeps focus (aria-disabled, not disabled), but pressing it opens nothing.
    await security.apply.focus();
    await page.keyboard.press('Enter');
    await expect(security.confirm).toBeHidden();

    await security.level(1).check();
    const apply = security.main.getByRole('button', { name: 'Apply level 1' });
    await apply.focus();
    await page.keyboard.press('Enter');
    await expect(security.confirm).toBeVisible();
    await expect(security.switchNow).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(security.confirm).toBeHidden();
    await expect(apply).toBeFocused();
    await expect(security.outcome).toHaveCount(0);
  });

  test('stop and start the runtime from the summary', async ({ page, serve }) => {
    const security = new SecurityPage(page);
    await security.summary.getByRole('button', { name: en['security.stop'] }).click();
    await expect(security.summary).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
    expect(((await serve.cli('sandbox.status')) as SandboxStatus).state).toBe('stopped');
    await security.summary.getByRole('button', { name: en['security.start'] }).click();
    await expect(security.summary).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
    expect(((await serve.cli('sandbox.status')) as SandboxStatus).state).toBe('running');
  });
});
