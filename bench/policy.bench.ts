/**
 * Policy throughput: full panels (every operation for the ticket's type
 * decided, each scope digested, the panel sealed) per second on one core,
 * over a realistic mix of tickets (bench/ticket-mix.ts). Target: 20,000
 * tickets per second, so policy is never what slows a sync.
 *
 * Rates are per second of this process's CPU time (process.cpuUsage): the
 * machine is shared, and wall-clock rates fall with whatever else runs. The
 * wall-clock rate is reported beside it.
 */
import { loadRuntimeConfig } from '../src/config/load-runtime-config.js';
import type { Ticket } from '../src/domain/ticket.js';
import { loadMappings, mappingFor } from '../src/mapping/load-mappings.js';
import { toTicket } from '../src/mapping/to-ticket.js';
import { buildPanel, createPolicyContext, decideTicket, loadPolicy } from '../src/policy/index.js';
import { atLeast, info, type Bench, type BenchResult } from './harness.js';
import { ticketMix } from './ticket-mix.js';

const MIX_SIZE = 5_000;
/** How long each measured loop runs, in CPU milliseconds. */
const RUN_MS = 2_000;
const TARGET_PANELS_PER_SECOND = 20_000;

interface Rate {
  readonly perCpuSecond: number;
  readonly perWallSecond: number;
  readonly iterations: number;
}

function measure(work: (i: number) => unknown, size: number): Rate {
  for (let i = 0; i < size; i++) work(i); // warm-up: one pass over the mix
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  let iterations = 0;
  let cpuMs = 0;
  while (cpuMs < RUN_MS) {
    for (let i = 0; i < size; i++) work(i);
    iterations += size;
    const used = process.cpuUsage(cpu0);
    cpuMs = (used.user + used.system) / 1000;
  }
  const wallMs = Number(process.hrtime.bigint() - wall0) / 1e6;
  return { perCpuSecond: Math.round((iterations / cpuMs) * 1000), perWallSecond: Math.round((iterations / wallMs) * 1000), iterations };
}

export const policyBench: Bench = {
  name: 'policy',
  run(): Promise<BenchResult> {
    const { config } = loadRuntimeConfig();
    const loadStart = process.hrtime.bigint();
    const policy = loadPolicy(config.paths.policy);
    const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
    const mappings = loadMappings(config.paths.mappings);
    const ctx = createPolicyContext({ policy, switches: config.switches, groups: config.groups });
    const mix = ticketMix(MIX_SIZE);

    const mapped = measure((i) => toTicket(mappingFor(mappings, mix[i]!.table), mix[i]!.record), mix.length);
    const tickets: Ticket[] = mix.map((m) => toTicket(mappingFor(mappings, m.table), m.record));

    let decisions = 0;
    const split = { eligible: 0, 'approval-bound': 0, blocked: 0 };
    for (const ticket of tickets) {
      const result = decideTicket(ticket, ctx);
      decisions += result.decisions.length;
      split[result.classification]++;
    }
    const decisionsPerTicket = decisions / tickets.length;

    const decided = measure((i) => decideTicket(tickets[i]!, ctx), tickets.length);
    const panels = measure((i) => buildPanel(tickets[i]!, ctx), tickets.length);
    const pct = (n: number): number => Math.round((n / tickets.length) * 1000) / 10;

    return Promise.resolve({
      bench: 'policy',
      figures: [
        atLeast('full panels (tickets) per CPU-second', panels.perCpuSecond, 'tickets/s', TARGET_PANELS_PER_SECOND),
        info('full panels per wall-clock second (shared machine)', panels.perWallSecond, 'tickets/s'),
        info('decisions per CPU-second, in full panels', Math.round(panels.perCpuSecond * decisionsPerTicket), 'decisions/s'),
        info('decideTicket without sealing a panel, per CPU-second', decided.perCpuSecond, 'tickets/s'),
        info('records mapped to tickets per CPU-second', mapped.perCpuSecond, 'records/s'),
        info('operations decided per ticket (mix average)', Math.round(decisionsPerTicket * 100) / 100, 'decisions'),
        info('policy load, validate and compile', Math.round(loadMs * 10) / 10, 'ms'),
        info('mix classified eligible', pct(split.eligible), '%'),
        info('mix classified approval-bound', pct(split['approval-bound']), '%'),
        info('mix classified blocked', pct(split.blocked), '%'),
      ],
      notes: [
        `${MIX_SIZE.toLocaleString('en-US')} tickets from the seed's four (incident 50%, request 25%, security 10%, enhancement 15%), mixed priority, data class, group and missing owners; policy ${policy.version}`,
        `each rate runs at least ${RUN_MS} ms of CPU time on one thread; ${panels.iterations.toLocaleString('en-US')} panels built`,
      ],
    });
  },
};
