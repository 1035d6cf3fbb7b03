// Sandbox budgets on the real engine (issue 3):
// 1. create+start of a level 2 sandbox through Airlock versus `docker run`
//    with the same flags through Debian's Docker CLI: ratio at most 1.2;
// 2. a full level switch 1 → 3 with verification, excluding the runtime's
//    own boot (the "ready" step): under 3 s.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SandboxProgress } from '../shared/sandbox-contract';
import { EventHub } from '../electron/core/event-hub';
import { ensureVolume, pinImage, toCreateOptions } from '../electron/core/sandbox/docker-sandbox';
import { buildRuntimeSpec } from '../electron/core/sandbox/levels';
import { createSandbox } from '../electron/core/sandbox/sandbox-setup';
import { instanceId } from '../electron/core/sandbox/sandbox-settings';
import { docker, removeInstance, testInstance } from '../electron/core/sandbox/testing/docker-kit';
import { buildTestRuntimeImage, dockerCli } from '../electron/core/sandbox/testing/runtime-image';
import { openDatabase } from '../electron/core/store/database';
import { createSettingsStore } from '../electron/core/store/settings-store';
import { createSwitchJournal } from '../electron/core/store/switch-journal';
import { budget } from './stats';

const run = promisify(execFile);
const rounds = 11;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The `docker run` flags that toCreateOptions sets for a level 2 spec, for the CLI baseline. */
function cliFlags(spec: ReturnType<typeof buildRuntimeSpec>, name: string): string[] {
  const limits = spec.limits!;
  const health =
    spec.healthcheck[0] === 'CMD-SHELL' ? spec.healthcheck[1]! : JSON.stringify(spec.healthcheck.slice(1));
  return [
    ...['run', '-d', '--name', name, '--init', '--read-only', '--user', spec.user!],
    ...['--cap-drop', 'ALL', '--security-opt', 'no-new-privileges:true'],
    ...['--tmpfs', `/tmp:${spec.tmpfs!['/tmp']!}`],
    ...['--memory', String(limits.memoryBytes), '--memory-swap', String(limits.memoryBytes)],
    ...['--cpus', String(limits.nanoCpus / 1e9), '--cpu-shares', String(limits.cpuShares)],
    ...['--pids-limit', String(limits.pidsLimit), '--restart', 'on-failure:5'],
    ...['--health-cmd', health, '--health-interval', '5s', '--health-timeout', '3s'],
    ...['--health-retries', '3', '--health-start-period', '2s'],
    ...['-p', `127.0.0.1::${spec.containerPort}`],
    ...['--mount', `type=volume,source=${spec.volume.name},target=${spec.volume.target},volume-nocopy`],
    ...Object.entries(spec.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
    ...spec.env.flatMap((e) => ['-e', e]),
    spec.image,
  ];
}

async function createStartRatio(image: string): Promise<boolean> {
  const instance = testInstance();
  try {
    const pinned = await pinImage(docker, image);
    const settings = {
      level: 2,
      image,
      memoryMb: 256,
      cpus: 1,
      gpu: false,
      port: 0,
      volume: `airlock-bench-${instance}`,
    };
    await ensureVolume(docker, settings.volume, instance);
    const airlock: number[] = [];
    const cli: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const spec = buildRuntimeSpec({
        settings,
        pinnedImage: pinned,
        instance,
        operationId: `a${i}${instance}`,
      });
      let start = performance.now();
      const container = await docker.createContainer(toCreateOptions(spec));
      await container.start();
      airlock.push(performance.now() - start);

      start = performance.now();
      await run(dockerCli, cliFlags(spec, `airlock-${instance}-cli-${i}`));
      cli.push(performance.now() - start);
    }
    const a = median(airlock);
    const c = median(cli);
    console.log(
      `create+start level 2: Airlock median ${a.toFixed(0)} ms, docker run median ${c.toFixed(0)} ms (${rounds} rounds each)`,
    );
    console.log(`ratio Airlock / docker run: ${(a / c).toFixed(2)}`);
    return budget('create+start ratio vs docker run', a / c, 1.2, 'x');
  } finally {
    await removeInstance(instance);
  }
}

async function switchTime(image: string): Promise<boolean> {
  const dataDir = mkdtempSync(join(tmpdir(), 'airlock-bench-switch-'));
  const store = openDatabase(dataDir);
  const events = new EventHub();
  const progress: SandboxProgress[] = [];
  events.on('sandbox.progress', (event) => progress.push(event));
  const sandbox = createSandbox({
    dataDir,
    events,
    settings: createSettingsStore(store.db, () => undefined),
    journal: createSwitchJournal(store.db),
    log: () => undefined,
  });
  try {
    await sandbox.ready;
    const results: number[] = [];
    for (let i = 0; i < 3; i++) {
      const first = await sandbox.service.setLevel({ level: 1, image });
      if (first.outcome !== 'switched') throw new Error(first.message);
      progress.length = 0;
      const outcome = await sandbox.service.setLevel({ level: 3 });
      if (outcome.outcome !== 'switched') throw new Error(outcome.message);
      const at = (state: string) => progress.find((p) => p.step === 'ready' && p.state === state)!.at;
      const boot = at('done') - at('running');
      results.push(outcome.durationMs - boot);
      console.log(
        `switch 1 → 3: ${outcome.durationMs} ms in all, runtime boot ${boot} ms, Airlock's part ${outcome.durationMs - boot} ms`,
      );
    }
    return budget(
      'level switch 1 → 3 with verification, excluding boot (median)',
      median(results),
      3000,
      'ms',
    );
  } finally {
    await sandbox.service.dispose();
    store.close();
    await removeInstance(instanceId(dataDir));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const image = await buildTestRuntimeImage();
  const ratioMet = await createStartRatio(image);
  const switchMet = await switchTime(image);
  if (!ratioMet || !switchMet) process.exitCode = 1;
}

void main();
