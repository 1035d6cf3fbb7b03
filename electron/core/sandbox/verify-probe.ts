// The live half of sandbox/verify (CT-10): one exec of one POSIX shell script
// inside the running sandbox, printing `key=value` lines that the row
// builders read. One exec, not one per check, keeps a full verify well inside
// the level switch's 3 s budget (an exec costs ~50-100 ms here).
import type Dockerode from 'dockerode';
import { execCapture, type ExecResult } from './docker-exec';
import { nodeProbeScript } from './verify-probe-node';

/** An address on this machine that the runtime must not reach from level 3 (CT-08, CT-09). */
export interface Canary {
  host: string;
  port: number;
}

export type ProbeOutcome =
  | { ok: true; values: ReadonlyMap<string, string> }
  /** Why no probe value exists, as a sentence every probe-backed check repeats. */
  | { ok: false; reason: string };

export const noShellReason = 'the image has no shell to probe with';

/**
 * Plain sh builtins wherever possible (read, case, redirection), so it runs in
 * busybox ash, dash (Ubuntu, the Ollama image) and bash alike. `set -f`: the
 * unquoted `echo $x` that folds a message onto one line must never glob.
 *
 * Which process do the privilege lines describe? /proc/1/status, PID 1 of the
 * container: docker-init (Init: true) or the runtime itself, started from the
 * container's own process spec, and the runtime inherits from it (capabilities
 * only shrink across exec, NoNewPrivs is inherited). That is what an exploit
 * in the runtime gets. /proc/self/status would describe this probe, whose
 * process spec the engine builds afresh for each exec (`exec --privileged`,
 * `--user` change it), so it could pass while the runtime does not.
 * `id -u` is still the probe's: the exec runs as the container's User, so it
 * is the inspect value seen from inside; the row also checks PID 1's Uid.
 *
 * The DNS lookup runs only when the container has no interface but `lo`:
 * then the query cannot leave it. With a real interface it could reach a
 * resolver outside this machine, so it is not sent and the check says why.
 * Canaries (positional args: host port host port ...) are tried in parallel,
 * each with a 1 s connect timeout (a local address answers in
 * microseconds; only a dropped packet waits it out), with `</dev/null` so the connection closes
 * at once; only the caller's own addresses are ever contacted.
 */
export const probeScript = `
set -f
echo probe=1
one() { echo $*; }
field() { while IFS= read -r l; do case $l in "$2:"*) one "\${l#*:}"; return 0;; esac; done < "$1"; return 1; }
echo probe_uid=$(id -u 2>/dev/null || echo unknown)
for k in Uid CapEff CapBnd NoNewPrivs Seccomp; do echo "pid1_$k=$(field /proc/1/status $k)"; done
sock=none
for p in /var/run/docker.sock /run/docker.sock; do [ -e "$p" ] && sock=$p; done
echo docker_sock=$sock
while read -r dev mnt typ opts rest; do [ "$mnt" = / ] && echo "rootfs_opts=\${opts%%,*}"; done < /proc/self/mounts
f=/etc/.airlock-verify-$$
if out=$( { : > "$f"; } 2>&1 ); then rm -f "$f"; echo etc_write=ok; else echo "etc_write=refused: $(one $out)"; fi
d=/tmp/.airlock-verify-$$
if out=$(mkdir "$d" 2>&1); then
  echo tmp_write=ok
  src=; for b in /bin/true /usr/bin/true /bin/busybox /bin/sh; do [ -f "$b" ] && { src=$b; break; }; done
  if [ -n "$src" ] && cp "$src" "$d/true" 2>/dev/null && chmod 755 "$d/true" 2>/dev/null; then
    out=$("$d/true" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then echo "tmp_exec=ran $src"; else echo "tmp_exec=refused $rc: $(one $out)"; fi
  else echo tmp_exec=no_binary; fi
  rm -rf "$d"
else echo "tmp_write=refused: $(one $out)"; fi
c=/sys/fs/cgroup
if [ -f $c/memory/memory.limit_in_bytes ]; then
  echo cgroup=v1
  read -r v < $c/memory/memory.limit_in_bytes && echo cg_memory=$v
  read -r v < $c/pids/pids.max && echo cg_pids=$v
  read -r q < $c/cpu/cpu.cfs_quota_us && read -r p < $c/cpu/cpu.cfs_period_us && echo "cg_cpu=$q $p"
elif [ -f $c/cgroup.controllers ]; then
  echo cgroup=v2
  read -r v < $c/memory.max && echo cg_memory=$v
  read -r v < $c/pids.max && echo cg_pids=$v
  read -r v < $c/cpu.max && echo "cg_cpu=$v"
else echo cgroup=none; fi
ifs=; n=0
while IFS= read -r l; do n=$((n+1)); [ $n -le 2 ] && continue; i=$(one "\${l%%:*}"); ifs="$ifs\${ifs:+,}$i"; done < /proc/net/dev
echo net_ifaces=$ifs
r=0
while read -r dev rest; do [ "$dev" = Iface ] || [ "$dev" = lo ] || r=$((r+1)); done < /proc/net/route
if [ -r /proc/net/ipv6_route ]; then
  while read -r a b c d e f g h i dev; do [ "$dev" = lo ] || r=$((r+1)); done < /proc/net/ipv6_route
fi
echo net_routes=$r
t=; command -v timeout >/dev/null 2>&1 && t="timeout 1"
if [ "$ifs" != lo ]; then echo dns=skipped
elif command -v nslookup >/dev/null 2>&1; then
  if out=$($t nslookup example.com 2>&1); then echo "dns=resolved: $(one $out)"; else echo "dns=failed: $(one $out)"; fi
elif command -v getent >/dev/null 2>&1; then
  if out=$($t getent hosts example.com 2>&1); then echo "dns=resolved: $(one $out)"; else echo "dns=failed: no answer"; fi
else echo dns=no_tool; fi
k=0
while [ $# -ge 2 ]; do
  ( if command -v nc >/dev/null 2>&1; then out=$(nc -w 1 "$1" "$2" </dev/null 2>&1)
    elif command -v bash >/dev/null 2>&1; then out=$($t bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>&1)
    else echo "canary_$k=no_tool"; exit; fi
    if [ $? -eq 0 ]; then echo "canary_$k=reached"; else echo "canary_$k=blocked: $(one $out)"; fi ) &
  k=$((k+1)); shift 2
done
wait
read -r v < /proc/sys/kernel/osrelease && echo kernel=$v
echo probe_end=1
`;

