import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDocker } from './docker-connect';
import { discoverEngine } from './engine-discovery';
import { engineVersionAdvice, identifyEngine, parseEngineVersion } from './engine-identity';

describe('engine version advice (CT-02)', () => {
  it('warns on Linux below Docker Engine 28.0 and not from 28.0.0', () => {
    expect(engineVersionAdvice('27.5.1', 'linux')).toMatch(/older than 28\.0.*moby#45610/);
    expect(engineVersionAdvice('20.10.24+dfsg1', 'linux')).toMatch(
      /^Docker Engine 20\.10\.24\+dfsg1 is older/,
    );
    expect(engineVersionAdvice('28.0.0', 'linux')).toBeUndefined();
    expect(engineVersionAdvice('28.3.2', 'linux')).toBeUndefined();
    expect(engineVersionAdvice('29.0.0-rc.1', 'linux')).toBeUndefined();
  });

  it('stays quiet where the engine runs in a VM, and for Podman', () => {
    expect(engineVersionAdvice('27.5.1', 'darwin')).toBeUndefined();
    expect(engineVersionAdvice('27.5.1', 'win32')).toBeUndefined();
    expect(engineVersionAdvice('5.2.2', 'linux', 'Podman')).toBeUndefined();
  });

  it('warns when it cannot read the version rather than assuming it is fine', () => {
    expect(engineVersionAdvice('dev', 'linux')).toMatch(/cannot read/);
    expect(parseEngineVersion('v27.5')).toEqual([27, 5, 0]);
    expect(parseEngineVersion('garbage')).toBeUndefined();
  });
});

describe('connecting', () => {
  it('refuses a TLS endpoint whose certificates cannot be read, before any network call', () => {
    const endpoint = {
      kind: 'tls',
      host: 'box',
      port: 2376,
      certPath: '/nonexistent/airlock',
      source: 'a test',
    } as const;
    expect(() => connectDocker(endpoint)).toThrow(
      /cannot read \/nonexistent\/airlock\/ca\.pem, which a test needs for TLS/,
    );
  });
});

describe('identifying the engine', () => {
  it('says Docker Engine for the real engine here, and the advice fires for its version', async () => {
    const found = discoverEngine();
    if (!found.ok) throw new Error(found.message);
    const engine = await identifyEngine(connectDocker(found.endpoint, 5000));
    expect(engine).toMatchObject({ product: 'Docker Engine', os: 'linux' });
    expect(engine.apiVersion).toMatch(/^1\.\d+$/);
    // This machine runs Debian's docker.io 20.10 (FACTS.md): older than 28.0.
    expect(engine.version).toMatch(/^20\./);
    expect(engineVersionAdvice(engine.version, 'linux', engine.product)).toMatch(/older than 28\.0/);
  });

  describe('Podman (a local server answering with the shape of Podman 5 /version)', () => {
    let dir: string;
    let server: Server;
    let socketPath: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'airlock-podman-'));
      socketPath = join(dir, 'podman.sock');
      // Field names as podman's compat handler writes them (pkg/api/handlers/compat/version.go).
      const body = JSON.stringify({
        Platform: { Name: 'linux/amd64/fedora-40' },
        Components: [
          {
            Name: 'Podman Engine',
            Version: '5.2.2',
            Details: { APIVersion: '5.2.2', MinAPIVersion: '4.0.0' },
          },
          { Name: 'Conmon', Version: 'conmon version 2.1.12', Details: {} },
        ],
        Version: '5.2.2',
        ApiVersion: '1.41',
        MinAPIVersion: '1.24',
        Os: 'linux',
        Arch: 'amd64',
      });
      server = createServer((req, res) => {
        res.writeHead(req.url?.endsWith('/version') ? 200 : 404, { 'content-type': 'application/json' });
        res.end(req.url?.endsWith('/version') ? body : '{}');
      });
      await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    it('says Podman with the Podman Engine version', async () => {
      const engine = await identifyEngine(
        connectDocker({ kind: 'socket', path: socketPath, source: 'test' }, 2000),
      );
      expect(engine).toEqual({
        product: 'Podman',
        version: '5.2.2',
        apiVersion: '1.41',
        os: 'linux',
        arch: 'amd64',
        platformName: 'linux/amd64/fedora-40',
      });
    });
  });
});
