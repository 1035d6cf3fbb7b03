// The Models view against a real `serve`: a tiny GGUF written by the repo's
// demo-model writer is imported through the UI by path with its SHA-256 and
// shows in the inventory with its provenance and verdict (and is then served
// by the built-in engine); the same file with a wrong hash is refused with a
// sentence naming both hashes and adds no row; delete asks first, naming the
// model. A kid's window lists the models without import or delete. A file
// tampered on disk after import is caught by "Check files now" (MI-06): the
// card says so in words and the engine no longer offers it. Axe in light and dark.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoModel } from '../electron/core/engines/demo-model.ts';
import { encodeGguf } from '../electron/core/engines/gguf-write.ts';
import { en } from '../renderer/src/i18n/en.ts';
import { AppPage } from './pages/app-page';
import { ModelsPage } from './pages/models-page';
import { expect, startServe, test, type RunningServe } from './serve-fixture';

const bytes = encodeGguf(buildDemoModel(42));
const sha256 = createHash('sha256').update(bytes).digest('hex');
const wrongSha = createHash('sha256').update('not the model').digest('hex');
const modelName = 'e2e-tiny:latest';

test.describe('the Models view', () => {
  test.describe.configure({ mode: 'serial' });

  let workDir: string;
  let modelPath: string;
  // A serve of its own, with an empty inventory: the worker's shared serve already holds
  // the demo model when the chat specs run first, as they do in the full suite.
  let serve: RunningServe;

  test.beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'airlock-e2e-models-'));
    modelPath = join(workDir, 'e2e-tiny.gguf');
    writeFileSync(modelPath, bytes);
    serve = await startServe();
  });

  test.afterAll(async () => {
    await serve?.stop();
    serve?.remove();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page }) => {
    const app = new AppPage(page);
    await app.watchCspViolations();
    await app.open(serve.openUrl);
    await app.navigateByClick('models');
  });

  test('imports a GGUF by path with its SHA-256 and lists it with its provenance and verdict', async ({
    page,
  }) => {
    const app = new AppPage(page);
    const models = new ModelsPage(page);
    await expect(models.inventory.getByText(en['models.empty.title'])).toBeVisible();
    await models.importFile(modelPath, sha256);
    await expect(models.done).toContainText(modelName);
    await models.expectNames([modelName]);
    await expect(models.fact(modelName, 'format')).toHaveText('GGUF');
    await expect(models.fact(modelName, 'architecture')).toHaveText('llama');
    await expect(models.fact(modelName, 'scan')).toContainText(en['models.scan.passed']);
    await expect(models.fact(modelName, 'scan')).toContainText(en['models.scan.templateSafe']);
    await expect(models.card(modelName)).toContainText('From the file e2e-tiny.gguf');
    await expect(models.fact(modelName, 'imported')).toContainText('by a parent');
    expect(await models.fullSha(modelName)).toBe(sha256);
    // Never the host path: only the file's base name is shown.
    await expect(models.main).not.toContainText(workDir);

    // The built-in engine serves it now.
    const listed = (await serve.cli('models.list')) as { models: { name: string; digest?: string }[] };
    expect(listed.models.map((m) => m.name)).toContain(modelName);

    // Checked before axe runs: axe's own injected code is not the app's.
    expect(await app.cspViolations()).toEqual([]);
    await app.expectAccessible();
    await app.screenshotWhole('models');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectAccessible();
    await app.screenshotWhole('models-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('refuses the same file with a wrong hash, naming both hashes, and adds no row', async ({ page }) => {
    const app = new AppPage(page);
    const models = new ModelsPage(page);
    await models.expectNames([modelName]);
    // Another name, so only the hash can be the reason.
    await models.name.fill('e2e-other');
    await models.importFile(modelPath, wrongSha);
    await expect(models.refusal).toBeVisible();
    await expect(models.refusal).toHaveAttribute('data-reason', 'DIGEST_MISMATCH');
    await expect(models.refusal).toContainText(`expected ${wrongSha}, found ${sha256}`);
    await models.expectNames([modelName]);
    await app.expectAccessible();
    await app.screenshotWhole('models-import-refused');
  });

  test("a kid's window lists the models but offers no import or delete", async ({ page }) => {
    const kid = await startServe({ dataDir: serve.dataDir, profile: 'kid' });
    try {
      const app = new AppPage(page);
      await app.open(kid.openUrl);
      await app.navigateByClick('models');
      const models = new ModelsPage(page);
      await models.expectNames([modelName]);
      await expect(models.importForm).toHaveCount(0);
      await expect(models.main.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
      await expect(models.main).toContainText(en['models.kidNote']);
      // The core refuses a kid's delete whatever the window shows (the CLI speaks for the kid's serve).
      const refused = await kid
        .cli('models.delete', { id: 'any' })
        .catch((error: { stdout: string }) => JSON.parse(error.stdout) as unknown);
      expect(refused).toMatchObject({ error: { code: 'forbidden' } });
      await app.expectAccessible();
    } finally {
      // The folder belongs to the admin serve, which removes it.
      await kid.stop();
    }
  });

  test('deletes a model after a confirmation that names it', async ({ page }) => {
    const app = new AppPage(page);
    const models = new ModelsPage(page);
    await models.deleteButton(modelName).click();
    const dialog = models.confirmDialog(modelName);
    await expect(dialog).toBeVisible();
    // Keep it has focus: Escape or Enter never deletes by accident.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await models.expectNames([modelName]);

    await models.deleteButton(modelName).click();
    await app.expectAccessible();
    await dialog.getByRole('button', { name: `Delete ${modelName}` }).click();
    await expect(dialog).toBeHidden();
    await models.expectNames([]);
    await expect(models.inventory.getByText(en['models.empty.title'])).toBeVisible();
    // Gone from the folder the built-in engine serves. (The file, not the CLI: the kid's serve
    // on this folder removed serve.json when it stopped.)
    expect(readdirSync(join(serve.dataDir, 'models'))).not.toContain('e2e-tiny.gguf');
  });
});

