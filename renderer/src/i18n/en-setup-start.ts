// "Start safe chat" on the Setup view, in English: spread into en.ts, so its
// keys are part of `MessageKey` like any other.
export const enSetupStart = {
  'setup.start.title': 'Start a safe chat',
  'setup.start.lead':
    'One step to a chat whose model runs locked in a sandbox: no internet for the model, no access to your files, limits on what it can use.',
  'setup.start.action': 'Start safe chat',
  'setup.start.retry': 'Try again',
  'setup.start.withoutSandbox': 'Chat without a sandbox',
  'setup.start.withoutSandboxNote':
    'Without a sandbox the model runs on this computer with your permissions. Fine for the demo model; not for models you do not trust.',
  'setup.start.steps': 'Progress',
  'setup.start.step.docker': 'Checking Docker',
  'setup.start.step.runtime': 'Preparing the runtime',
  'setup.start.step.sandbox': 'Starting the sandbox',
  'setup.start.step.model': 'Preparing the demo model',
  'setup.start.state.waiting': 'Waiting',
  'setup.start.state.running': 'Working…',
  'setup.start.state.done': 'Done',
  'setup.start.state.failed': 'Failed',
  'setup.start.state.skipped': 'Skipped',
  'setup.start.failed': 'The safe chat could not start',
  'setup.start.done': 'Ready: the demo model runs in a level {level} sandbox.',
  'setup.start.noSandbox':
    'Ready, with no sandbox: the demo model runs on this computer with your permissions. Start safe chat again once Docker runs.',
  'setup.start.openChat': 'Open Chat',
} as const;
