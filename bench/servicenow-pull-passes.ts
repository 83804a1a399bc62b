/**
 * The pulling side of the servicenow-pull benchmark, run as its own process
 * (bench/servicenow-pull.bench.ts starts it) so its peak RSS is the pull's,
 * not whatever earlier benchmarks left in the parent's heap.
 *
 * Usage: node --import tsx bench/servicenow-pull-passes.ts <sandbox url> <rounds> [<sandbox pid>]
 * Prints one JSON line (PassesReport) on stdout.
 *
 * - connector pass: `sync` of every mapped table through the real connector
 *   (basic auth, default page size and settleSeconds), each page's records
 *   counted and dropped;
 * - raw pass: exactly the list URLs the connector sent (captured through the
 *   transport's `observe` hook), fetched one by one with node:http on a
 *   keep-alive socket, the body read and dropped: no JSON parse, no checks;
 * - the two are interleaved table by table, alternating which goes first,
 *   so load from elsewhere on the shared machine falls on both alike; round
 *   0 warms both up (and captures the URLs) and is reported apart;
 * - after the last connector pass, a resync with no changes on its watermarks.
 */
import http from 'node:http';
import { parseServiceNowConfig } from '../connectors/servicenow/config.js';
import type { ObservedAttempt } from '../connectors/servicenow/http-transport.js';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../connectors/servicenow/sandbox/index.js';
import { createServiceNowConnector, type ServiceNowConnector } from '../connectors/servicenow/servicenow-connector.js';
import { createMemoryWatermarkStore } from '../connectors/servicenow/watermark-store.js';
import { loadMappings } from '../src/mapping/load-mappings.js';
import { silentLogger } from '../src/util/log.js';
import { processCpuSeconds } from './process-cpu.js';

/** What one table's pull (or its raw fetch) measured; a pass adds up its tables. */
export interface Segment {
  readonly seconds: number;
  /** Tickets pulled (connector) or that the same pages hold (raw: taken from the connector pass). */
  readonly tickets: number;
  readonly requests: number;
  readonly bytes: number;
  /** Peak RSS, in bytes, sampled every 5 ms and after every page. */
  readonly peakRss: number;
  readonly peakHeapUsed: number;
  /** CPU time of the pulling process (user + system), in seconds. */
  readonly cpuSeconds: number;
  /** CPU time of the sandbox process meanwhile, in seconds; -1 when unknown (no pid, no /proc). */
  readonly serverCpuSeconds: number;
}

export interface PassResult extends Segment {
  readonly kind: 'connector' | 'raw';
  readonly round: number;
}

export interface PassesReport {
  readonly passes: readonly PassResult[];
  /** RSS when the pulling process was ready, before the first pass. */
  readonly baselineRss: number;
  readonly pageSize: number;
  readonly settleSeconds: number;
  /** Per table: active tickets the sandbox counts (X-Total-Count), and what a connector pass pulled. */
  readonly tables: Readonly<Record<string, { readonly expected: number; readonly pulled: number }>>;
  readonly resync: {
    /** HTTP requests the connector sent per table (its transport's count). */
    readonly requestsByTable: Readonly<Record<string, number>>;
    /** Rows the resync read (changes held back by settleSeconds in the last full pull). */
    readonly rows: number;
  };
}

const AUTH = `Basic ${Buffer.from(`${INTEGRATION_USER}:${INTEGRATION_PASSWORD}`).toString('base64')}`;

/**
 * Samples RSS every 5 ms, and RSS and heap whenever `sample` is called (after
 * each page), until stopped; also the CPU time in between. `rss()` alone is
 * cheap; the full `memoryUsage()` walks the heap's spaces.
 */
