// Running a command inside a container through the Docker API: probes that
// capture output, and raw byte pipes for the level-3 relay. Nothing here
// opens a network path into the sandbox; it all rides the engine's socket.
import type Dockerode from 'dockerode';
import { Duplex, PassThrough } from 'node:stream';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  timeoutMs?: number;
  /** Run as this user instead of the container's. */
  user?: string;
}

/** Runs `cmd` inside the container and collects its output; a hang past the timeout rejects. */
export async function execCapture(
  docker: Dockerode,
  containerId: string,
  cmd: string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: cmd,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    ...(options.user ? { User: options.user } : {}),
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout = collect();
  const stderr = collect();
  docker.modem.demuxStream(stream, stdout.sink, stderr.sink);
  const timeoutMs = options.timeoutMs ?? 15_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stream.destroy();
      reject(new Error(`the command did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    stream.on('end', () => {
      clearTimeout(timer);
      resolve();
    });
    stream.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
    stream.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const info = await exec.inspect();
  return { exitCode: info.ExitCode ?? -1, stdout: stdout.text(), stderr: stderr.text() };
}

function collect(): { sink: PassThrough; text: () => string } {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * The relay command: the image's own `nc`, or bash's /dev/tcp where there is
 * no nc (the Ollama image is Ubuntu with bash and coreutils, but no nc).
 */
export function relayCommand(port: number): string[] {
  const target = `127.0.0.1 ${port}`;
  const viaBash = `exec 3<>/dev/tcp/127.0.0.1/${port}; cat <&3 & exec cat >&3`;
  return [
    'sh',
    '-c',
    `if command -v nc >/dev/null 2>&1; then exec nc ${target}; fi; exec bash -c '${viaBash}'`,
  ];
}

/**
 * The relay for an image with Node and no shell (Airlock's engine image):
 * stdin to the port, the port to stdout, and exit when either side closes.
 */
export function nodeRelayCommand(port: number): string[] {
  const script =
    "const s=require('net').connect(+process.argv[1],'127.0.0.1');" +
    "process.stdin.pipe(s);s.pipe(process.stdout);s.on('error',()=>process.exit(1));s.on('close',()=>process.exit(0))";
  return ['node', '-e', script, String(port)];
}

export type RelayKind = 'shell' | 'node';

/**
 * Opens a byte pipe to `port` on the container's loopback: what is written
 * goes to the runtime, what it answers comes out. One exec per pipe; callers
 * keep pipes open and reuse them (HTTP keep-alive) rather than one per request.
 */
export async function execPipe(
  docker: Dockerode,
  containerId: string,
  port: number,
  relay: RelayKind = 'shell',
): Promise<Duplex> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: relay === 'node' ? nodeRelayCommand(port) : relayCommand(port),
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
  });
  const stream = await exec.start({ hijack: true, stdin: true });
  const output = new PassThrough();
  const errors = new PassThrough();
  errors.resume();
  docker.modem.demuxStream(stream, output, errors);
  stream.on('end', () => output.end());
  stream.on('close', () => output.end());

  // One duplex for the caller: writes go to the exec's stdin, reads come from its demuxed stdout.
  const pipe = new Duplex({
    write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
      stream.write(chunk, callback);
    },
    final(callback: (error?: Error | null) => void) {
      stream.end();
      callback();
    },
    read() {
      output.resume();
    },
    destroy(error: Error | null, callback: (error?: Error | null) => void) {
      stream.destroy();
      callback(error);
    },
  });
  output.on('data', (chunk: Buffer) => {
    if (!pipe.push(chunk)) output.pause();
  });
  output.on('end', () => pipe.push(null));
  stream.on('error', (error) => pipe.destroy(error));
  return pipe;
}
