// "Start safe chat" on a bare machine with no registry: a fresh data folder,
// one click, the steps in plain words, and Chat with the demo model answering
// from the built-in engine INSIDE a level-2 container (sandbox.status and
// models.list say so through the CLI). The engine image gets a name of this
// spec's own, and the container, volume and image are removed after.
import Dockerode from 'dockerode';
import { instanceId } from '../electron/core/sandbox/sandbox-settings.ts';
import { en } from '../renderer/src/i18n/en.ts';
import { AppPage } from './pages/app-page';
import { ChatPage } from './pages/chat-page';
import { SetupPage } from './pages/setup-page';
import { expect, startServe, test } from './serve-fixture';

const imageRepo = 'airlock-engine-h2e';
// Read by the core that the worker's serve starts (it inherits this environment).
process.env.AIRLOCK_ENGINE_IMAGE = imageRepo;
const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });

type StepWindow = Window & { __steps?: string[] };

test.afterAll(async ({ serve }) => {
  const filters = { label: [`airlock.instance=${instanceId(serve.dataDir)}`] };
  for (const c of await docker.listContainers({ all: true, filters }))
    await docker.getContainer(c.Id).remove({ force: true });
  const { Volumes } = await docker.listVolumes({ filters });
  for (const v of Volumes ?? []) await docker.getVolume(v.Name).remove();
  for (const image of await docker.listImages({ filters: { reference: [imageRepo] } }))
    await docker.getImage(image.Id).remove({ force: true });
});

test('Start safe chat lands in Chat, answering from the engine inside a level-2 sandbox', async ({
  page,
  serve,
}) => {
  // A cold engine image build takes most of this on a busy 2-core machine.
  test.setTimeout(420_000);
  const app = new AppPage(page);
  const setup = new SetupPage(page);
  const chat = new ChatPage(page);
  // Every state each step shows, recorded as it happens (the run may finish between two polls).
  await page.addInitScript(() => {
    const w = window as StepWindow;
    w.__steps = [];
    const record = (el: Element) =>
      w.__steps!.push(`${el.getAttribute('data-step')}:${el.getAttribute('data-state')}`);
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'attributes' && m.target instanceof Element && m.target.hasAttribute('data-step'))
          record(m.target);
        for (const node of m.addedNodes)
          if (node instanceof Element) node.querySelectorAll('[data-step]').forEach(record);
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  await app.watchCspViolations();
  await app.open(serve.openUrl);
  await app.expectView('setup');

  await expect(setup.startSafeChat).toBeVisible();
  await setup.startSafeChat.click();
  await expect(page).toHaveURL(/#\/chat$/, { timeout: 400_000 });
  await app.expectView('chat');
  await expect(chat.model).toContainText('airlock-demo:latest', { timeout: 30_000 });

  // Each step was shown done, in order. "running" is not asserted: a fast step (Docker answers in
  // milliseconds) may go from running to done within one render.
  const steps = await page.evaluate(() => (window as StepWindow).__steps ?? []);
  const done = steps.filter((s) => s.endsWith(':done')).map((s) => s.split(':')[0]);
  expect([...new Set(done)]).toEqual(['docker', 'runtime', 'sandbox', 'model']);

  await chat.say('hello');
  await expect(chat.lastAnswer()).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  expect((await chat.answerText(chat.lastAnswer())).length).toBeGreaterThan(0);

  // The answer came from the sandbox: the chat runtime is the sandbox, running the engine image at level 2.
  const status = (await serve.cli('sandbox.status')) as {
    state: string;
    container?: { image: string; level: number };
  };
  expect(status.state).toBe('running');
  expect(status.container?.level).toBe(2);
  expect(status.container?.image).toMatch(new RegExp(`^${imageRepo}:`));
  const models = (await serve.cli('models.list')) as { runtime: string; models: { name: string }[] };
  expect(models.runtime).toBe('sandbox');
  expect(models.models.map((m) => m.name)).toContain('airlock-demo:latest');

  // Checked before axe runs: axe's own injected code is not the app's.
  expect(await app.cspViolations()).toEqual([]);

  // Back on Setup, the finished steps stay (no second jump to Chat).
  await app.navigateByClick('setup');
  await expect(setup.step('model')).toHaveAttribute('data-state', 'done');
  await expect(page.getByRole('main')).toContainText(en['setup.start.step.runtime']);
  await app.expectAccessible();
  await app.screenshot('setup-start');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectAccessible();
  await app.screenshot('setup-start-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // A second run reuses the image (same id, no new build) and the running sandbox, and lands in Chat again.
  const imageIds = async () =>
    (await docker.listImages({ filters: { reference: [imageRepo] } })).map((image) => image.Id);
  const before = await imageIds();
  expect(before).toHaveLength(1);
  const containerBefore = status.container;
  await setup.startSafeChat.click();
  await expect(page).toHaveURL(/#\/chat$/, { timeout: 120_000 });
  expect(await imageIds()).toEqual(before);
  const again = (await serve.cli('sandbox.status')) as typeof status;
  expect(again.container).toEqual(containerBefore);
});

test('where Docker is missing it says so, and chat without a sandbox is named as such', async ({ page }) => {
  test.setTimeout(120_000);
  // A Docker socket that does not exist: the real engine lookup fails as on a machine without Docker.
  const saved = process.env.DOCKER_HOST;
  process.env.DOCKER_HOST = 'unix:///nonexistent/airlock-h2/docker.sock';
  const serve = await startServe().finally(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });
  try {
    const app = new AppPage(page);
    const setup = new SetupPage(page);
    await app.open(serve.openUrl);
    await setup.startSafeChat.click();
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText(en['setup.start.failed']);
    await expect(alert).toContainText('Start Docker and try again, or chat without a sandbox for now.');
    await expect(setup.step('docker')).toHaveAttribute('data-state', 'failed');
    await expect(page.getByRole('main').getByRole('button', { name: en['setup.start.retry'] })).toBeVisible();

    await page.getByRole('main').getByRole('button', { name: en['setup.start.withoutSandbox'] }).click();
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'no sandbox' })).toContainText(
      en['setup.start.noSandbox'],
    );
    await expect(setup.step('sandbox')).toHaveAttribute('data-state', 'skipped');
    await app.expectAccessible();
    await page.getByRole('main').getByRole('link', { name: en['setup.start.openChat'] }).click();
    await app.expectView('chat');
    await expect(new ChatPage(page).model).toContainText('airlock-demo:latest', { timeout: 30_000 });
    const models = (await serve.cli('models.list')) as { runtime: string };
    expect(models.runtime).toBe('builtin');
  } finally {
    await serve.stop();
    serve.remove();
  }
});
