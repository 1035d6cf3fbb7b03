// The CLI against a real running `serve` and in-process, through the built
// binaries exactly as a script on a headless box would use them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, calls, type CallName } from '../../shared/contract';
import { buildDemoModel } from '../core/engines/demo-model';
import { encodeGguf } from '../core/engines/gguf-write';

const root = join(import.meta.dirname, '..', '..');
const serveBin = join(root, 'dist/serve/index.cjs');
const cliBin = join(root, 'dist/cli/index.cjs');
const dataDir = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
const env = { ...process.env, AIRLOCK_DATA: dataDir };
let serve: ChildProcess;
let serveLine = '';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [cliBin, ...args], { env, encoding: 'utf8', timeout: 20_000 });

beforeAll(async () => {
  if (!existsSync(serveBin) || !existsSync(cliBin))
    throw new Error('Build first: npm run build (npm test does this).');
  serve = spawn(process.execPath, [serveBin, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  serveLine = await new Promise<string>((resolve, reject) => {
    let out = '';
    serve.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    serve.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}`)));
  });
});

afterAll(() => {
  serve?.kill('SIGTERM');
});

describe('serve entry', () => {
  it('prints one line with the URL and the token in the fragment, and a 0600 serve file', () => {
    expect(serveLine).toMatch(/^Airlock serving at http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dataDir, 'serve.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a non-loopback bind without the flag, with a sentence and exit 2', () => {
    const run = spawnSync(process.execPath, [serveBin, '--host', '0.0.0.0'], {
      env,
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Refusing to listen on 0\.0\.0\.0/);
    expect(run.stdout).toBe('');
  });
});

describe('airlock CLI', () => {
  // Calls that answer `{}` on a fresh data folder; the rest need input or a sandbox and get a typed error.
  // models.list starts the built-in engine (no sandbox serves this fresh folder); models.demo writes the demo model.
  const answerEmpty = [
    'app.info',
    'app.health',
    'app.ping',
    'sandbox.status',
    'chat.stop',
    'models.list',
    'models.demo',
    'models.inventory',
    'models.verify',
    'chat.conversations',
  ];
  // With `{}` these start real work (a level-2 sandbox), not a quick answer: tested where they live.
  const startsWork = ['setup.startSafeChat'];
  for (const mode of ['serve', 'local'] as const) {
    for (const call of callNames.filter(
      (name) => !answerEmpty.includes(name) && !startsWork.includes(name),
    )) {
      it(`answers ${call} {} with a typed error ${mode === 'local' ? 'in-process' : 'through serve'}`, () => {
        const run = cli(call, '{}', '--json', ...(mode === 'local' ? ['--local'] : []));
        expect(run.status).toBe(1);
        const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
        expect(['invalid_input', 'not_found']).toContain(error.code);
        expect(error.message).toMatch(/^[A-Z].*\.$/);
      });
    }
    for (const call of answerEmpty) {
      it(`round-trips ${call} ${mode === 'local' ? 'in-process' : 'through serve'}`, () => {
        const run = cli(call, '{}', '--json', ...(mode === 'local' ? ['--local'] : []));
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const value: unknown = JSON.parse(run.stdout);
        expect(calls[call as CallName].output.safeParse(value).success).toBe(true);
        if (call === 'app.info')
          expect(value).toMatchObject({ carrier: mode === 'local' ? 'local' : 'serve' });
      });
    }
  }

  it('streams a chat answer from the demo model through serve, then says how it ended', () => {
    expect(cli('models.demo').status).toBe(0);
    const run = spawnSync(process.execPath, [cliBin, 'chat.send', '{"text":"hello"}'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('-- answered by airlock-demo:latest');
    expect(lines.slice(0, -1).join('\n').trim().length).toBeGreaterThan(0);
  }, 70_000);

  it('imports a model through serve: progress lines, then what was imported; a wrong hash names both', () => {
    const bytes = encodeGguf(buildDemoModel(11));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = join(mkdtempSync(join(tmpdir(), 'airlock-cli-model-')), 'cli-tiny.gguf');
    writeFileSync(path, bytes);
    const wrong = cli('models.import', JSON.stringify({ path, sha256: '0'.repeat(64) }));
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain(`expected ${'0'.repeat(64)}, found ${sha256}`);
    expect(wrong.stdout).toContain('(DIGEST_MISMATCH)');

    const run = cli('models.import', JSON.stringify({ path, sha256 }));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^copying and hashing /);
    expect(lines).toContain(`   sha256 ${sha256}`);
    expect(lines.find((l) => l.startsWith('-- imported'))).toMatch(
      /^-- imported cli-tiny:latest \(gguf, llama, /,
    );
    const listed = JSON.parse(cli('models.inventory', '{}', '--json').stdout) as {
      models: { sha256: string }[];
    };
    expect(listed.models.map((m) => m.sha256)).toContain(sha256);
  }, 30_000);

  it('prints human-readable health by default', () => {
    const run = cli('app.health');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/docker/);
    expect(run.stdout).not.toMatch(/^\{/);
  });

  it('returns the typed error and a non-zero exit on bad input', () => {
    const run = cli('app.ping', '{"note":5}', '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { code: 'invalid_input', message: 'The field `note` must be a string, not a number.' },
    });
    const human = cli('app.ping', '{"note":5}');
    expect(human.status).toBe(1);
    expect(human.stderr.trim()).toBe('The field `note` must be a string, not a number. (invalid_input)');
  });

  it('explains usage mistakes with exit 2', () => {
    expect(cli('app.nope').status).toBe(2);
    expect(cli('app.ping', '{oops').stderr).toMatch(/not valid JSON/);
    expect(cli('--bogus').status).toBe(2);
  });

  it('lists every call and its input fields in --help', () => {
    const run = cli('--help');
    expect(run.status).toBe(0);
    for (const call of callNames) expect(run.stdout).toContain(call);
    expect(run.stdout).toContain('note?: string, at most 200 characters');
  });

  it('says plainly when no serve is running for the data folder', () => {
    const empty = mkdtempSync(join(tmpdir(), 'airlock-empty-'));
    const run = spawnSync(process.execPath, [cliBin, 'app.info', '--data', empty], { encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/No Airlock is running for .*npm run serve.*--local/);
  });
});
