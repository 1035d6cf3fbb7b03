// The runtime image panel against a real `serve` and a real Docker engine: a
// `docker save` file of the stand-in runtime loads through the UI, is listed,
// becomes the next switch's image and runs after Apply; a download from a
// registry that cannot answer (a closed port on this machine's loopback, never
// an outside address) and a path with no file each say why in the core's words.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxStatus } from '../shared/sandbox-contract';
import { en } from '../renderer/src/i18n/en.ts';
import { defaultRuntimeImage } from '../electron/core/sandbox/images.ts';
import { removeInstance } from '../electron/core/sandbox/testing/docker-kit.ts';
import { buildTestRuntimeImage, dockerCli } from '../electron/core/sandbox/testing/runtime-image.ts';
import { instanceId } from '../electron/core/sandbox/sandbox-settings.ts';
import { AppPage } from './pages/app-page';
import { SecurityPage } from './pages/security-page';
import { expect, test } from './serve-fixture';

/** Port 9 (discard) on loopback: nothing listens there, so the engine's connection is refused at once. */
const unreachable = '127.0.0.1:9/airlock/none:1';
/** A name only this run uses, so removing it can never touch an image someone else made. */
const loadedName = `airlock-e2e-load-${process.pid}-${Date.now().toString(36)}:1`;

const docker = (...args: string[]) =>
  execFileSync(dockerCli, args, { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });

function dockerAnswers(): boolean {
  try {
    docker('info', '--format', '{{.ServerVersion}}');
    return true;
  } catch {
    return false;
  }
}

/** Removes our tag if it is there (an image another tag holds is only untagged). */
function removeOurTag(): void {
  try {
    docker('image', 'rm', loadedName);
  } catch {
    // Not there: nothing of ours to remove.
  }
}