function memorySampler(): { readonly sample: () => void; readonly stop: () => { rss: number; heap: number; cpuSeconds: number } } {
  let rss = 0;
  let heap = 0;
  const cpu = process.cpuUsage();
  const tick = (): void => {
    const now = process.memoryUsage.rss();
    if (now > rss) rss = now;
  };
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.rss > rss) rss = m.rss;
    if (m.heapUsed > heap) heap = m.heapUsed;
  };
  sample();
  const timer = setInterval(tick, 5);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      const used = process.cpuUsage(cpu);
      return { rss, heap, cpuSeconds: (used.user + used.system) / 1e6 };
    },
  };
}

function connect(url: string, observe: (attempt: ObservedAttempt) => void): ServiceNowConnector {
  return createServiceNowConnector({
    config: parseServiceNowConfig({ instanceUrl: url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } }),
    log: silentLogger,
    watermarks: createMemoryWatermarkStore(),
    observe,
  });
}

const mappings = [...loadMappings().byTable.values()];

let sandboxPid: number | undefined;

async function measured(run: (sample: () => void) => Promise<{ tickets: number; requests: number; bytes: number }>): Promise<Segment> {
  const serverBefore = processCpuSeconds(sandboxPid);
  const memory = memorySampler();
  const started = performance.now();
  const counts = await run(memory.sample);
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  const serverAfter = processCpuSeconds(sandboxPid);
  const serverCpuSeconds = serverBefore < 0 || serverAfter < 0 ? -1 : serverAfter - serverBefore;
  return { ...counts, seconds, peakRss: peak.rss, peakHeapUsed: peak.heap, cpuSeconds: peak.cpuSeconds, serverCpuSeconds };
}

/** A full sync of one table through the connector, each page counted and dropped. */
function connectorTable(connector: ServiceNowConnector, table: string, requests: () => number): Promise<Segment> {
  const mapping = mappings.find((m) => m.table === table)!;
  return measured(async (sample) => {
    const before = requests();
    let tickets = 0;
    await connector.sync(mapping, (page) => {
      sample();
      tickets += page.records.length;
      return Promise.resolve();
    });
    return { tickets, requests: requests() - before, bytes: 0 };
  });
}

