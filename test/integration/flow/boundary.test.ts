/**
 * The read boundary on the sandbox (issue 10): the seed's neighbours outside
 * the boundary (connectors/servicenow/sandbox/seed/neighbours.ts:
 * restricted, above the ticket's class, of a group not opted in, by CI,
 * caller and group, on incidents, requests, request items and security
 * incidents) never reach a provider, a note, the audit, a log or Redis.
 *
 * 1. The whole flow (real Redis, BullMQ, the built-in provider behind a
 *    recorder) with a request row that carries no usable read check (an app
 *    whose rule predates it, an admin's edit): the hand-off fails closed,
 *    says so in its note, and records the withheld counts in the audit.
 * 2. The executor on the real connector with read checks written out (every
 *    candidate listed, or only the CI): the neighbours inside the boundary
 *    are used, masked; the restricted, higher and other-group ones never are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEIGHBOUR_MARKERS } from '../../../connectors/servicenow/sandbox/seed/neighbours.js';
import { createBuiltinProvider } from '../../../src/ai/index.js';
import type { Handoff } from '../../../src/domain/handoff.js';
import type { ReadCheck } from '../../../src/domain/read-check.js';
import { scopeOf } from '../../../src/domain/scope.js';
import { createAiExecutor } from '../../../src/handoff/ai-executor.js';
import type { ExecuteResult } from '../../../src/handoff/ports.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { expectOnlyAllowedWrites, handOffWithReadable } from '../../support/flow-steps.js';
import { queuedHandoff } from '../../support/handoff-fixture.js';
import { readableEverything } from '../../support/requester-view.js';
import { captureLog, readSinks, recordingProvider, type RecordingProvider } from '../hostile/sinks.js';

const MARKERS = Object.values(NEIGHBOUR_MARKERS);
/** The title of INC0001987, an internal neighbour of INC0002041 in Network Operations: inside the boundary. */
const BASELINE_TITLE = 'VPN latency after firmware upgrade on EU-West gateway';

const FLOWS = [
  { number: 'INC0002041', agent: 'alex.rivera', operation: 'gather-diagnostics', outside: { restricted: 1, above_ticket_class: 1, group_not_opted_in: 1 } },
  // By CI, caller and group: the confidential deal-room ticket is both on the gateway and of the group, and counts once.
  { number: 'INC0002041', agent: 'alex.rivera', operation: 'evidence-pack', outside: { restricted: 2, above_ticket_class: 1, group_not_opted_in: 1 } },
  { number: 'REQ0002188', agent: 'nora.brandt', operation: 'least-privilege-checklist', outside: { restricted: 1, group_not_opted_in: 1 } },
  { number: 'RITM0002188', agent: 'nora.brandt', operation: 'evidence-pack', outside: { restricted: 1, group_not_opted_in: 1 } },
  { number: 'SIR0002274', agent: 'lena.fischer', operation: 'compile-exception-history', outside: { restricted: 1 } },
] as const;

type BoundaryAudit = { readCheck: string; used: { table: string; sysId: string; class: string }[]; withheld: Record<string, number> };

