// Discovery over real folders: each test writes a fake home with real
// config.json, meta.json and TLS files, and "sockets" as plain files. Only
// paths inside that home count as existing, so this machine's own
// /var/run/docker.sock cannot leak into the fixture cases.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDocker } from './docker-connect';
import { contextDigest } from './docker-context';
import { discoverEngine, systemDiscoveryEnv, type DiscoveryEnv } from './engine-discovery';
import { identifyEngine } from './engine-identity';

let root: string;
let home: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'airlock-discovery-'));
  home = join(root, 'home');
  mkdirSync(home);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text = '') => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

const fixtureEnv = (over: Partial<DiscoveryEnv> = {}): DiscoveryEnv => ({
  env: {},
  platform: 'linux',
  home,
  uid: 1000,
  exists: (path) => path.startsWith(root) && existsSync(path),
  readText: (path) => (path.startsWith(root) && existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  ...over,
});

/** A context as `docker context create` stores it. */
function writeContext(name: string, host: string, tls = false) {
  const digest = contextDigest(name);
  write(
    join(home, '.docker/contexts/meta', digest, 'meta.json'),
    JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }),
  );
  if (tls) {
    for (const file of ['ca.pem', 'cert.pem', 'key.pem']) {
      write(join(home, '.docker/contexts/tls', digest, 'docker', file), '-----BEGIN CERTIFICATE-----\n');
    }
  }
}

