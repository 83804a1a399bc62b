/**
 * `npm run bench -- servicenow-pull`: the connector pulling 100,000 tickets
 * from the sandbox over loopback (issue 3, "Tests and figures"). The
 * generator leaves about 80% of its tickets active and a pull reads active
 * work only, so 125,000 are generated for about 100,000 to pull.
 *
 * The sandbox runs in its own process (spawnSandbox, with its control
 * endpoint), the pull in another (bench/servicenow-pull-passes.ts), so
 * neither's memory or CPU counts as the other's. Figures:
 * (a) a full pull of every active ticket of every mapped table through the
 *     real connector, in tickets per second (best and median of the rounds);
 * (b) the same pages fetched raw (the connector's own URLs, plain http GET,
 *     body read and dropped), in the same run; the ratio connector/raw per
 *     round, median (target >= 0.8);
 * (c) peak RSS of the pulling process during a connector pass (target < 300 MB);
 * (d) a resync with no changes: HTTP requests per table (target: one) and
 *     writes in the sandbox's write log over the whole run (target: none).
 */
import { spawn } from 'node:child_process';
import { spawnSandbox } from '../connectors/servicenow/sandbox/index.js';
import { fromRoot } from '../src/util/paths.js';
import { atLeast, atMost, info, type Bench, type BenchResult, type Figure } from './harness.js';
import type { PassesReport, PassResult } from './servicenow-pull-passes.js';

const TICKETS = 125_000;
/** Rounds of (connector, raw) passes, alternating which goes first; the machine is shared, so medians and bests are reported. */
const ROUNDS = 5;
const MB = 1024 * 1024;