describe('the read boundary on the sandbox', () => {
  let h: FlowHarness;
  const captured = captureLog();
  let recorder: RecordingProvider;

  beforeAll(async () => {
    recorder = recordingProvider(createBuiltinProvider());
    h = await startFlowHarness({ provider: recorder.provider, log: captured.log, sandbox: { log: captured.log } });
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(h);
    await h.close();
  });

  /** The note of a hand-off and the read boundary its `executed` event recorded. */
  async function outcome(number: string, handoffId: string): Promise<{ note: string; boundary: BoundaryAudit }> {
    const note = (await h.notes(number)).filter((n) => n.by === 'svc.aihandoff' && n.value.includes(handoffId)).at(-1)!.value;
    const executed = (await h.worker!.ledger.forHandoff(handoffId)).find((e) => e.type === 'executed')!;
    return { note, boundary: executed.details.boundary as BoundaryAudit };
  }
  const sysIdOf = async (number: string) => (await h.ticket(number)).sysId;

  describe('the whole flow, with a request row that carries no usable read check: fail closed', () => {
    it.each(FLOWS)('$number $operation: a note that uses nothing beyond the ticket and says why, counts in the audit', async (c) => {
      const handoff = await handOffWithReadable(h, c.agent, c.number, c.operation, '');
      const { note, boundary } = await outcome(c.number, handoff.id);
      expect(note).toContain("Withheld: outside this hand-off's read boundary (counts only; nothing of them reached the AI or this note)");
      expect(note).toContain('- Nothing beyond this ticket was used: the request carries no read check from the instance.');
      // No source beyond the ticket is listed under Sources.
      expect(note).not.toMatch(/^\[S\d+\] (?:Related ticket|Configuration item) /m);
      expect(boundary.readCheck).toBe('missing');
      expect(boundary.used).toEqual([]);
      expect(Object.fromEntries(Object.entries(boundary.withheld).filter(([reason]) => reason !== 'read_check_unavailable'))).toEqual(c.outside);
    });

    it('sent none of the neighbours to the provider and left none in a note, the audit, a log, a job or Redis', async () => {
      const inputs = recorder.all().join('\n');
      expect(inputs).not.toBe('');
      for (const marker of MARKERS) expect(inputs, marker).not.toContain(marker);
      await new Promise((r) => setTimeout(r, 200));
      const sinks = await readSinks(h, captured.lines);
      for (const sink of sinks) for (const marker of MARKERS) expect(sink.text.includes(marker), `${marker} in ${sink.name}`).toBe(false);
      expect(sinks.find((s) => s.name === 'audit ledger')!.text).toContain('read_check_unavailable');
    });
  });

  describe('with the read check the app rule stores, listing every candidate', () => {
    /** The executor on the real connector, for a hand-off whose request carried `listed` as readable. */
    async function execute(number: string, operation: string, listed: (check: ReadCheck) => Promise<Record<string, string[]>>): Promise<{ result: ExecuteResult; inputs: string }> {
      const view = await h.ticket(number);
      const mapping = h.mapping(view.table);
      const record = (await h.connector.get(mapping, view.sysId))!;
      const policy = h.worker!.policy;
      const ticket = policy.toTicket(mapping, record);
      const panel = await policy.panel(ticket, { handoffs: [], notice: null });
      const op = panel.operations.find((o) => o.id === operation)!;
      const at = new Date().toISOString().slice(0, 19).replace('T', ' ');
      const readable = JSON.stringify({ check: panel.readCheck.id, at, readable: await listed(panel.readCheck) });
      const handoff: Handoff = queuedHandoff({ ticket: ticket.ref, operation, scope: scopeOf(op, ticket.ref, op.approval, panel.policyVersion), scopeDigest: op.scopeDigest, approval: op.approval, policyVersion: panel.policyVersion, readCheck: { readable, requestedOn: at } });
      const recording = recordingProvider(createBuiltinProvider());
      const executor = createAiExecutor({ connector: h.connector, provider: recording.provider, config: h.config.ai, titles: new Map([[operation, op.title]]), ours: (e) => e.createdBy === 'svc.aihandoff' });
      const result = await executor.execute({ handoff, ticket, record, mapping, boundary: { readCheck: panel.readCheck, rules: policy.boundaryRules() } });
      return { result, inputs: recording.all().join('\n') };
    }
    /** What the app's rule would list for a requester who may read everything the queries find. */
    const everything = (check: ReadCheck): Promise<Record<string, string[]>> => readableEverything(h.connector, h.mappings, check);
    const audit = (r: ExecuteResult) => r.audit.boundary as BoundaryAudit;

    it('INC0002041: uses the internal neighbours of opted-in groups and the CI record; withholds the restricted, the confidential and the Payroll one', async () => {
      const { result, inputs } = await execute('INC0002041', 'gather-diagnostics', everything);
      expect(result.ok).toBe(true);
      const b = audit(result);
      expect(b.readCheck).toBe('ok');
      expect(b.withheld).toEqual({ restricted: 1, above_ticket_class: 1, group_not_opted_in: 1 });
      const used = b.used.map((u) => u.sysId);
      for (const number of ['INC0001987', 'INC0002043', 'INC0002035']) expect(used).toContain(await sysIdOf(number));
      expect(b.used.find((u) => u.table === 'cmdb_ci')).toMatchObject({ class: 'internal' });
      for (const u of b.used) expect(['public', 'internal']).toContain(u.class);
      expect(inputs).toContain(BASELINE_TITLE);
      for (const marker of MARKERS) expect(inputs, marker).not.toContain(marker);
      if (result.ok) {
        for (const marker of MARKERS) expect(result.note).not.toContain(marker);
        expect(result.note).toContain('- 1 record: restricted data, which is never used');
        expect(result.note).toContain("- 1 record: classified above this ticket's data class");
        expect(result.note).toContain('- 1 record: owned by a group that has not opted in to AI');
      }
    });

    it('RITM0002188 and SIR0002274: the restricted and other-group neighbours stay out, by caller, group and CI', async () => {
      const item = await execute('RITM0002188', 'evidence-pack', everything);
      expect(audit(item.result).withheld).toEqual({ restricted: 1, group_not_opted_in: 1 });
      expect(audit(item.result).used.map((u) => u.sysId)).toContain(await sysIdOf('RITM0002150'));
      const security = await execute('SIR0002274', 'compile-exception-history', everything);
      expect(audit(security.result).withheld).toEqual({ restricted: 1 });
      expect(audit(security.result).used.map((u) => u.sysId)).toContain(await sysIdOf('SIR0002190'));
      for (const marker of MARKERS) expect(item.inputs + security.inputs, marker).not.toContain(marker);
    });

    it('withholds what the requester cannot open: only the listed records are used', async () => {
      const onlyCi = (check: ReadCheck): Promise<Record<string, string[]>> => Promise.resolve({ cmdb_ci: check.queries.flatMap((q) => (q.source === 'ci_record' ? [q.sysId] : [])) });
      const { result, inputs } = await execute('INC0002041', 'gather-diagnostics', onlyCi);
      const b = audit(result);
      expect(b.used.map((u) => u.table)).toEqual(['cmdb_ci']);
      expect(b.withheld.requester_cannot_open).toBeGreaterThanOrEqual(3);
      expect(inputs).not.toContain(BASELINE_TITLE);
      if (result.ok) expect(result.note).toContain('the requester cannot open them on the instance');
    });

    it("masks secrets in a neighbour's text too, not only in the ticket's", async () => {
      const password = 'Spring2026Gw!';
      const created = h.sandbox.records.create(
        'incident',
        {
          short_description: 'Gateway admin login shared in a ticket',
          description: `Temporary gateway admin account, password: ${password} until Friday.`,
          state: '7',
          close_code: 'Solved (Permanently)',
          close_notes: 'Rotated.',
          impact: '3',
          urgency: '3',
          cmdb_ci: (await h.ticket('INC0002041')).record.cmdb_ci!,
          assignment_group: (await h.ticket('INC0002041')).record.assignment_group!,
          caller_id: (await h.ticket('INC0002043')).record.caller_id!,
          [h.sandbox.appFields.dataClass]: 'internal',
        },
        h.sandbox.directory.actor(h.sandbox.directory.user('raj.patel')!),
      );
      expect(created.ok).toBe(true);
      const { result, inputs } = await execute('INC0002041', 'compare-baseline', everything);
      expect(result.ok).toBe(true);
      expect(inputs).toContain('Gateway admin login shared in a ticket');
      expect(inputs).not.toContain(password);
      expect(inputs).toContain('[masked-password-');
      expect(result.audit.masked).toMatchObject({ password: 1 });
      if (result.ok) expect(result.note).not.toContain(password);
    });
  });
});
