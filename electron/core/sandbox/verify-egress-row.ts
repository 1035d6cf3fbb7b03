// The phone-home row (CT-08, CT-09): from inside the runtime there is no
// interface but loopback, no route, no DNS and no connection to any of the
// canaries (addresses of this machine the caller listens on), while Airlock
// still reaches the model through the Docker API.
import type { VerifyCheck, VerifyRow } from '../../../shared/sandbox-contract';
import { runtimeAnswers } from './verify-host-rows';
import { validCanary } from './verify-probe';
import { capitalize, check, fromProbe, rowOf, type Seen } from './verify-rows';

export function phoneHomeRow(seen: Seen): VerifyRow {
  const ifaces = seen.probe.ok ? (seen.probe.values.get('net_ifaces') ?? '') : '';
  const loopbackOnly = ifaces === 'lo';
  const checks: VerifyCheck[] = [
    fromProbe(seen, 'only_loopback', 'net_ifaces', (v) =>
      v === 'lo'
        ? [true, 'The only network interface is loopback.']
        : [false, `The container has network interfaces: ${v.split(',').join(', ') || 'none listed'}.`],
    ),
    fromProbe(seen, 'no_route', 'net_routes', (v) =>
      v === '0'
        ? [true, 'There is no route out of the container.']
        : [false, `The container has ${v} route${v === '1' ? '' : 's'} out.`],
    ),
    fromProbe(seen, 'dns_fails', 'dns', (v) => {
      if (v === 'skipped') {
        return [false, 'No DNS lookup was tried: with a network interface it could leave this machine.'];
      }
      if (v.startsWith('failed'))
        return [true, `A DNS lookup of example.com fails (${v.replace(/^failed:\s*/, '')}).`];
      if (v === 'no_tool' && loopbackOnly) {
        return [true, 'The image has no DNS tool, and with only loopback no lookup could leave.'];
      }
      if (v === 'no_tool') return [false, 'The image has no DNS tool to test with.'];
      return [false, `A DNS lookup of example.com answered (${v.replace(/^resolved:\s*/, '')}).`];
    }),
    canaryCheck(seen, loopbackOnly),
    runtimeAnswers(seen, 'model_reachable'),
  ];
  return rowOf('phone_home', seen.level, checks);
}

function canaryCheck(seen: Seen, loopbackOnly: boolean): VerifyCheck {
  const id = 'canaries_unreachable';
  if (seen.canaries.length === 0) {
    return {
      id,
      status: 'not_covered',
      evidence: 'No canary address was given, so no connection was tried.',
    };
  }
  if (!seen.probe.ok) return check(id, false, capitalize(seen.probe.reason));
  const values = seen.probe.values;
  let k = 0;
  const lines = seen.canaries.map((c) => {
    const name = `canary ${c.host}:${c.port}`;
    if (!validCanary(c)) return { pass: false, text: `${name} is not an address and was not tried` };
    // The probe numbers only the valid canaries, in order.
    const v = values.get(`canary_${k++}`);
    if (v === undefined) return { pass: false, text: `no answer for ${name}` };
    if (v === 'reached') return { pass: false, text: `reached ${name}` };
    if (v === 'no_tool') {
      return loopbackOnly
        ? { pass: true, text: `no tool to try ${name}, and with only loopback it cannot be reached` }
        : { pass: false, text: `no tool to try ${name}` };
    }
    return { pass: true, text: `could not reach ${name} (${v.replace(/^blocked:\s*/, '')})` };
  });
  const pass = lines.every((l) => l.pass);
  return check(id, pass, capitalize(lines.map((l) => l.text).join('; ')));
}
