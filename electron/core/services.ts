// The one place that builds the core's services and wires their
// dependencies; every carrier (Electron, serve, CLI --local) starts here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppService, type Carrier } from './app/app-service';
import { openLink, type SystemOpener } from './app/open-link';
import { BuiltinRuntime, type BuiltinRuntimeOptions } from './chat/builtin-runtime';
import { ChatService, type ChatServiceOptions } from './chat/chat-service';
import { conversationHistory, listConversations } from './chat/conversation-queries';
import { preferSandbox } from './chat/runtime-source';
import { EventHub } from './event-hub';
import { HealthService } from './health/health-service';
import { AnsweringModels } from './models/answering-models';
import { ModelsService } from './models/models-service';
import { sandboxModelVolume } from './models/verify-wiring';
import type { Role } from '../../shared/contract';
import { createRouter, type CallContext, type Router } from './router';
import { runTool as realRunTool, type ToolRunner } from './run-tool';
import { createSandbox } from './sandbox/sandbox-setup';
import { instanceId } from './sandbox/sandbox-settings';
import { createSafeChat } from './setup/safe-chat-wiring';
import { openDatabase } from './store/database';
import { createSettingsStore } from './store/settings-store';
import { createSwitchJournal } from './store/switch-journal';
import { appVersion } from './version';

export interface CoreOptions {
  dataDir: string;
  carrier: Carrier;
  runTool?: ToolRunner;
  log?: (message: string, error?: unknown) => void;
  heartbeatMs?: number;
  /**
   * The profile at the keyboard (default admin, the owner). Until profiles exist, the headless
   * owner can run the window as a kid profile: `serve --profile kid`.
   */
  profile?: Role;
  /** TX-01 fault injection for tests: the core kills itself after journalling this switch step. */
  crashAt?: string;
  /** The built-in engine's child and settings (tests pass a freshly bundled child, one thread, no GPU). */
  engine?: Pick<BuiltinRuntimeOptions, 'entry' | 'threads' | 'gpu' | 'contextSize'>;
  /** Chat timeouts and model options (tests shorten them). */
  chat?: Pick<ChatServiceOptions, 'limits' | 'modelOptions'>;
  /** The OS browser, where the carrier has one (Electron); serve's window opens links itself. */
  systemBrowser?: SystemOpener;
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

  const store = openDatabase(options.dataDir);
  // Set only by the TX-01 crash tests; the core then kills itself at that step of a switch.
  const crashAt = options.crashAt ?? process.env.AIRLOCK_CRASH_AT;
  const sandbox = createSandbox({
    dataDir: options.dataDir,
    events,
    settings: createSettingsStore(store.db, log),
    journal: createSwitchJournal(store.db),
    log: (line) => log(line),
    ...(crashAt ? { crashAt } : {}),
  });
  // Sandbox calls wait until a switch a previous run left unfinished is settled (TX-01).
  const sandboxed = async () => {
    await sandbox.ready;
    return sandbox.service;
  };

  // The built-in engine starts only when a chat needs it and no sandbox is serving.
  const builtin = new BuiltinRuntime({
    modelsDir: join(options.dataDir, 'models'),
    log: (line) => log(line),
    ...options.engine,
  });
  const answering = new AnsweringModels();
  const models = new ModelsService({
    modelsDir: join(options.dataDir, 'models'),
    db: store.db,
    events,
    log: (line) => log(line),
    isAnswering: (name) => answering.busy(name),
    sandboxVolume: () => sandboxModelVolume(sandbox, instanceId(options.dataDir)),
  });
  // The demo model it puts in the sandbox is recorded in the inventory like models.demo's (MI-06).
  const safeChat = createSafeChat({
    dataDir: options.dataDir,
    events,
    sandbox,
    builtin: {
      writeDemoModel: async () => {
        const demo = await builtin.writeDemoModel();
        await models.recordDemo(demo);
        return demo;
      },
    },
    ...(options.engine?.entry ? { engineEntry: options.engine.entry } : {}),
    log: (line) => log(line),
  });
  const chat = new ChatService({
    events,
    runtime: preferSandbox({ endpoint: sandbox.service.endpoint, ready: sandbox.ready }, () =>
      builtin.connect(),
    ),
    ...options.chat,
  });

  const router = createRouter(
    {
      'app.info': (_input, ctx) => ({ ...app.info(), profile: { role: ctx.role } }),
      'app.health': (input) => app.health(input.refresh),
      'app.ping': (input) => app.ping(input.note),
      'app.openLink': (input) => openLink(input.url, options.systemBrowser),
      'sandbox.status': async () => (await sandboxed()).status(),
      'sandbox.setLevel': async (input) => (await sandboxed()).setLevel(input),
      'sandbox.verify': async () => (await sandboxed()).verify(),
      'sandbox.logs': async (input) => ({ lines: await (await sandboxed()).logs(input.tail) }),
      'sandbox.stop': async () => (await sandboxed()).stop(),
      'sandbox.start': async () => (await sandboxed()).start(),
      'sandbox.remove': async () => (await sandboxed()).remove(),
      'sandbox.pullImage': async (input) => (await sandboxed()).pull(input.image),
      'sandbox.loadImage': async (input) => (await sandboxed()).load(input.path),
      'chat.send': (input, ctx) => answering.track(input.model, () => chat.send(input, ctx.role)),
      'chat.stop': (input, ctx) => chat.stop(input, ctx.role),
      'chat.conversations': (_input, ctx) => listConversations(chat.conversations, ctx.role),
      'chat.history': (input, ctx) => conversationHistory(chat.conversations, input.conversationId, ctx.role),
      'models.list': () => chat.listModels(),
      'models.demo': async () => {
        const demo = await builtin.writeDemoModel();
        await models.recordDemo(demo);
        return demo;
      },
      'models.import': (input, ctx) => models.startImport(input, ctx.role),
      'models.importStatus': (input) => models.status(input.operationId),
      'models.cancelImport': (input) => models.cancel(input.operationId),
      'models.inventory': (_input, ctx) => models.list(ctx.role),
      'models.delete': (input) => models.delete(input.id),
      'models.verify': (input) => models.verify(input.id),
      'setup.startSafeChat': (input) => safeChat.start(input),
    },
    log,
  );

  return {
    router,
    events,
    context: () => ({ role: options.profile ?? 'admin' }),
    dispose: async () => {
      app.dispose();
      health.dispose();
      chat.dispose();
      await models.dispose();
      await builtin.dispose();
      await sandbox.ready;
      await sandbox.service.dispose();
      store.close();
    },
  };
}
