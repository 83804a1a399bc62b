/**
 * The people's side of the hand-off benchmarks: agents and approvers acting
 * on the sandbox through the Table API with their own credentials (the
 * platform stamps who they are), the candidates a batch requests on, and the
 * sandbox's write log (its clock times every write).
 */
import { PERSON_PASSWORD, type WriteLogEntry } from '../connectors/servicenow/sandbox/index.js';
import type { AppNames } from '../src/domain/app-names.js';

/** Evidence gathering: allowed without approval, reads the ticket, its notes, the CI and related tickets. */
export const BENCH_OPERATION = 'gather-diagnostics';
export const AGENT = 'alex.rivera';

export interface Candidate {
  readonly sysId: string;
  readonly number: string;
  /** The request row's columns for the operation's current scope, exactly as the app's dialog creates it. */
  readonly row: Readonly<Record<string, string>>;
}

export interface Agents {
  /** Active incidents whose panel offers the bench operation, with no hand-off yet. */
  candidates(): Promise<Candidate[]>;
  /** Creates the request row as the agent, through the Table API; answers the row's sys_id. */
  request(candidate: Candidate): Promise<string>;
  /** Creates a review row as `user` for a hand-off; answers the row's sys_id. */
  review(user: string, candidate: Candidate, handoff: string, decision: 'accept' | 'reject' | 'escalate'): Promise<string>;
  /** The sandbox's write log after `seq`. */
  writes(after: number): Promise<WriteLogEntry[]>;
  lastSeq(): Promise<number>;
  /** An admin's call to the sandbox (its control endpoints). */
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export function createAgents(sandboxUrl: string, app: AppNames, fields: { readonly panel: string; readonly status: string }): Agents {
  const admin = basic('admin', PERSON_PASSWORD);
  const send = async (method: string, path: string, auth: string, body?: unknown): Promise<Response> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(`${sandboxUrl}${path}`, { method, headers: { authorization: auth, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      } catch (error) {
        // A connection that failed before any answer (a loaded machine: a connect timeout, a kept-alive socket the
        // sandbox closed) is tried again, as a browser would; a request the sandbox did get would show up as a
        // second row, which the worker refuses as a duplicate and the batch counts as failed.
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  };
  const getJson = async <T>(path: string): Promise<T> => {
    const res = await send('GET', path, admin);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  const create = async (table: string, user: string, body: Record<string, string>): Promise<string> => {
    const res = await send('POST', `/api/now/table/${table}?sysparm_fields=sys_id`, basic(user, PERSON_PASSWORD), body);
    const text = await res.text();
    if (res.status !== 201) throw new Error(`creating a ${table} row as ${user} answered ${res.status}: ${text}`);
    return (JSON.parse(text) as { result: { sys_id: string } }).result.sys_id;
  };
  return {
    send: (method, path, body) => send(method, path, admin, body),
    async candidates() {
      const q = new URLSearchParams({ sysparm_query: `active=true^${fields.status}=eligible`, sysparm_fields: `sys_id,number,${fields.panel}`, sysparm_limit: '100000' });
      const rows = await getJson<{ result: Record<string, string>[] }>(`/api/now/table/incident?${q.toString()}`);
      const out: Candidate[] = [];
      for (const row of rows.result) {
        const panel = JSON.parse(row[fields.panel] ?? '{}') as { operations?: { id: string; outcome: string; scopeDigest: string }[]; handoffs?: unknown[] };
        const op = panel.operations?.find((o) => o.id === BENCH_OPERATION && o.outcome === 'eligible');
        if (!op || (panel.handoffs ?? []).length > 0) continue;
        const sysId = row.sys_id ?? '';
        out.push({ sysId, number: row.number ?? '', row: { ticket_table: 'incident', ticket: sysId, operation: op.id, scope_digest: op.scopeDigest, note: '' } });
      }
      return out;
    },
    request: (candidate) => create(app.tables.request, AGENT, { ...candidate.row }),
    review: (user, candidate, handoff, decision) => create(app.tables.review, user, { ticket_table: 'incident', ticket: candidate.sysId, handoff, decision, comment: '' }),
    async writes(after) {
      const answer = await getJson<{ result: WriteLogEntry[]; dropped: number }>(`/sandbox/control/writes?after=${after}`);
      if (answer.dropped > 0) throw new Error(`the sandbox's write log dropped ${answer.dropped} entries: the timings would be incomplete`);
      return answer.result;
    },
    async lastSeq() {
      return (await getJson<{ result: { writes: { lastSeq: number } } }>('/sandbox/control')).result.writes.lastSeq;
    },
  };
}
