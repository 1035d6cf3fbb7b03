// Every user-visible English string. A translation is a new file with the same
// keys (typed by `Messages`), never a refactor of the components. The runtime
// image panel's strings sit in en-images.ts and the Chat view's in
// en-chat.ts, to keep this file readable.
import { enChat } from './en-chat';
import { enChatAnswer } from './en-chat-answer';
import { enChatHistory } from './en-chat-history';
import { enImages } from './en-images';
import { enModels } from './en-models';
import { enSetupStart } from './en-setup-start';

export const en = {
  'app.name': 'Airlock',
  'app.tagline': 'Local AI, locked down',
  'app.skipToContent': 'Skip to content',
  'app.navLabel': 'Views',

  'view.chat': 'Chat',
  'view.security': 'Security',
  'view.monitor': 'Monitor',
  'view.models': 'Models',
  'view.family': 'Family',
  'view.audit': 'Audit',
  'view.setup': 'Setup',

  'view.chat.lead':
    'Chat with a model on this machine, with filters between you and the model in both directions.',
  'view.security.lead':
    'Pick how tightly models are locked down, and see each protection checked against the running sandbox.',
  'view.monitor.lead': 'Watch CPU, memory, GPU and VRAM use, with alerts when something looks wrong.',
  'view.models.lead':
    'Every model on this machine with its source, digest, size and date, and a safe way to import new ones.',
  'view.family.lead':
    'A profile for each person, with filters that fit their age and a PIN that guards changes.',
  'view.audit.lead':
    'A tamper-evident record of level changes, blocked messages, imports and alerts, for the parent profile.',
  'view.setup.lead': 'What Airlock found on this machine, and what to do about anything missing.',

  'empty.title': 'Nothing here yet',
  'empty.body':
    'This part of Airlock arrives with the model runtimes. Until then, Setup shows what this machine can run today.',
  'empty.action': 'Open Setup',

  'view.failed.title': 'This view stopped working',
  'view.failed.body':
    'Something went wrong while showing it. Your data is safe; reloading the view usually helps.',
  'view.failed.reload': 'Reload view',
  'view.loading': 'Loading…',

  'dialog.close': 'Close',
  'toast.region': 'Notifications',
  'toast.dismiss': 'Dismiss',
  'toast.copied': 'Copied to the clipboard.',
  'toast.copyFailed': 'Airlock could not copy that. Select the command and copy it yourself.',

  'error.unexpected': 'Something went wrong. Please try again.',
  'api.timeout':
    'Airlock’s core did not answer in time. Check that Airlock is still running, then try again.',
  'api.dropped': 'The connection to Airlock dropped before it answered. Please try again.',
  'api.unauthorized':
    'This page’s access key is missing or out of date. Open the address that “airlock serve” printed.',

  'connection.connecting': 'Connecting…',
  'connection.open': 'Connected',
  'connection.closed': 'Reconnecting…',
  'connection.unauthorized': 'Not signed in',
  'connection.unauthorized.title': 'This window is not signed in to Airlock',
  'connection.unauthorized.hint':
    'Its access key is missing or out of date, for example because Airlock restarted. Open the address that “airlock serve” printed.',
  'status.label': 'Status',
  'status.health': 'Machine health',
  'status.healthUnknown': 'Checking…',
  'status.version': 'Airlock {version}',

  'setup.checkAgain': 'Check again',
  'setup.checking': 'Checking this machine…',
  'setup.lastChecked': 'Last checked at {time}',
  'setup.components': 'Components',
  'setup.summary': 'What this machine can do',
  'setup.loadFailed': 'Airlock could not check this machine',
  'setup.version': 'Version {version}',
  'setup.gpus': 'Graphics cards',
  'setup.gpu': '{name}, {memory} GB, driver {driver}',
  'setup.whatToDo': 'What to do',
  'setup.copy': 'Copy',
  'setup.copyCommand': 'Copy the command {command}',
  'setup.detail': 'Technical detail',
  'setup.readyLevels': 'Docker is ready, so models can run at security levels 1 to 3.',
  'setup.notReadyLevels': 'Docker needs attention before models can run at security levels 1 to 3.',
  'setup.readyVm': 'Level 4, the isolated virtual machine, is available too.',
  'setup.notReadyVm': 'Level 4, the isolated virtual machine, needs Multipass or Lima.',
  'setup.readyGpu': 'Models can use the NVIDIA graphics card.',
  'setup.notReadyGpu': 'Models will run on the CPU: no NVIDIA graphics card is in use.',

  'component.docker': 'Docker',
  'component.multipass': 'Multipass',
  'component.lima': 'Lima',
  'component.nvidia': 'NVIDIA GPU',
  'component.engine': 'Built-in engine',
  'component.docker.short': 'Docker',
  'component.multipass.short': 'Multipass',
  'component.lima.short': 'Lima',
  'component.nvidia.short': 'GPU',
  'component.engine.short': 'Engine',
  'component.docker.role': 'Runs models in locked-down containers, for security levels 1 to 3.',
  'component.multipass.role': 'Runs models in a virtual machine with its own kernel, for level 4.',
  'component.lima.role': 'Another way to run level 4’s virtual machine, mainly on macOS.',
  'component.nvidia.role': 'Lets models run on the graphics card, much faster than on the CPU.',
  'component.engine.role': 'Lets you chat without Docker, straight on this machine.',

  // Short labels for badges, one per reason code in shared/contract.ts.
  'label.ok': 'Ready',
  'label.not_installed': 'Not installed',
  'label.not_running': 'Not running',
  'label.permission_denied': 'No permission',
  'label.no_gpu': 'No GPU',
  'label.unsupported_platform': 'Not available',
  'label.insecure_endpoint': 'Insecure',
  'label.timed_out': 'No answer',
  'label.failed': 'Error',

  // Fallback sentences, one per reason code ({name} is the component); components may say it better below.
  'reason.ok': '{name} is ready.',
  'reason.not_installed': '{name} is not installed on this machine.',
  'reason.not_running': '{name} is installed, but not running.',
  'reason.permission_denied': '{name} is installed, but Airlock is not allowed to use it.',
  'reason.no_gpu': 'No graphics card found.',
  'reason.unsupported_platform': '{name} is not available on this operating system.',
  'reason.insecure_endpoint':
    '{name} is reachable only over an insecure connection, so Airlock will not use it.',
  'reason.timed_out': '{name} did not answer in time.',
  'reason.failed': '{name} answered with an error.',
  'fix.reason.permission_denied': 'Make sure your user may run it, then check again.',
  'fix.reason.timed_out': 'It may still be starting. Wait a moment, then check again.',
  'fix.reason.failed': 'Check again. If it keeps failing, the technical detail below can help.',

  // Keys below are looked up as health.<component>.<reason>[.<platform>|.desktop]; see lib/health-copy.ts.
  'health.docker.ok': 'Docker is running.',
  'health.docker.not_running': 'Docker is not running.',
  'fix.docker.not_running.desktop':
    'Start Docker Desktop, wait until it says it is running, then check again.',
  'fix.docker.not_running.linux': 'Start the Docker service:',
  'cmd.docker.not_running.linux': 'sudo systemctl start docker',
  'health.docker.not_installed': 'Docker is not installed.',
  'fix.docker.not_installed.desktop': 'Install Docker Desktop from docker.com, start it, then check again.',
  'fix.docker.not_installed.linux': 'Install docker.io (Debian/Ubuntu) or Docker Engine, then start it:',
  'cmd.docker.not_installed.linux': 'sudo apt install docker.io',
  'health.docker.permission_denied': 'Docker is running, but your user may not use it.',
  'fix.docker.permission_denied.linux': 'Add yourself to the docker group, then log out and back in:',
  'cmd.docker.permission_denied.linux': 'sudo usermod -aG docker $USER',
  'fix.docker.permission_denied.desktop': 'Restart Docker Desktop, then check again.',
  'health.docker.insecure_endpoint':
    'DOCKER_HOST points at Docker over plain TCP without TLS, so Airlock will not use it: anyone who can reach that port controls the machine.',
  'fix.docker.insecure_endpoint':
    'Turn on TLS (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or unset DOCKER_HOST to use the local Docker.',
  'health.docker.timed_out': 'Docker did not answer in time.',
  'health.docker.failed': 'Docker answered with an error.',
  'fix.docker.failed': 'Restart Docker, then check again. The technical detail below can help.',

  'health.multipass.ok': 'Multipass is ready for level 4.',
  'health.multipass.not_installed': 'Multipass is not installed.',
  'fix.multipass.not_installed':
    'Level 4 (Isolated VM) runs models in a virtual machine with its own kernel, and needs Multipass for it. Levels 1 to 3 work without it.',
  'fix.multipass.not_installed.linux':
    'Level 4 (Isolated VM) runs models in a virtual machine with its own kernel, and needs Multipass or Lima for it. Levels 1 to 3 work without it. To install Multipass:',
  'cmd.multipass.not_installed.linux': 'sudo snap install multipass',
  'fix.multipass.not_installed.darwin':
    'Level 4 (Isolated VM) runs models in a virtual machine with its own kernel. On a Mac it can use Multipass or Lima; install one from multipass.run or with Homebrew if you want level 4.',
  'fix.multipass.not_installed.win32':
    'Level 4 (Isolated VM) runs models in a virtual machine with its own kernel, and needs Multipass for it. Install it from multipass.run if you want level 4; levels 1 to 3 work without it.',
  'health.multipass.unsupported_platform':
    'Multipass does not run on this operating system, so level 4 is not available here.',

  'health.lima.ok': 'Lima is ready for level 4.',
  'health.lima.not_installed': 'Lima is not installed.',
  'fix.lima.not_installed':
    'Optional: level 4 (Isolated VM) can use Lima instead of Multipass. Levels 1 to 3 work without it.',
  'fix.lima.not_installed.darwin': 'On a Mac, level 4 (Isolated VM) can use Lima. Install it with Homebrew:',
  'cmd.lima.not_installed.darwin': 'brew install lima',
  'health.lima.unsupported_platform':
    'Lima does not run on this operating system; level 4 uses Multipass here instead.',

  'health.nvidia.ok': 'An NVIDIA graphics card is ready: models can run on it.',
  'health.nvidia.not_installed': 'No NVIDIA GPU found; models will run on the CPU.',
  'fix.nvidia.not_installed.linux':
    'If this machine has an NVIDIA graphics card, install its driver (it brings nvidia-smi), then check again.',
  'fix.nvidia.not_installed.win32':
    'If this machine has an NVIDIA graphics card, install its driver from nvidia.com, then check again.',
  'health.nvidia.no_gpu': 'No NVIDIA GPU found; models will run on the CPU.',
  'fix.nvidia.no_gpu':
    'The NVIDIA tools are installed but see no graphics card. If one is fitted, check that its driver is loaded, then check again.',

  'health.engine.ok': 'The built-in engine is ready: you can chat without Docker.',
  'health.engine.not_installed': 'The built-in engine is not installed yet.',
  'fix.engine.not_installed':
    'It lets you chat without Docker, straight on this machine, and arrives with the model runtimes.',

  // Security view: the level slider, what each level sets up, and the live verification.
  'security.levels': 'Security level',
  'security.levels.hint': 'Each level includes everything below it. Use the arrow keys to move.',
  'security.level': 'Level {level}',
  'security.levelName': 'Level {level}, {name}',
  'security.inForce': 'In force',
  'security.needsVm': 'Needs a VM backend',
  'level.1.name': 'Contained',
  'level.2.name': 'Limited',
  'level.3.name': 'Offline',
  'level.4.name': 'Isolated VM',
  'level.1.setup':
    'The model runtime runs in a Docker container. Models live in a named volume; no folder of this machine is shared with it, and never the Docker socket. Its API is published on 127.0.0.1 only.',
  'level.2.setup':
    'Everything in level 1, plus hard memory, CPU and process-count limits, a read-only root filesystem with a scratch /tmp, a non-root user, all Linux capabilities dropped and no-new-privileges.',
  'level.3.setup':
    'Everything in level 2, plus the container gets no network at all, so it has no route out. Airlock still reaches it from this machine only, through Docker itself.',
  'level.4.setup':
    'The runtime moves into a virtual machine with its own kernel (Multipass, or Lima on macOS), with level 3’s rules inside it.',
  'level.1.tradeoff':
    'The least friction: models download and run as usual. A runtime bug or a malicious model file can use all memory and CPU, and reach the internet.',
  'level.2.tradeoff':
    'Limits can make big models fail to load: if one does, raise the memory limit in the advanced settings. Runtimes that write outside their model volume and /tmp stop working.',
  'level.3.tradeoff':
    'No downloads from inside: models come in by import, not pulls, and anything the runtime fetches from the internet stops working.',
  'level.4.tradeoff':
    'No GPU passthrough: models run on the CPU, much slower. Airlock cannot drive a VM backend yet, so this level cannot be applied.',
  'security.whatItSetsUp': 'What Airlock sets up',
  'security.answers': 'Threats it answers',
  'security.leavesOpen': 'Threats it leaves open',
  'security.leavesOpenNone': 'None of the sandbox threats: this is the strongest level.',
  'security.answeredFrom': 'from level {level}',
  'security.tradeoffs': 'Trade-offs',
  'security.switching': 'What switching does',
  'security.switchHow':
    'Airlock builds the new sandbox beside the current one, verifies it, then moves over; if anything fails the current one stays. Models and chats survive the switch.',
  'security.vmUnavailable':
    'Level 4 needs a VM backend, which Airlock cannot drive yet. Pick level 1, 2 or 3 to apply.',

  'threat.host_files': 'Model reads your files',
  'threat.network_exposure': 'Network exposure of the model API',
  'threat.resource_exhaustion': 'Model eats all RAM or CPU, fork bombs',
  'threat.runtime_exploit': 'Malicious model weights or runtime exploit',
  'threat.phone_home': 'Model phones home',
  'threat.container_escape': 'Container escape',
  'threat.host_files.control': 'Named volume, no bind mounts, no socket mounts',
  'threat.network_exposure.control': 'Published on loopback only; exposure guard; firewall rules',
  'threat.resource_exhaustion.control': 'Memory, CPU and process-count limits',
  'threat.runtime_exploit.control':
    'Non-root, read-only root filesystem, capabilities dropped, no-new-privileges; file scanning at import',
  'threat.phone_home.control': 'No network at all, no way out',
  'threat.container_escape.control': 'A virtual machine with its own kernel',

  'security.apply': 'Apply level {level}',
  'security.apply.noDocker': 'Docker is not ready, so no level can be applied yet.',
  'security.applyCurrent': 'Level {level} is in force',
  'security.confirm.title': 'Switch to level {level}, {name}?',
  'security.confirm.from': 'From level {from}, {fromName}, to level {to}, {toName}.',
  'security.confirm.first': 'Airlock will start the sandbox at level {to}, {toName}.',
  'security.confirm.changes': 'Also changes: {changes}.',
  'security.confirm.yes': 'Switch now',
  'security.confirm.cancel': 'Cancel',
  'security.change.memoryMb': 'memory limit to {value}',
  'security.change.cpus': 'CPU limit to {value}',
  'security.change.gpu.on': 'give the runtime the GPU',
  'security.change.gpu.off': 'take the GPU away',
  'security.change.port': 'address port to {value}',
  'security.change.image': 'runtime image to {value}',

  'security.progress.title': 'Switching to level {level}',
  'security.progress.titleUnknown': 'Switching level',
  'security.progress.finished': 'How the switch to level {level} went',
  'security.progress.label': 'Switch progress',
  'security.progress.rollingBack': 'Putting the previous sandbox back…',
  'security.progress.rolledBack': 'The previous sandbox is back.',
  'security.progress.rollbackFailed': 'Airlock could not put the previous sandbox back.',
  'step.prepare': 'Prepare the image and settings',
  'step.create': 'Build the new sandbox beside the current one',
  'step.start': 'Start the new sandbox',
  'step.ready': 'Wait for the runtime to answer',
  'step.verify': 'Verify each protection',
  'step.move': 'Move the address over',
  'step.remove_old': 'Remove the old sandbox',
  'stepState.pending': 'Waiting',
  'stepState.running': 'Running',
  'stepState.done': 'Done',
  'stepState.failed': 'Failed',
  'stepState.skipped': 'Not run',

  'security.outcome.switched': 'Level {level} is in force, checked against the running sandbox.',
  'security.outcome.rolledBack.title': 'The switch to level {level} did not complete',
  'security.outcome.rolledBack.step': 'It failed at “{step}”.',
  'security.outcome.rolledBack.kept':
    'Nothing changed: the previous sandbox is still running at level {level}, {name}, and still serves models.',
  'security.outcome.rolledBack.keptSome': 'Nothing changed: whatever ran before the switch runs as it did.',
  'security.outcome.failed.title': 'The switch to level {level} failed',
  'security.outcome.failed.hint':
    'Airlock could not put the previous sandbox back either. The summary below shows what runs now; Start brings the saved level back.',
  'security.outcome.dismiss': 'Dismiss',

  'security.verify.title': 'Protections, checked live',
  'security.verify.lead':
    'Each row is checked against the running sandbox by inspection and live probes, not read from the settings.',
  'security.verify.now': 'Verify now',
  'security.verify.running': 'Checking the running sandbox…',
  'security.verify.checkedAt': 'Checked at {time}, level {level}',
  'security.verify.none': 'Not checked yet. Verify now checks the running sandbox.',
  'security.verify.checks': 'Checks ({count})',
  'verify.verified': 'Verified',
  'verify.failed': 'Failed',
  'verify.not_covered': 'Not covered at this level',
  'verify.not_covered.short': 'Not covered',

  'security.summary.title': 'Running sandbox',
  'security.summary.state': 'State',
  'security.summary.level': 'Level',
  'security.summary.image': 'Image',
  'security.summary.imageId': 'Image digest',
  'security.summary.container': 'Container',
  'security.summary.memory': 'Memory limit',
  'security.summary.cpus': 'CPU limit',
  'security.summary.pids': 'Process limit',
  'security.summary.endpoint': 'Address',
  'security.summary.engine': 'Engine',
  'security.summary.noLimit': 'No limit',
  'security.summary.cpuOne': '1 CPU',
  'security.summary.cpuCount': '{count} CPUs',
  'security.summary.pidsCount': '{count} processes',
  'security.summary.notServed': 'Not served',
  'security.summary.noContainer': 'No sandbox is running yet. Apply a level to start one.',
  'state.none': 'Not set up',
  'state.running': 'Running',
  'state.stopped': 'Stopped',
  'state.switching': 'Switching',
  'state.unavailable': 'Unavailable',
  'security.stop': 'Stop',
  'security.start': 'Start',
  'security.stopped': 'The sandbox stopped. Its models stay in their volume.',
  'security.started': 'The sandbox is running again.',
  'unit.bytes': '{value} B',
  'unit.kib': '{value} KiB',
  'unit.mib': '{value} MiB',
  'unit.gib': '{value} GiB',

  'security.advanced': 'Advanced settings',
  'security.advanced.hint':
    'Used by the next switch. Memory and CPU limits apply at level 2 and up; leave a field as it is to keep it.',
  'security.field.memoryMb': 'Memory limit (MiB)',
  'security.field.cpus': 'CPU limit',
  'security.field.port': 'Address port on 127.0.0.1',
  'security.field.gpu': 'Give the runtime the NVIDIA GPU',
  'security.field.gpuHint': 'Needs an NVIDIA graphics card (see Setup).',
  'security.invalid.memoryMb': 'Enter whole MiB from 256 to 1048576.',
  'security.invalid.cpus': 'Enter a number of CPUs from 0.1 to 256.',
  'security.invalid.port': 'Enter a port from 1024 to 65535.',
  'security.invalid.summary': 'Fix the advanced settings first.',

  ...enImages,
  ...enChat,
  ...enModels,
  ...enChatAnswer,
  ...enChatHistory,
  ...enSetupStart,

  'security.logs': 'Logs',
  'security.logs.title': 'Runtime logs',
  'security.logs.lead': 'The last {count} lines the runtime printed, newest last.',
  'security.logs.empty': 'The runtime has not printed anything yet.',
  'security.logs.loading': 'Loading the logs…',
  'security.logs.refresh': 'Refresh',
  'security.logs.close': 'Close',

  'security.loadFailed': 'Airlock could not read the sandbox',
  'security.unavailable.title': 'Models cannot run in a sandbox yet',
  'security.unavailable.body':
    'Airlock runs models inside Docker, and Docker is not ready on this machine, so there is no sandbox to lock down.',
  'security.unavailable.why': 'What Airlock found: {message}',
  'security.unavailable.action': 'Open Setup to fix Docker',
} as const;

export type MessageKey = keyof typeof en;
/** The shape every translation file must have: the same keys, any wording. */
export type Messages = Record<MessageKey, string>;
