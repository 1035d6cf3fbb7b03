// Is a Docker-compatible engine answering, which one and which version, and
// if not, why not. Uses the same discovery as the sandbox (one door to the engine).
import type { ComponentHealth } from '../../../shared/contract';
import { connectDocker } from '../sandbox/docker-connect';
import { discoverEngine, type DiscoveryEnv } from '../sandbox/engine-discovery';
import { identifyEngine } from '../sandbox/engine-identity';
import type { ToolRunner } from '../run-tool';

export async function probeDocker(
  runTool: ToolRunner,
  timeoutMs: number,
  discoveryEnv?: DiscoveryEnv,
): Promise<ComponentHealth> {
  const choice = discoverEngine(discoveryEnv);
  if (!choice.ok) return { id: 'docker', status: 'error', reason: choice.reason, detail: choice.message };
  const { endpoint } = choice;
  try {
    const engine = await identifyEngine(connectDocker(endpoint, timeoutMs));
    return {
      id: 'docker',
      status: 'ok',
      reason: 'ok',
      version: engine.version,
      detail: `${engine.product} ${engine.version} (API ${engine.apiVersion}) through ${endpoint.source} (${choice.why}).`,
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      return {
        id: 'docker',
        status: 'error',
        reason: 'permission_denied',
        detail: `Docker is running, but this user may not use ${endpoint.source}.`,
      };
    }
    if (code === 'ENOENT' || code === 'ECONNREFUSED') {
      const installed = await hasDockerCli(runTool, timeoutMs);
      return installed
        ? {
            id: 'docker',
            status: 'missing',
            reason: 'not_running',
            detail: `Docker is installed but not running (nothing answers at ${endpoint.source}).`,
          }
        : {
            id: 'docker',
            status: 'missing',
            reason: 'not_installed',
            detail: 'Docker is not installed on this machine.',
          };
    }
    if (code === 'ETIMEDOUT' || /timeout/i.test(String((error as Error).message))) {
      return {
        id: 'docker',
        status: 'error',
        reason: 'timed_out',
        detail: `Docker did not answer within ${timeoutMs} ms.`,
      };
    }
    return {
      id: 'docker',
      status: 'error',
      reason: 'failed',
      detail: `Docker answered with an error: ${String((error as Error).message).slice(0, 200)}`,
    };
  }
}

async function hasDockerCli(runTool: ToolRunner, timeoutMs: number): Promise<boolean> {
  try {
    await runTool('docker', ['--version'], timeoutMs);
    return true;
  } catch {
    return false;
  }
}
