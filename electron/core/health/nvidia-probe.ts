// Which NVIDIA GPUs nvidia-smi reports. The parser is tested against output
// recorded on a real H100 (fixtures/), since CI machines have no GPU.
import type { ComponentHealth } from '../../../shared/contract';
import { ToolError, type ToolRunner } from '../run-tool';

export const nvidiaQueryArgs = [
  '--query-gpu=name,driver_version,memory.total',
  '--format=csv,noheader,nounits',
];

export type Gpu = NonNullable<ComponentHealth['gpus']>[number];

/** Parses `nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader,nounits`. */
export function parseGpuQuery(csv: string): Gpu[] {
  return csv
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      // GPU names carry no commas in practice; split from the right so one would stay in the name.
      const parts = line.split(',').map((p) => p.trim());
      const memory = Number(parts.pop());
      const driver = parts.pop() ?? '';
      const name = parts.join(', ');
      if (!name || !driver || !Number.isFinite(memory))
        throw new Error(`unexpected nvidia-smi line: ${line}`);
      return { name, driver, memoryMiB: memory };
    });
}

export async function probeNvidia(runTool: ToolRunner, timeoutMs: number): Promise<ComponentHealth> {
  try {
    const { stdout } = await runTool('nvidia-smi', nvidiaQueryArgs, timeoutMs);
    const gpus = parseGpuQuery(stdout);
    if (gpus.length === 0)
      return { id: 'nvidia', status: 'missing', reason: 'no_gpu', detail: 'nvidia-smi found no GPU.' };
    const driver = gpus[0]!.driver;
    return {
      id: 'nvidia',
      status: 'ok',
      reason: 'ok',
      version: driver,
      detail: `${gpus.length} NVIDIA GPU${gpus.length > 1 ? 's' : ''}, driver ${driver}: ${gpus.map((g) => g.name).join('; ')}.`,
      gpus,
    };
  } catch (error) {
    if (error instanceof ToolError && error.kind === 'not_found') {
      return {
        id: 'nvidia',
        status: 'missing',
        reason: 'not_installed',
        detail: 'nvidia-smi is not installed, so no NVIDIA GPU is in use.',
      };
    }
    if (error instanceof ToolError && /No devices were found/i.test(error.output)) {
      return { id: 'nvidia', status: 'missing', reason: 'no_gpu', detail: 'nvidia-smi found no GPU.' };
    }
    return toolFailure('nvidia', error);
  }
}

export function toolFailure(id: ComponentHealth['id'], error: unknown): ComponentHealth {
  if (error instanceof ToolError) {
    const reason =
      error.kind === 'timed_out'
        ? 'timed_out'
        : error.kind === 'permission_denied'
          ? 'permission_denied'
          : 'failed';
    const tail = error.output ? `: ${error.output.split('\n').slice(-2).join(' ').slice(0, 200)}` : '';
    return { id, status: 'error', reason, detail: `${error.message}${tail}` };
  }
  return {
    id,
    status: 'error',
    reason: 'failed',
    detail: String((error as Error)?.message ?? error).slice(0, 200),
  };
}
