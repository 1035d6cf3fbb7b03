// The `app.*` calls: who this Airlock is, what the machine has, and a ping;
// plus the heartbeat event, sent only while a window listens.
import type { CallOutput } from '../../../shared/contract';
import type { EventHub } from '../event-hub';
import type { HealthService } from '../health/health-service';
import { currentPlatform } from '../health/health-service';

export type Carrier = CallOutput<'app.info'>['carrier'];

export class AppService {
  private readonly startedAt = Date.now();
  private heartbeat: NodeJS.Timeout | undefined;
  private seq = 0;
  private readonly stopWatching: () => void;

  constructor(
    private readonly deps: {
      carrier: Carrier;
      version: string;
      health: HealthService;
      events: EventHub;
      heartbeatMs?: number;
    },
  ) {
    this.stopWatching = deps.events.watch((event, count) => {
      if (event === 'app.heartbeat') this.beat(count > 0);
    });
  }

  info(): CallOutput<'app.info'> {
    return {
      name: 'Airlock',
      version: this.deps.version,
      carrier: this.deps.carrier,
      platform: currentPlatform(),
      arch: process.arch,
      nodeVersion: process.versions.node,
      startedAt: this.startedAt,
    };
  }

  health(refresh: boolean | undefined): Promise<CallOutput<'app.health'>> {
    return this.deps.health.get(refresh ?? false);
  }

  ping(note: string | undefined): CallOutput<'app.ping'> {
    return { note: note ?? '', at: Date.now() };
  }

  dispose(): void {
    this.stopWatching();
    this.beat(false);
  }

  private beat(on: boolean): void {
    if (on && !this.heartbeat) {
      const send = () =>
        this.deps.events.emit('app.heartbeat', {
          seq: this.seq++,
          at: Date.now(),
          uptimeMs: Date.now() - this.startedAt,
        });
      send();
      this.heartbeat = setInterval(send, this.deps.heartbeatMs ?? 5000);
      this.heartbeat.unref();
    } else if (!on && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }
}
