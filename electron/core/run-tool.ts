// Runs an external tool with an argument array (never a shell string) and a
// time limit, and says plainly whether it is missing, slow, or failed.
import { execFile } from 'node:child_process';

export type ToolFailure = 'not_found' | 'permission_denied' | 'timed_out' | 'failed';

export class ToolError extends Error {
  constructor(
    readonly kind: ToolFailure,
    message: string,
    readonly output = '',
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

export interface ToolResult {
  stdout: string;
  stderr: string;
}

export type ToolRunner = (command: string, args: readonly string[], timeoutMs: number) => Promise<ToolResult>;

export const runTool: ToolRunner = (command, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, windowsHide: true, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const code = (error as NodeJS.ErrnoException).code;
        const output = `${stdout}${stderr}`.trim().slice(0, 2000);
        if (code === 'ENOENT') return reject(new ToolError('not_found', `${command} is not installed`));
        if (code === 'EACCES') return reject(new ToolError('permission_denied', `${command} may not be run`));
        if (error.killed)
          return reject(new ToolError('timed_out', `${command} gave no answer in ${timeoutMs} ms`));
        reject(new ToolError('failed', `${command} ${args.join(' ')} failed`, output));
      },
    );
  });
