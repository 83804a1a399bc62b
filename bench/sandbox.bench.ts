/**
 * The sandbox under load: generating 100,000 tickets (time, heap), and the
 * list path serving them, a keyset pull of every active ticket over loopback
 * HTTP with the mapping-sized field list, in rows per second.
 */
import { createSandbox } from '../connectors/servicenow/sandbox/index.js';
import { atMost, info, type Bench, type BenchResult } from './harness.js';

const TICKETS = 100_000;
const PAGE = 1000;
const TABLES = ['incident', 'sc_request', 'sc_req_item', 'sn_si_incident', 'rm_enhancement'];
const FIELDS = [
  'sys_id', 'sys_updated_on', 'number', 'short_description', 'description', 'state', 'active', 'priority',
  'assignment_group', 'assignment_group.name', 'assignment_group.manager', 'assignment_group.manager.name', 'assigned_to', 'assigned_to.name',
  'cmdb_ci', 'cmdb_ci.name',
];
const AUTH = `Basic ${Buffer.from('svc.aihandoff:integration-sandbox').toString('base64')}`;

export const sandboxBench: Bench = {
  name: 'sandbox',
  async run(): Promise<BenchResult> {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const sb = await createSandbox({ seed: { tickets: TICKETS } });
    const seedMs = performance.now() - started;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    const fields = [...FIELDS, ...Object.values(sb.appFields)].join(',');
    try {
      let rows = 0;
      let calls = 0;
      const pullStarted = performance.now();
      for (const table of TABLES) {
        let last: { sys_updated_on: string; sys_id: string } | undefined;
        for (;;) {
          const q = last
            ? `active=true^sys_updated_on>${last.sys_updated_on}^NQactive=true^sys_updated_on=${last.sys_updated_on}^sys_id>${last.sys_id}^ORDERBYsys_updated_on^ORDERBYsys_id`
            : 'active=true^ORDERBYsys_updated_on^ORDERBYsys_id';
          const params = new URLSearchParams({ sysparm_query: q, sysparm_fields: fields, sysparm_limit: String(PAGE), sysparm_no_count: 'true', sysparm_exclude_reference_link: 'true' });
          const res = await fetch(`${sb.url}/api/now/table/${table}?${params.toString()}`, { headers: { authorization: AUTH } });
          const page = ((await res.json()) as { result: { sys_updated_on: string; sys_id: string }[] }).result;
          calls++;
          if (page.length === 0) break;
          rows += page.length;
          last = page[page.length - 1];
        }
      }
      const pullS = (performance.now() - pullStarted) / 1000;
      return {
        bench: 'sandbox',
        figures: [
          atMost(`generate ${TICKETS.toLocaleString('en-US')} tickets (with their work notes)`, Math.round(seedMs), 'ms', 15_000),
          info('heap held by the seeded sandbox', Math.round(heapMb), 'MB'),
          info('active tickets pulled by keyset', rows, 'rows'),
          info('keyset pull over loopback HTTP', Math.round(rows / pullS), 'rows/s'),
          info('pages requested', calls, 'calls'),
        ],
        notes: [`${sb.store.size.toLocaleString('en-US')} records in the store; page size ${PAGE}; fields as a mapping asks for them (dot-walked names included)`],
      };
    } finally {
      await sb.close();
    }
  },
};