function runPasses(url: string, sandboxPid: number): Promise<PassesReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('bench', 'servicenow-pull-passes.ts'), url, String(ROUNDS), String(sandboxPid)], { cwd: fromRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || line === '') return reject(new Error(`the pulling process exited with ${code ?? 'a signal'}: ${err.trim()}`));
      try {
        resolve(JSON.parse(line) as PassesReport);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

async function control<T>(url: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${url}/sandbox/control${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`control ${path} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { result: T }).result;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const rate = (p: PassResult): number => p.tickets / p.seconds;

/**
 * The same comparison in CPU time of both processes (puller and sandbox),
 * which the load of other work on the shared machine does not inflate: raw
 * CPU over connector CPU for the same pages (1.0: the connector costs
 * nothing on top). Left out where the sandbox's CPU time is not readable.
 */
function cpuView(connector: readonly PassResult[], raw: readonly PassResult[]): Figure[] {
  if ([...connector, ...raw].some((p) => p.serverCpuSeconds < 0)) return [];
  const total = (p: PassResult): number => p.cpuSeconds + p.serverCpuSeconds;
  return [
    info('CPU of the sandbox per full pull: during connector passes, median', Math.round(median(connector.map((p) => p.serverCpuSeconds)) * 100) / 100, 's'),
    info('CPU of the sandbox per full pull: during raw passes, median', Math.round(median(raw.map((p) => p.serverCpuSeconds)) * 100) / 100, 's'),
    info('connector / raw by CPU of both processes (raw CPU over connector CPU, medians; load-independent)', Math.round((median(raw.map(total)) / median(connector.map(total))) * 1000) / 1000, 'x'),
  ];
}

export const servicenowPullBench: Bench = {
  name: 'servicenow-pull',
  async run(): Promise<BenchResult> {
    const sandbox = await spawnSandbox({ tickets: TICKETS, control: true });
    try {
      const report = await runPasses(sandbox.url, sandbox.pid);
      const writes = await control<unknown[]>(sandbox.url, '/writes');

      const cold = report.passes.find((p) => p.kind === 'connector' && p.round === 0)!;
      const connector = report.passes.filter((p) => p.kind === 'connector' && p.round > 0);
      const raw = report.passes.filter((p) => p.kind === 'raw' && p.round > 0);
      const ratios = connector.map((c) => rate(c) / rate(raw.find((r) => r.round === c.round)!));
      const tickets = connector[0]!.tickets;
      const expected = Object.values(report.tables).reduce((sum, t) => sum + t.expected, 0);
      const mismatched = Object.entries(report.tables).filter(([, t]) => t.expected !== t.pulled);
      const perTable = Object.values(report.resync.requestsByTable);
      const figures: Figure[] = [
        { name: 'active tickets per full pull (target: the sandbox\'s own X-Total-Count)', value: tickets, unit: 'tickets', target: `= ${expected}`, met: tickets === expected && mismatched.length === 0 },
        info('connector full pull, best', Math.round(Math.max(...connector.map(rate))), 'tickets/s'),
        info('connector full pull, median', Math.round(median(connector.map(rate))), 'tickets/s'),
        info('connector full pull, first pass of the process (cold, not in the figures above)', Math.round(rate(cold)), 'tickets/s'),
        info('raw fetch of the same pages, best', Math.round(Math.max(...raw.map(rate))), 'tickets/s'),
        info('raw fetch of the same pages, median', Math.round(median(raw.map(rate))), 'tickets/s'),
        atLeast('connector / raw, median of the rounds', Math.round(median(ratios) * 1000) / 1000, 'x', 0.8),
        info('connector / raw, best connector over best raw', Math.round((Math.max(...connector.map(rate)) / Math.max(...raw.map(rate))) * 1000) / 1000, 'x'),
        atMost('peak RSS of the pulling process during a connector pass (any round)', Math.round(Math.max(cold.peakRss, ...connector.map((p) => p.peakRss)) / MB), 'MB', 300),
        info('  of which heap (peak heapUsed)', Math.round(Math.max(cold.peakHeapUsed, ...connector.map((p) => p.peakHeapUsed)) / MB), 'MB'),
        info('  RSS of the pulling process before the first pass', Math.round(report.baselineRss / MB), 'MB'),
        info('CPU of the pulling process per full pull: connector, median', Math.round(median(connector.map((p) => p.cpuSeconds)) * 100) / 100, 's'),
        info('CPU of the pulling process per full pull: raw, median', Math.round(median(raw.map((p) => p.cpuSeconds)) * 100) / 100, 's'),
        ...cpuView(connector, raw),
        info('pages per full pull (HTTP requests)', connector[0]!.requests, 'requests'),
        info('bytes per full pull', Math.round(raw[0]!.bytes / MB), 'MB'),
        atMost('resync with no changes: HTTP requests per table (most of any table)', Math.max(...perTable), 'requests', 1),
        info('resync with no changes: HTTP requests in all', perTable.reduce((a, b) => a + b, 0), 'requests'),
        info('resync with no changes: rows read again (younger than settleSeconds at the last pull)', report.resync.rows, 'rows'),
        atMost('writes in the sandbox\'s write log over the whole run', writes.length, 'writes', 0),
      ];
      return {
        bench: 'servicenow-pull',
        figures,
        notes: [
          `${TICKETS.toLocaleString('en-US')} generated tickets plus the seed, sandbox in its own process (spawnSandbox); the pull in another (bench/servicenow-pull-passes.ts); loopback HTTP, basic auth as svc.aihandoff`,
          `connector: sync of ${Object.keys(report.tables).join(', ')} with the shipped defaults (page size ${report.pageSize}, settleSeconds ${report.settleSeconds}: the generated tickets are old, so at most a few fresh ones are held back and read again by the resync)`,
          `raw: the connector's own list URLs, node:http GET on one keep-alive socket, body read and dropped; a warm-up round (both passes) left out, then ${ROUNDS} rounds alternating which pass goes first; per-round ratios ${ratios.map((r) => r.toFixed(3)).join(', ')}`,
          `resync requests by table: ${Object.entries(report.resync.requestsByTable).map(([t, n]) => `${t} ${n}`).join(', ')}`,
          ...(mismatched.length === 0 ? [] : [`PULLED COUNT DIFFERS from the sandbox's X-Total-Count: ${mismatched.map(([t, c]) => `${t} ${c.pulled} of ${c.expected}`).join(', ')}`]),
        ],
      };
    } finally {
      await sandbox.stop();
    }
  },
};
