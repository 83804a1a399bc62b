/**
 * `npm run bench -- what-if`: `policy what-if` over about 100,000 active
 * tickets (issue 15: "well under a minute on this machine"). As in the pull
 * benchmark, the sandbox runs in its own process with 125,000 generated
 * tickets (about 80% active) plus the seed; the what-if runs here, through
 * the real connector over loopback HTTP, exactly as the command runs it
 * (src/admin/what-if.ts), minus parsing the flags.
 *
 * Scenarios, each timed from the first request to the result:
 * (a) a switch change (one operation off): one pull, each ticket decided twice;
 * (b) a candidate policy folder (a tier loses a class): the same;
 * (c) a candidate mappings folder (incident's severity map changed): incident
 *     is pulled under each mapping and joined by sys_id;
 * (d) the pull alone (every table, each record mapped and dropped): the floor.
 * Three rounds each after a warm-up; best and median reported.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseServiceNowConfig } from '../connectors/servicenow/config.js';
import { INTEGRATION_PASSWORD, INTEGRATION_USER, spawnSandbox } from '../connectors/servicenow/sandbox/index.js';
import { createServiceNowConnector, type ServiceNowConnector } from '../connectors/servicenow/servicenow-connector.js';
import { applySwitchChanges, NO_SWITCH_CHANGES } from '../src/admin/switch-changes.js';
import { runWhatIf, type WhatIfInput, type WhatIfResult } from '../src/admin/what-if.js';
import { loadRuntimeConfig } from '../src/config/load-runtime-config.js';
import { loadMappings, type MappingSet } from '../src/mapping/load-mappings.js';
import { toTicket } from '../src/mapping/to-ticket.js';
import { createPolicyContext, loadPolicy, type Policy } from '../src/policy/index.js';
import { silentLogger } from '../src/util/log.js';
import { fromRoot } from '../src/util/paths.js';
import { atMost, info, type Bench, type BenchResult, type Figure } from './harness.js';
import { processCpuSeconds } from './process-cpu.js';

const TICKETS = 125_000;
const ROUNDS = 3;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round1 = (x: number): number => Math.round(x * 10) / 10;

interface Timed<T> {
  readonly seconds: number;
  /** CPU of this process (the what-if). */
  readonly cpuSeconds: number;
  /** CPU of the sandbox process meanwhile (serving the pull); -1 when unknown. */
  readonly serverCpuSeconds: number;
  readonly value: T;
}

async function timed<T>(sandboxPid: number, work: () => Promise<T>): Promise<Timed<T>> {
  const server = processCpuSeconds(sandboxPid);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  const serverAfter = processCpuSeconds(sandboxPid);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, serverCpuSeconds: server < 0 || serverAfter < 0 ? -1 : serverAfter - server, value };
}

/** The candidate folders: a policy whose standard tier loses write-back support, mappings whose incident severity 2 counts as 1. */
function candidates(dir: string): { policy: Policy; mappings: MappingSet } {
  cpSync(fromRoot('config', 'policy'), join(dir, 'policy'), { recursive: true });
  const policyFile = join(dir, 'policy', 'policy.yaml');
  writeFileSync(
    policyFile,
    readFileSync(policyFile, 'utf8')
      .replace('version: 2026.11.1', 'version: 2026.12.1')
      .replace('All four execution classes, within the rules below.\n    classes: [evidence_gathering, drafting_summaries, checklist_validation, writeback_support]', 'Three classes.\n    classes: [evidence_gathering, drafting_summaries, checklist_validation]'),
  );
  cpSync(fromRoot('mappings', 'servicenow'), join(dir, 'mappings'), { recursive: true });
  const incident = join(dir, 'mappings', 'incident.yaml');
  writeFileSync(incident, readFileSync(incident, 'utf8').replace('map: { "1": 1, "2": 2,', 'map: { "1": 1, "2": 1,'));
  return { policy: loadPolicy(join(dir, 'policy')), mappings: loadMappings(join(dir, 'mappings')) };
}

