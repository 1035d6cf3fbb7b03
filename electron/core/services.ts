// The one place that builds the core's services and wires their
// dependencies; every carrier (Electron, serve, CLI --local) starts here.
import { mkdirSync } from 'node:fs';
import { AppService, type Carrier } from './app/app-service';
import { EventHub } from './event-hub';
import { HealthService } from './health/health-service';
import { createRouter, type CallContext, type Router } from './router';
import { runTool as realRunTool, type ToolRunner } from './run-tool';
import { appVersion } from './version';

export interface CoreOptions {
  dataDir: string;
  carrier: Carrier;
  runTool?: ToolRunner;
  log?: (message: string, error?: unknown) => void;
  heartbeatMs?: number;
}

export interface Core {
  router: Router;
  events: EventHub;
  /** The caller's context; profiles arrive with storage, until then the owner is at the keyboard. */
  context(): CallContext;
  dispose(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const log = options.log ?? ((message, error) => console.error(`[airlock] ${message}`, error ?? ''));
  const events = new EventHub();
  const health = new HealthService({ runTool: options.runTool ?? realRunTool, events });
  const app = new AppService({
    carrier: options.carrier,
    version: appVersion,
    health,
    events,
    heartbeatMs: options.heartbeatMs,
  });

  const router = createRouter(
    {
      'app.info': () => app.info(),
      'app.health': (input) => app.health(input.refresh),
      'app.ping': (input) => app.ping(input.note),
    },
    log,
  );

  return {
    router,
    events,
    context: () => ({ role: 'admin' }),
    dispose: () => {
      app.dispose();
      health.dispose();
      return Promise.resolve();
    },
  };
}
