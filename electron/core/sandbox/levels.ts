// PRODUCT.md's level table as data: (level, settings) → a plain runtime spec
// that tests read and the Docker backend applies. Nothing here talks to Docker.
import type { SandboxSettings } from '../../../shared/sandbox-contract';

/** Labels on every object Airlock creates, so it only ever touches its own. */
export const labelKeys = {
  role: 'airlock.role',
  instance: 'airlock.instance',
  level: 'airlock.level',
  image: 'airlock.image',
  operation: 'airlock.operation',
  keep: 'airlock.keep',
} as const;

export type SandboxRole = 'runtime' | 'probe' | 'prepare';

/** How a runtime image is run: its API port inside, where models live, how health is checked. */
export interface RuntimeProfile {
  containerPort: number;
  modelDir: string;
  env: string[];
  healthcheck: string[];
  /** The command that hands the model volume to the sandbox user, run from this image as root. */
  chown: (user: string, dir: string) => string[];
  /** Renames a file inside the volume (a finished model transfer), run from this image. */
  move: (from: string, to: string) => string[];
  /** Removes a file inside the volume (an unfinished transfer), run from this image. */
  remove: (path: string) => string[];
}

/** Airlock's own engine image (engines/image): Node and no shell, so its commands are Node one-liners. */
export const engineImagePattern = /^airlock-engine(?:-[a-z0-9-]+)?:[A-Za-z0-9._-]+$/;

const nodeChown =
  "const f=require('fs'),p=require('path'),[u,g]=process.argv[1].split(':').map(Number);" +
  'const w=(d)=>{f.lchownSync(d,u,g);if(f.lstatSync(d).isDirectory())for(const n of f.readdirSync(d))w(p.join(d,n))};w(process.argv[2])';

/** The uid:gid the runtime runs as from level 2 (CT-07: anything but root). */
export const sandboxUser = '10001:10001';
/** Enough for Ollama's runner threads, far below a fork bomb's reach (CT-06). */
export const sandboxPidsLimit = 512;
/** docker-bench checks shares, not NanoCpus (CT-06). */
export const sandboxCpuShares = 512;

export function runtimeProfile(image: string): RuntimeProfile {
  const base = {
    containerPort: 11434,
    modelDir: '/models',
    chown: (user: string, dir: string) => ['chown', '-R', user, dir],
    move: (from: string, to: string) => ['mv', '-f', from, to],
    remove: (path: string) => ['rm', '-f', path],
  };
  if (/^(?:docker\.io\/)?ollama\/ollama(?:[:@]|$)/.test(image)) {
    return {
      ...base,
      // Ollama writes its key under $HOME/.ollama on first start (CT-07): keep HOME on the volume.
      env: ['OLLAMA_HOST=0.0.0.0:11434', 'OLLAMA_MODELS=/models/models', 'HOME=/models'],
      healthcheck: ['CMD', '/bin/ollama', '--version'],
    };
  }
  if (engineImagePattern.test(image)) {
    return {
      ...base,
      // node-llama-cpp keeps nothing worth keeping in HOME: the tmpfs, not the model volume.
      env: ['HOME=/tmp'],
      healthcheck: [
        'CMD',
        'node',
        '-e',
        "fetch('http://127.0.0.1:11434/api/version').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))",
      ],
      chown: (user, dir) => ['node', '-e', nodeChown, user, dir],
      move: (from, to) => ['node', '-e', "require('fs').renameSync(...process.argv.slice(1))", from, to],
      remove: (path) => ['node', '-e', "require('fs').rmSync(process.argv[1],{force:true})", path],
    };
  }
  // Any image that answers GET /api/version can be the runtime (the built-in engine, a test stand-in).
  return {
    ...base,
    env: ['HOME=/models'],
    healthcheck: ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:11434/api/version || exit 1'],
  };
}

export interface RuntimeSpec {
  name: string;
  level: 1 | 2 | 3;
  /** The image as the owner named it. */
  imageRef: string;
  /** The image pinned by digest or id, what the container is created from (CT-05). */
  image: string;
  labels: Record<string, string>;
  env: string[];
  /** Undefined: the image's own user (level 1). */
  user?: string;
  containerPort: number;
  /** bridge: published on 127.0.0.1 only (CT-01). none: loopback only, reached through the Docker API. */
  network: 'bridge' | 'none';
  /** Level 1–2: a random high port on 127.0.0.1, never 0.0.0.0. */
  publish?: { hostIp: '127.0.0.1'; hostPort: 0 };
  /** The one mount: the named model volume (CT-04). There is deliberately no field for host paths. */
  volume: { name: string; target: string };
  tmpfs?: Record<string, string>;
  readonlyRootfs: boolean;
  capDrop: string[];
  securityOpt: string[];
  limits?: { memoryBytes: number; nanoCpus: number; cpuShares: number; pidsLimit: number };
  gpu: boolean;
  healthcheck: string[];
}

export interface SpecInput {
  settings: SandboxSettings;
  /** The image resolved to name@sha256 or sha256:id. */
  pinnedImage: string;
  instance: string;
  operationId: string;
}

/** Level 4 runs in a VM; the Docker backend answers levels 1–3. */
export function isContainerLevel(level: number): level is 1 | 2 | 3 {
  return level === 1 || level === 2 || level === 3;
}

export function buildRuntimeSpec({ settings, pinnedImage, instance, operationId }: SpecInput): RuntimeSpec {
  const { level } = settings;
  if (!isContainerLevel(level)) throw new RangeError(`level ${level} is not a container level`);
  const profile = runtimeProfile(settings.image);
  const spec: RuntimeSpec = {
    name: `airlock-${instance}-runtime-${operationId.slice(0, 8)}`,
    level,
    imageRef: settings.image,
    image: pinnedImage,
    labels: {
      [labelKeys.role]: 'runtime',
      [labelKeys.instance]: instance,
      [labelKeys.level]: String(level),
      [labelKeys.image]: settings.image,
      [labelKeys.operation]: operationId,
    },
    env: profile.env,
    containerPort: profile.containerPort,
    network: level >= 3 ? 'none' : 'bridge',
    publish: level >= 3 ? undefined : { hostIp: '127.0.0.1', hostPort: 0 },
    volume: { name: settings.volume, target: profile.modelDir },
    readonlyRootfs: false,
    capDrop: [],
    securityOpt: [],
    gpu: settings.gpu,
    healthcheck: profile.healthcheck,
  };
  if (level === 1) return spec;
  return {
    ...spec,
    user: sandboxUser,
    readonlyRootfs: true,
    tmpfs: { '/tmp': 'rw,noexec,nosuid,nodev,size=256m' },
    capDrop: ['ALL'],
    securityOpt: ['no-new-privileges:true'],
    limits: {
      memoryBytes: settings.memoryMb * 1024 * 1024,
      nanoCpus: Math.round(settings.cpus * 1e9),
      cpuShares: sandboxCpuShares,
      pidsLimit: sandboxPidsLimit,
    },
  };
}
