// Is a Docker Engine answering, which version, and if not, why not.
import Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentHealth } from '../../../shared/contract';
import { chooseDockerEndpoint, type DockerEndpoint } from '../sandbox/docker-endpoint';
import type { ToolRunner } from '../run-tool';

export function dockerClient(endpoint: DockerEndpoint, timeoutMs: number): Docker {
  if (endpoint.kind === 'socket') return new Docker({ socketPath: endpoint.path, timeout: timeoutMs });
  const cert = (name: string) => readFileSync(join(endpoint.certPath, name));
  return new Docker({
    host: endpoint.host,
    port: endpoint.port,
    protocol: 'https',
    ca: cert('ca.pem'),
    cert: cert('cert.pem'),
    key: cert('key.pem'),
    timeout: timeoutMs,
  });
}

export async function probeDocker(runTool: ToolRunner, timeoutMs: number): Promise<ComponentHealth> {
  const choice = chooseDockerEndpoint();
  if (!choice.ok) return { id: 'docker', status: 'error', reason: choice.reason, detail: choice.message };
  const { endpoint } = choice;
  try {
    const version = await dockerClient(endpoint, timeoutMs).version();
    return {
      id: 'docker',
      status: 'ok',
      reason: 'ok',
      version: version.Version,
      detail: `Docker Engine ${version.Version} (API ${version.ApiVersion}) through ${endpoint.source}.`,
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