/** The floor: every active ticket pulled and mapped, nothing decided. */
async function pullOnly(connector: ServiceNowConnector, mappings: MappingSet): Promise<number> {
  let n = 0;
  for (const mapping of mappings.byTable.values()) {
    for await (const page of connector.pull(mapping, null)) {
      for (const record of page.records) if (toTicket(mapping, record).number !== '') n++;
    }
  }
  return n;
}

export const whatIfBench: Bench = {
  name: 'what-if',
  async run(): Promise<BenchResult> {
    const sandbox = await spawnSandbox({ tickets: TICKETS });
    const dir = mkdtempSync(join(tmpdir(), 'what-if-bench-'));
    const connector = createServiceNowConnector({
      config: parseServiceNowConfig({ instanceUrl: sandbox.url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } }),
      log: silentLogger,
    });
    try {
      const { config } = loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') });
      const providerKind = config.ai.provider.kind;
      const policy = loadPolicy(config.paths.policy);
      const mappings = loadMappings(config.paths.mappings);
      const running = { mappings, ctx: createPolicyContext({ policy, switches: config.switches, groups: config.groups, providerKind }) };
      const off = applySwitchChanges(config, { ...NO_SWITCH_CHANGES, operationsOff: ['gather-diagnostics'] }, policy);
      const candidate = candidates(dir);
      const scenarios: readonly [string, WhatIfInput][] = [
        ['(a) one operation switched off', { connector, before: running, after: { mappings, ctx: createPolicyContext({ policy, ...off, providerKind }) } }],
        ['(b) candidate policy folder', { connector, before: running, after: { mappings, ctx: createPolicyContext({ policy: candidate.policy, switches: config.switches, groups: config.groups, providerKind }) } }],
        ['(c) candidate mappings folder (incident pulled twice)', { connector, before: running, after: { mappings: candidate.mappings, ctx: running.ctx } }],
      ];

      await runWhatIf(scenarios[0]![1]); // warm-up: JIT, sockets
      const figures: Figure[] = [];
      const notes: string[] = [];
      let active = 0;
      for (const [name, input] of scenarios) {
        const runs: Timed<WhatIfResult>[] = [];
        for (let r = 0; r < ROUNDS; r++) runs.push(await timed(sandbox.pid, () => runWhatIf(input)));
        const last = runs.at(-1)!.value;
        const b = last.json.before;
        active = b.eligible + b.approvalBound + b.blocked;
        figures.push(
          atMost(`${name}: wall time, median of ${ROUNDS}`, round1(median(runs.map((x) => x.seconds))), 's', 60),
          info(`${name}: wall time, best`, round1(Math.min(...runs.map((x) => x.seconds))), 's'),
          info(`${name}: CPU of the what-if process, median`, round1(median(runs.map((x) => x.cpuSeconds))), 's'),
          info(`${name}: CPU of the sandbox serving the pull, median`, round1(median(runs.map((x) => x.serverCpuSeconds))), 's'),
          info(`${name}: tickets that change`, last.json.changed.length, 'tickets'),
        );
        notes.push(`${name}: tables ${last.tables.map((t) => `${t.table} ${t.before}${t.pulls === 2 ? ' (2 pulls)' : ''}`).join(', ')}`);
      }
      const floor: Timed<number>[] = [];
      for (let r = 0; r < ROUNDS; r++) floor.push(await timed(sandbox.pid, () => pullOnly(connector, mappings)));
      figures.unshift(info('active tickets compared', active, 'tickets'));
      figures.push(
        info('(d) the pull alone (every record mapped, nothing decided): wall time, median', round1(median(floor.map((x) => x.seconds))), 's'),
        info('(d) the pull alone: CPU of the pulling process, median', round1(median(floor.map((x) => x.cpuSeconds))), 's'),
      );
      return {
        bench: 'what-if',
        figures,
        notes: [
          `${TICKETS.toLocaleString('en-US')} generated tickets plus the seed, sandbox in its own process; the what-if in this one through the real connector (basic auth as ${INTEGRATION_USER}, page size ${connector.config.pageSize}); ${ROUNDS} rounds per scenario after one warm-up run`,
          ...notes,
        ],
      };
    } finally {
      connector.close();
      rmSync(dir, { recursive: true, force: true });
      await sandbox.stop();
    }
  },
};
