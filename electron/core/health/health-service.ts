// Probes every component in parallel, caches the answer, and pushes fresh
// health to subscribers on a slow timer while anyone listens.
import { componentIds, type ComponentHealth, type Health } from '../../../shared/contract';
import type { EventHub } from '../event-hub';
import type { ToolRunner } from '../run-tool';
import { probeDocker } from './docker-probe';
import { probeEngine } from './engine-probe';
import { probeNvidia, toolFailure } from './nvidia-probe';
import { probeVmTool, vmTools } from './vm-tool-probes';

export type Platform = Health['platform'];
export const currentPlatform = (): Platform =>
  process.platform === 'linux' || process.platform === 'darwin' || process.platform === 'win32'
    ? process.platform
    : 'other';

export interface HealthOptions {
  runTool: ToolRunner;
  events: EventHub;
  /** Per-probe limit; a slow tool must not hold the whole answer. */
  probeTimeoutMs?: number;
  /** How long an answer is reused before a plain `app.health` probes again. */
  maxAgeMs?: number;
  /** How often subscribers get fresh health. */
  pushEveryMs?: number;
}

export class HealthService {
  private last: Health | undefined;
  private inFlight: Promise<Health> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly stopWatching: () => void;

  constructor(private readonly options: HealthOptions) {
    this.stopWatching = options.events.watch((event, count) => {
      if (event === 'app.health') this.schedule(count > 0);
    });
  }

  async get(refresh = false): Promise<Health> {
    const maxAge = this.options.maxAgeMs ?? 10_000;
    if (!refresh && this.last && Date.now() - this.last.checkedAt < maxAge) return this.last;
    return this.probe();
  }

  dispose(): void {
    this.stopWatching();
    this.schedule(false);
  }

  /** One probe at a time: concurrent callers share the same answer. */
  private probe(): Promise<Health> {
    this.inFlight ??= this.probeAll().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async probeAll(): Promise<Health> {
    const { runTool } = this.options;
    const timeout = this.options.probeTimeoutMs ?? 4000;
    const probes: Record<ComponentHealth['id'], () => Promise<ComponentHealth>> = {
      docker: () => probeDocker(runTool, timeout),
      multipass: () => probeVmTool(vmTools[0]!, runTool, timeout),
      lima: () => probeVmTool(vmTools[1]!, runTool, timeout),
      nvidia: () => probeNvidia(runTool, timeout),
      engine: () => Promise.resolve(probeEngine()),
    };
    const components = await Promise.all(
      componentIds.map((id) => probes[id]().catch((error: unknown) => toolFailure(id, error))),
    );
    const health: Health = { checkedAt: Date.now(), platform: currentPlatform(), components };
    this.last = health;
    this.options.events.emit('app.health', health);
    return health;
  }

  private schedule(on: boolean): void {
    if (on && !this.timer) {
      this.timer = setInterval(
        () => void this.probe().catch(() => undefined),
        this.options.pushEveryMs ?? 15_000,
      );
      this.timer.unref();
    } else if (!on && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
