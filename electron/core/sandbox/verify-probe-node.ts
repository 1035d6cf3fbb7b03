// The live probe for runtime images that have Node but no shell (Airlock's
// own engine image): the same checks as verify-probe.ts's shell script, in
// the same `key=value` lines, so the row builders read both alike. Canaries
// arrive as arguments, never spliced into the script.
export const nodeProbeScript = `
const fs = require('fs'), net = require('net'), dns = require('dns'), cp = require('child_process');
const out = [];
const say = (k, v) => out.push(k + '=' + String(v).replace(/\\s+/g, ' ').trim());
const read = (p) => { try { return fs.readFileSync(p, 'utf8'); } catch { return undefined; } };
const msg = (e) => (e && e.message) || String(e);
say('probe', 1);
say('probe_uid', process.getuid());
const status = read('/proc/1/status') || '';
for (const k of ['Uid', 'CapEff', 'CapBnd', 'NoNewPrivs', 'Seccomp']) {
  const line = status.split('\\n').find((l) => l.startsWith(k + ':'));
  say('pid1_' + k, line ? line.slice(k.length + 1) : '');
}
let sock = 'none';
for (const p of ['/var/run/docker.sock', '/run/docker.sock']) if (fs.existsSync(p)) sock = p;
say('docker_sock', sock);
for (const l of (read('/proc/self/mounts') || '').split('\\n')) {
  const f = l.split(' ');
  if (f[1] === '/') say('rootfs_opts', (f[3] || '').split(',')[0]);
}
const etc = '/etc/.airlock-verify-' + process.pid;
try { fs.writeFileSync(etc, ''); fs.rmSync(etc); say('etc_write', 'ok'); } catch (e) { say('etc_write', 'refused: ' + msg(e)); }
const d = '/tmp/.airlock-verify-' + process.pid;
try {
  fs.mkdirSync(d);
  say('tmp_write', 'ok');
  try {
    fs.writeFileSync(d + '/true', '#!' + process.execPath + '\\n', { mode: 0o755 });
    const r = cp.spawnSync(d + '/true', [], { timeout: 3000 });
    if (r.error) say('tmp_exec', 'refused 126: ' + msg(r.error));
    else if (r.status === 0) say('tmp_exec', 'ran ' + process.execPath);
    else say('tmp_exec', 'refused ' + r.status + ': ' + String(r.stderr));
  } catch { say('tmp_exec', 'no_binary'); }
  fs.rmSync(d, { recursive: true, force: true });
} catch (e) { say('tmp_write', 'refused: ' + msg(e)); }
const c = '/sys/fs/cgroup';
const first = (p) => (read(p) || '').trim();
if (fs.existsSync(c + '/memory/memory.limit_in_bytes')) {
  say('cgroup', 'v1');
  say('cg_memory', first(c + '/memory/memory.limit_in_bytes'));
  say('cg_pids', first(c + '/pids/pids.max'));
  say('cg_cpu', first(c + '/cpu/cpu.cfs_quota_us') + ' ' + first(c + '/cpu/cpu.cfs_period_us'));
} else if (fs.existsSync(c + '/cgroup.controllers')) {
  say('cgroup', 'v2');
  say('cg_memory', first(c + '/memory.max'));
  say('cg_pids', first(c + '/pids.max'));
  say('cg_cpu', first(c + '/cpu.max'));
} else say('cgroup', 'none');
const ifs = (read('/proc/net/dev') || '').split('\\n').slice(2).filter((l) => l.includes(':')).map((l) => l.split(':')[0].trim());
say('net_ifaces', ifs.join(','));
let routes = 0;
for (const l of (read('/proc/net/route') || '').split('\\n').slice(1)) { const dev = l.split(/\\s+/)[0]; if (dev && dev !== 'lo') routes++; }
for (const l of (read('/proc/net/ipv6_route') || '').split('\\n')) { const f = l.trim().split(/\\s+/); if (f.length >= 10 && f[9] !== 'lo') routes++; }
say('net_routes', routes);
const within = (p) => Promise.race([p, new Promise((_, no) => setTimeout(() => no(new Error('timed out')), 1000))]);
const dnsCheck = ifs.join(',') !== 'lo'
  ? Promise.resolve(say('dns', 'skipped'))
  : within(dns.promises.lookup('example.com')).then((a) => say('dns', 'resolved: ' + a.address), (e) => say('dns', 'failed: ' + msg(e)));
const args = process.argv.slice(1);
const canaries = [];
for (let i = 0, k = 0; i + 1 < args.length; i += 2, k++) {
  const key = 'canary_' + k, host = args[i], port = Number(args[i + 1]);
  canaries.push(new Promise((done) => {
    const s = net.connect({ host, port });
    const end = (v) => { s.destroy(); say(key, v); done(); };
    s.setTimeout(1000, () => end('blocked: timed out'));
    s.once('connect', () => end('reached'));
    s.once('error', (e) => end('blocked: ' + msg(e)));
  }));
}
Promise.all([dnsCheck, ...canaries]).then(() => {
  say('kernel', first('/proc/sys/kernel/osrelease'));
  say('probe_end', 1);
  process.stdout.write(out.join('\\n') + '\\n');
});
`;