/** Hosts and ports are checked before they reach the shell (as arguments, never spliced into the script). */
export function validCanary({ host, port }: Canary): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9.:-]{0,252}$/.test(host) && Number.isInteger(port) && port > 0 && port < 65536
  );
}

export async function runProbe(
  docker: Dockerode,
  containerId: string,
  canaries: readonly Canary[],
  timeoutMs: number,
): Promise<ProbeOutcome> {
  const args = canaries.filter(validCanary).flatMap((c) => [c.host, String(c.port)]);
  const started = Date.now();
  let result: ExecResult;
  let values: Map<string, string>;
  try {
    result = await execCapture(docker, containerId, ['sh', '-c', probeScript, 'airlock-verify', ...args], {
      timeoutMs,
    });
    values = parseProbeOutput(result.stdout);
    // No shell: Airlock's own engine image has Node instead, and the same checks in JavaScript.
    if (!values.has('probe') && missingBinary(result)) {
      const left = Math.max(1000, timeoutMs - (Date.now() - started));
      const viaNode = await execCapture(docker, containerId, ['node', '-e', nodeProbeScript, ...args], {
        timeoutMs: left,
      });
      if (!missingBinary(viaNode)) {
        result = viaNode;
        values = parseProbeOutput(viaNode.stdout);
      }
    }
  } catch (error) {
    return { ok: false, reason: `the probe could not run inside the container (${String(error)})` };
  }
  if (!values.has('probe')) {
    const said = `${result.stdout}\n${result.stderr}`;
    if (missingBinary(result)) return { ok: false, reason: noShellReason };
    return { ok: false, reason: `the probe did not start (exit ${result.exitCode}: ${oneLine(said)})` };
  }
  if (!values.has('probe_end')) {
    return { ok: false, reason: `the probe stopped before it finished (exit ${result.exitCode})` };
  }
  return { ok: true, values };
}

/** runc's words when the exec's binary is missing: the image has no `sh` (or no `node`). */
function missingBinary(result: ExecResult): boolean {
  return /executable file not found|no such file or directory/i.test(`${result.stdout}\n${result.stderr}`);
}

/** The first value of each key wins: a later line cannot overwrite an earlier answer. */
export function parseProbeOutput(stdout: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const key = line.slice(0, at).trim();
    if (/^[a-z0-9_]+$/i.test(key) && !values.has(key)) values.set(key, line.slice(at + 1).trim());
  }
  return values;
}

function oneLine(text: string): string {
  return text
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim()
    .slice(0, 200);
}