describe('engine discovery', () => {
  it('keys the context store by sha256 of the name, as the Docker CLI does', () => {
    // sha256("default"), the folder Docker would use for a context named "default".
    expect(contextDigest('default')).toBe('37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f');
  });

  it('uses DOCKER_HOST before any context, and says so', () => {
    writeContext('colima', `unix://${home}/.colima/default/docker.sock`);
    write(join(home, '.docker/config.json'), JSON.stringify({ currentContext: 'colima' }));
    const found = discoverEngine(
      fixtureEnv({ env: { DOCKER_HOST: 'unix:///tmp/x.sock', DOCKER_CONTEXT: 'colima' } }),
    );
    expect(found).toMatchObject({ ok: true, endpoint: { path: '/tmp/x.sock' }, why: 'DOCKER_HOST is set' });
    expect(found.candidates).toEqual([
      { label: 'DOCKER_HOST', address: 'unix:///tmp/x.sock', present: true },
    ]);
  });

  it("follows config.json's currentContext to the context's endpoint", () => {
    const socket = join(home, '.colima/default/docker.sock');
    writeContext('colima', `unix://${socket}`);
    write(join(home, '.docker/config.json'), JSON.stringify({ auths: {}, currentContext: 'colima' }));
    const found = discoverEngine(fixtureEnv());
    expect(found).toMatchObject({
      ok: true,
      endpoint: { kind: 'socket', path: socket, source: "the active Docker context 'colima'" },
      why: "the active Docker context 'colima'",
    });
    expect(found.candidates[1]).toMatchObject({ label: "Docker context 'colima'", present: true });
  });

  it('lets DOCKER_CONTEXT win over config.json, and honours DOCKER_CONFIG', () => {
    const config = join(root, 'elsewhere');
    write(join(config, 'config.json'), JSON.stringify({ currentContext: 'colima' }));
    const digest = contextDigest('desktop-linux');
    write(
      join(config, 'contexts/meta', digest, 'meta.json'),
      JSON.stringify({
        Name: 'desktop-linux',
        Metadata: {},
        Endpoints: { docker: { Host: 'unix:///home/a/.docker/desktop/docker.sock', SkipTLSVerify: false } },
      }),
    );
    const found = discoverEngine(
      fixtureEnv({ env: { DOCKER_CONFIG: config, DOCKER_CONTEXT: 'desktop-linux' } }),
    );
    expect(found).toMatchObject({
      ok: true,
      endpoint: { path: '/home/a/.docker/desktop/docker.sock' },
      why: "the active Docker context 'desktop-linux' (DOCKER_CONTEXT is set)",
    });
  });

  it('treats the default context as no override', () => {
    write(join(home, '.docker/config.json'), JSON.stringify({ currentContext: 'default' }));
    write(join(home, '.rd/docker.sock'));
    expect(discoverEngine(fixtureEnv())).toMatchObject({
      ok: true,
      why: 'the first socket found: Rancher Desktop',
    });
    expect(discoverEngine(fixtureEnv({ env: { DOCKER_CONTEXT: 'default' } }))).toMatchObject({
      endpoint: { path: join(home, '.rd/docker.sock') },
    });
  });

  it('refuses a tcp:// context without TLS material, with the DOCKER_HOST sentence', () => {
    writeContext('lab', 'tcp://192.168.1.9:2375');
    const found = discoverEngine(fixtureEnv({ env: { DOCKER_CONTEXT: 'lab' } }));
    expect(found).toMatchObject({ ok: false, reason: 'insecure_endpoint' });
    expect(!found.ok && found.message).toMatch(
      /^The active Docker context 'lab' points at 192\.168\.1\.9:2375 over plain TCP without TLS\. Anyone who can reach it controls that machine, so Airlock will not use it\./,
    );
  });

  it('accepts a tcp:// context whose TLS folder has ca, cert and key', () => {
    writeContext('secure', 'tcp://build.example.test:2376', true);
    expect(discoverEngine(fixtureEnv({ env: { DOCKER_CONTEXT: 'secure' } }))).toMatchObject({
      ok: true,
      endpoint: {
        kind: 'tls',
        host: 'build.example.test',
        port: 2376,
        certPath: join(home, '.docker/contexts/tls', contextDigest('secure'), 'docker'),
      },
    });
  });

  it('says so when the active context is not defined, or its file is damaged', () => {
    write(join(home, '.docker/config.json'), JSON.stringify({ currentContext: 'gone' }));
    const missing = discoverEngine(fixtureEnv());
    expect(missing).toMatchObject({ ok: false, reason: 'failed' });
    expect(!missing.ok && missing.message).toMatch(
      /^The active Docker context 'gone' is not defined on this machine/,
    );
    write(join(home, '.docker/contexts/meta', contextDigest('gone'), 'meta.json'), '{not json');
    const damaged = discoverEngine(fixtureEnv());
    expect(!damaged.ok && damaged.message).toMatch(
      /^The active Docker context 'gone' has a damaged definition/,
    );
  });

  it('ignores an unreadable config.json, as the Docker CLI only warns', () => {
    write(join(home, '.docker/config.json'), '{"currentContext": ');
    write(join(home, '.colima/docker.sock'));
    expect(discoverEngine(fixtureEnv())).toMatchObject({ ok: true, why: 'the first socket found: Colima' });
  });

  it('finds rootless Podman in XDG_RUNTIME_DIR and lists every socket it checked', () => {
    const runtime = join(root, 'run-user');
    write(join(runtime, 'podman/podman.sock'));
    const found = discoverEngine(fixtureEnv({ env: { XDG_RUNTIME_DIR: runtime } }));
    expect(found).toMatchObject({
      ok: true,
      endpoint: { kind: 'socket', path: join(runtime, 'podman/podman.sock') },
      why: 'the first socket found: Podman (rootless)',
    });
    expect(found.candidates.map((c) => c.label)).toEqual([
      'DOCKER_HOST',
      'Docker Engine',
      'Docker Desktop',
      'Rancher Desktop',
      'Colima',
      'Colima',
      'Podman (rootless)',
      'Podman (rootful)',
    ]);
    expect(found.candidates.filter((c) => c.present).map((c) => c.label)).toEqual(['Podman (rootless)']);
  });

  it('uses /run/user/<uid> for rootless Podman when XDG_RUNTIME_DIR is unset', () => {
    const found = discoverEngine(fixtureEnv({ uid: 4242 }));
    expect(found.candidates).toContainEqual({
      label: 'Podman (rootless)',
      address: '/run/user/4242/podman/podman.sock',
      present: false,
    });
  });

  it('knows the macOS and Windows places', () => {
    write(join(home, '.docker/run/docker.sock'));
    expect(discoverEngine(fixtureEnv({ platform: 'darwin' }))).toMatchObject({
      why: 'the first socket found: Docker Desktop',
      endpoint: { path: join(home, '.docker/run/docker.sock') },
    });
    const tmp = join(root, 'T');
    write(join(tmp, 'podman/podman-machine-default-api.sock'));
    rmSync(join(home, '.docker/run/docker.sock'));
    expect(discoverEngine(fixtureEnv({ platform: 'darwin', env: { TMPDIR: tmp } }))).toMatchObject({
      why: 'the first socket found: Podman (machine)',
    });
    const windows = discoverEngine(fixtureEnv({ platform: 'win32' }));
    expect(windows.candidates.map((c) => c.address)).toEqual([
      '',
      '//./pipe/docker_engine',
      '//./pipe/podman-machine-default',
    ]);
  });

  it('falls back to the usual socket when none exists, and says that', () => {
    expect(discoverEngine(fixtureEnv())).toMatchObject({
      ok: true,
      endpoint: { path: '/var/run/docker.sock' },
      why: 'no engine socket was found, so Airlock tries the usual one: Docker Engine',
    });
  });
});

describe('engine discovery on this machine (real engine)', () => {
  it('finds the engine this machine runs and it answers', async () => {
    const found = discoverEngine(systemDiscoveryEnv());
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    const engine = await identifyEngine(connectDocker(found.endpoint, 5000));
    expect(engine.product).toBe('Docker Engine');
    expect(engine.version).toMatch(/^\d+\.\d+/);
  });
});