function getAndDrop(agent: http.Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { Accept: 'application/json', Authorization: AUTH } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`raw GET answered ${res.statusCode ?? '?'}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** The same table's pages, raw: the connector's URLs, one GET at a time, bodies read and dropped. */
function rawTable(agent: http.Agent, base: string, paths: readonly string[], tickets: number): Promise<Segment> {
  return measured(async (sample) => {
    let bytes = 0;
    for (const path of paths) {
      bytes += await getAndDrop(agent, base + path);
      sample();
    }
    return { tickets, requests: paths.length, bytes };
  });
}

function sum(kind: PassResult['kind'], round: number, segments: readonly Segment[]): PassResult {
  const add = (pick: (s: Segment) => number): number => segments.reduce((total, s) => total + pick(s), 0);
  const most = (pick: (s: Segment) => number): number => Math.max(...segments.map(pick));
  const server = segments.some((s) => s.serverCpuSeconds < 0) ? -1 : add((s) => s.serverCpuSeconds);
  return {
    kind,
    round,
    seconds: add((s) => s.seconds),
    tickets: add((s) => s.tickets),
    requests: add((s) => s.requests),
    bytes: add((s) => s.bytes),
    peakRss: most((s) => s.peakRss),
    peakHeapUsed: most((s) => s.peakHeapUsed),
    cpuSeconds: add((s) => s.cpuSeconds),
    serverCpuSeconds: server,
  };
}

interface RoundResult {
  readonly connector: PassResult;
  readonly raw: PassResult;
  /** The round's connector, whose watermark store holds the positions of its full pull. */
  readonly client: ServiceNowConnector;
  readonly pulled: Record<string, number>;
}

/**
 * One round: every table pulled through a fresh connector (empty watermarks)
 * and fetched raw, interleaved table by table and alternating which goes
 * first, so a burst of load from elsewhere on the shared machine falls on
 * both kinds alike. Round 0 captures the URLs the raw fetches replay.
 */
async function runRound(base: string, round: number, paths: Map<string, string[]>): Promise<RoundResult> {
  let requests = 0;
  const capture = round === 0;
  const client = connect(base, (attempt) => {
    requests += 1;
    if (attempt.status !== 200 || attempt.context.operation !== 'list') throw new Error(`unexpected ${attempt.method} ${attempt.context.operation} answered ${attempt.status} during the pull`);
    if (capture) paths.set(attempt.context.table ?? '?', [...(paths.get(attempt.context.table ?? '?') ?? []), attempt.path]);
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const viaConnector: Segment[] = [];
  const viaRaw: Segment[] = [];
  const pulled: Record<string, number> = {};
  for (const [index, { table }] of mappings.entries()) {
    const rawFirst = !capture && (round + index) % 2 === 0;
    const raw = async (): Promise<void> => {
      viaRaw.push(await rawTable(agent, base, paths.get(table) ?? [], pulled[table] ?? 0));
    };
    if (rawFirst) await raw();
    const segment = await connectorTable(client, table, () => requests);
    viaConnector.push(segment);
    pulled[table] = segment.tickets;
    if (rawFirst) viaRaw[viaRaw.length - 1] = { ...viaRaw[viaRaw.length - 1]!, tickets: segment.tickets };
    else await raw();
  }
  agent.destroy();
  return { connector: sum('connector', round, viaConnector), raw: sum('raw', round, viaRaw), client, pulled };
}

/** Active tickets per table as the sandbox counts them (one small request each, outside the timing). */
async function expectedCounts(base: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const mapping of mappings) {
    const query = new URLSearchParams({ sysparm_query: 'active=true', sysparm_fields: 'sys_id', sysparm_limit: '1' });
    const res = await fetch(`${base}/api/now/table/${mapping.table}?${query.toString()}`, { headers: { Accept: 'application/json', Authorization: AUTH } });
    await res.arrayBuffer();
    counts[mapping.table] = Number(res.headers.get('x-total-count'));
  }
  return counts;
}

async function main(): Promise<void> {
  const [base, roundsText, pidText] = process.argv.slice(2);
  if (base === undefined) throw new Error('usage: servicenow-pull-passes.ts <sandbox url> <rounds> [<sandbox pid>]');
  sandboxPid = pidText === undefined ? undefined : Number(pidText);
  const rounds = Number(roundsText ?? '5');
  const baselineRss = process.memoryUsage().rss;
  const expected = await expectedCounts(base);

  // Round 0 warms both paths up (JIT, sockets) and captures the connector's URLs; the figures use rounds 1..n.
  const passes: PassResult[] = [];
  const paths = new Map<string, string[]>();
  let last: RoundResult | undefined;
  for (let round = 0; round <= rounds; round += 1) {
    last?.client.close();
    last = await runRound(base, round, paths);
    passes.push(last.connector, last.raw);
  }
  if (last === undefined) throw new Error('no rounds ran');

  // The resync: nothing changed since the last pass; count what the connector sends per table.
  const requestsByTable: Record<string, number> = {};
  let rows = 0;
  const resync = createServiceNowConnector({
    config: last.client.config,
    log: silentLogger,
    watermarks: last.client.watermarks,
    observe: (attempt) => {
      const table = attempt.context.table ?? '?';
      requestsByTable[table] = (requestsByTable[table] ?? 0) + 1;
    },
  });
  for (const mapping of mappings) rows += (await resync.sync(mapping, () => Promise.resolve())).records;
  resync.close();
  last.client.close();

  const tables = Object.fromEntries(mappings.map((m) => [m.table, { expected: expected[m.table] ?? -1, pulled: last.pulled[m.table] ?? -1 }]));
  const report: PassesReport = { passes, baselineRss, pageSize: last.client.config.pageSize, settleSeconds: last.client.config.settleSeconds, tables, resync: { requestsByTable, rows } };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