test.describe('re-verification of the model files', () => {
  test('a file changed on disk after import is flagged by "Check files now" and no longer served', async ({
    page,
  }) => {
    // A serve of its own, so the file it tampers with is no other test's.
    const own = await startServe();
    const workDir = mkdtempSync(join(tmpdir(), 'airlock-e2e-h6-integrity-'));
    try {
      const path = join(workDir, 'e2e-tiny.gguf');
      writeFileSync(path, bytes);
      const app = new AppPage(page);
      await app.watchCspViolations();
      await app.open(own.openUrl);
      await app.navigateByClick('models');
      const models = new ModelsPage(page);
      await models.importFile(path, sha256);
      await expect(models.done).toContainText(modelName);
      await expect(models.card(modelName)).toHaveAttribute('data-integrity', 'ok');

      // Tamper with the stored file as something else on this machine might: one byte flipped.
      const stored = join(own.dataDir, 'models', 'e2e-tiny.gguf');
      const tampered = readFileSync(stored);
      tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 0x01, tampered.length - 1);
      writeFileSync(stored, tampered);

      await models.checkFiles.click();
      await expect(models.checkOutcome.locator('[data-check]')).toHaveAttribute('data-check', 'flagged');
      await expect(models.checkOutcome).toContainText(en['models.check.flaggedOne']);
      await expect(models.card(modelName)).toHaveAttribute('data-integrity', 'changed');
      await expect(models.integrityWarning(modelName)).toContainText(en['models.integrity.changed']);
      const found = createHash('sha256').update(tampered).digest('hex');
      await expect(models.integrityWarning(modelName)).toContainText(found);

      // The built-in engine no longer offers it: the file went to the quarantine folder.
      const listed = (await own.cli('models.list')) as { models: { name: string }[] };
      expect(listed.models.map((m) => m.name)).not.toContain(modelName);
      expect(readdirSync(join(own.dataDir, 'models', 'quarantine'))).toContain('e2e-tiny.gguf');

      expect(await app.cspViolations()).toEqual([]);
      await app.expectAccessible();
      await app.screenshotWhole('models-integrity');
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.expectAccessible();
      await app.screenshotWhole('models-integrity-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    } finally {
      await own.stop();
      own.remove();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