test.describe('the runtime image panel on the real engine', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(!dockerAnswers(), 'skipped because no Docker engine answers on this machine');

  let workDir: string;
  let tarPath: string;

  test.beforeAll(async ({ serve }) => {
    test.setTimeout(240_000);
    const image = await buildTestRuntimeImage();
    // A tar of a copy under our own name; once saved, the name goes, so only the load can bring it back.
    workDir = mkdtempSync(join(tmpdir(), 'airlock-e2e-images-'));
    tarPath = join(workDir, 'runtime.tar');
    docker('tag', image, loadedName);
    docker('save', '-o', tarPath, loadedName);
    removeOurTag();
    expect(docker('images', '-q', loadedName).trim()).toBe('');
    const outcome = (await serve.cli('sandbox.setLevel', { level: 1, image })) as { outcome: string };
    expect(outcome.outcome).toBe('switched');
  });

  test.afterAll(async ({ serve }) => {
    // The sandbox may run our image: remove it first, then the tag.
    await removeInstance(instanceId(serve.dataDir));
    removeOurTag();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page, serve }) => {
    const app = new AppPage(page);
    await app.watchCspViolations();
    await app.open(serve.openUrl);
    await app.navigateByClick('security');
  });

  test('names and paths are checked as typed; a path with no file says so', async ({ page }) => {
    const security = new SecurityPage(page);
    // The same rule as the contract's imageRefSchema, before anything is sent.
    await security.imageName.fill('Ollama Ollama');
    await security.download.click();
    await expect(security.imageName).toHaveAttribute('aria-invalid', 'true');
    await expect(security.imageName).toBeFocused();
    await expect(security.images).toContainText(en['security.image.nameInvalid']);
    await security.imageName.fill('ollama/ollama:0.20.2');
    await expect(security.imageName).not.toHaveAttribute('aria-invalid', 'true');
    await expect(security.images.locator('[data-pull]')).toHaveCount(0);

    await security.imagePath.fill('/tmp/runtime.tar.gz');
    await security.imagePath.press('Enter');
    await expect(security.imagePath).toHaveAttribute('aria-invalid', 'true');
    await expect(security.images).toContainText(en['security.image.load.hint']);
    await expect(security.images).toContainText(en['security.image.pathNotTar']);

    // A well-formed path with nothing there: the core's sentence, as an alert.
    const missing = join(workDir, 'no-such-image.tar');
    await security.imagePath.fill(missing);
    await security.imagePath.press('Enter');
    const failed = security.images.locator('[data-load="failed"]');
    await expect(failed).toHaveRole('alert');
    await expect(failed).toContainText(en['security.image.load.failed']);
    await expect(failed).toContainText(`There is no file at ${missing}.`);
    await new AppPage(page).expectAccessible();
  });

  test('load a docker save file, use its image, and the next Apply runs it', async ({ page, serve }) => {
    test.setTimeout(240_000);
    const app = new AppPage(page);
    const security = new SecurityPage(page);
    const before = (await serve.cli('sandbox.status')) as SandboxStatus;
    await security.expectRunning(1);

    // What is in force, what switches use, and the pinned default the core ships.
    await expect(security.imageFact('running')).toHaveText(before.container!.image);
    await expect(security.imageFact('running-id')).toHaveText(before.container!.imageId);
    await expect(security.imageFact('saved')).toHaveText(before.settings.image);
    await expect(security.imageFact('default')).toHaveText(defaultRuntimeImage);

    // A download from a registry that cannot answer: the core's sentence.
    await security.imageName.fill(unreachable);
    await security.download.click();
    const pullFailed = security.images.locator('[data-pull="failed"]');
    await expect(pullFailed).toHaveRole('alert');
    await expect(pullFailed).toContainText(en['security.image.pull.failed'].replace('{image}', unreachable), {
      timeout: 60_000,
    });
    await expect(pullFailed).toContainText(`Airlock could not reach the registry for ${unreachable}.`);
    await expect(security.download).not.toHaveAttribute('aria-busy', 'true');

    // Load the file by keyboard alone.
    await security.imagePath.fill(tarPath);
    await security.imagePath.press('Tab');
    await expect(security.loadImage).toBeFocused();
    await page.keyboard.press('Enter');
    const loaded = security.images.locator('[data-load="done"]');
    await expect(loaded).toContainText(en['security.image.load.done'].replace('{path}', tarPath), {
      timeout: 60_000,
    });
    await expect(loaded.getByRole('listitem')).toHaveCount(1);
    await expect(loaded.getByRole('listitem').locator('code')).toHaveText(loadedName);
    expect(docker('images', '-q', loadedName).trim()).not.toBe('');

    // Use it: a pressed toggle, a note beside Apply, and Apply offered again at the same level.
    const use = security.useImage(loadedName);
    await expect(use).toHaveAccessibleName(en['security.image.use']);
    await use.focus();
    await page.keyboard.press('Enter');
    await expect(use).toHaveAttribute('aria-pressed', 'true');
    await expect(security.images).toContainText(en['security.image.chosen']);
    await expect(security.nextImage).toContainText(en['security.image.next'].replace('{image}', loadedName));
    await expect(security.apply).toHaveText('Apply level 1');

    await app.screenshotWhole('security-images');
    await app.expectAccessible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshotWhole('security-images-dark');
    await app.expectAccessible();
    await page.emulateMedia({ colorScheme: 'light' });

    // The confirm step names the image, and the switch sends it.
    await security.apply.click();
    await expect(security.confirm).toContainText(`runtime image to ${loadedName}`);
    await security.switchNow.click();
    await expect(security.outcome).toHaveAttribute('data-outcome', 'switched', { timeout: 120_000 });
    const after = (await serve.cli('sandbox.status')) as SandboxStatus;
    expect(after).toMatchObject({
      settings: { level: 1, image: loadedName },
      container: { image: loadedName },
    });
    await expect(security.imageFact('running')).toHaveText(loadedName);
    // Used up: the note goes, and Apply says the level is in force again.
    await expect(security.nextImage).toHaveCount(0);
    await expect(security.apply).toHaveText('Level 1 is in force');
    expect(await app.cspViolations()).toEqual([]);
  });
});
