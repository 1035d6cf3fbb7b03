// Multipass and Lima: the VM tools level 4 needs. Present means the CLI
// answers with a version.
import type { ComponentHealth } from '../../../shared/contract';
import { ToolError, type ToolRunner } from '../run-tool';
import { toolFailure } from './nvidia-probe';

/** `multipass version` prints "multipass   1.14.1\nmultipassd  1.14.1". */
export function parseMultipassVersion(output: string): string | undefined {
  return /^multipass\s+(\S+)/m.exec(output)?.[1];
}

/** `limactl --version` prints "limactl version 1.0.3". */
export function parseLimaVersion(output: string): string | undefined {
  return /limactl version\s+(\S+)/.exec(output)?.[1];
}

interface VmTool {
  id: 'multipass' | 'lima';
  command: string;
  args: string[];
  parse: (output: string) => string | undefined;
  label: string;
  platforms: NodeJS.Platform[];
}

export const vmTools: VmTool[] = [
  {
    id: 'multipass',
    command: 'multipass',
    args: ['version'],
    parse: parseMultipassVersion,
    label: 'Multipass',
    platforms: ['linux', 'darwin', 'win32'],
  },
  {
    id: 'lima',
    command: 'limactl',
    args: ['--version'],
    parse: parseLimaVersion,
    label: 'Lima',
    platforms: ['linux', 'darwin'],
  },
];

export async function probeVmTool(
  tool: VmTool,
  runTool: ToolRunner,
  timeoutMs: number,
  platform = process.platform,
): Promise<ComponentHealth> {
  if (!tool.platforms.includes(platform)) {
    return {
      id: tool.id,
      status: 'missing',
      reason: 'unsupported_platform',
      detail: `${tool.label} does not run on this operating system.`,
    };
  }
  try {
    const { stdout, stderr } = await runTool(tool.command, tool.args, timeoutMs);
    const version = tool.parse(`${stdout}\n${stderr}`);
    return version
      ? { id: tool.id, status: 'ok', reason: 'ok', version, detail: `${tool.label} ${version}.` }
      : {
          id: tool.id,
          status: 'error',
          reason: 'failed',
          detail: `${tool.label} answered, but not with a version Airlock understands.`,
        };
  } catch (error) {
    if (error instanceof ToolError && error.kind === 'not_found') {
      return {
        id: tool.id,
        status: 'missing',
        reason: 'not_installed',
        detail: `${tool.label} is not installed.`,
      };
    }
    return toolFailure(tool.id, error);
  }
}
