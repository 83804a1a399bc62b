import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewableHandoffs, type ScopeReviewUser } from '../../../connectors/servicenow/shared/scope-review.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { expectOnlyAllowedWrites, handOff } from '../../support/flow-steps.js';
import { redisUrl } from '../../support/redis.js';

describe('INC0002041 through the whole flow (sandbox, real Redis, BullMQ, built-in provider)', () => {
  let h: FlowHarness;
  beforeAll(async () => {
    h = await startFlowHarness();
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(h);
    await h.close();
  });

  it('shows the panel, takes the evidence request, writes one attributed note, and records the review', async () => {
    const before = await h.waitFor('the panel on INC0002041', async () => {
      const t = await h.ticket('INC0002041');
      return t.panel ? t : undefined;
    });
    expect(before.panel!.classification).toBe('eligible');
    expect(before.status).toBe('eligible');
    const stateBefore = before.record.state;

    const row = await h.request('alex.rivera', 'INC0002041', { operation: 'gather-diagnostics' });
    const written = await h.waitFor('the evidence pack', async () => {
      const t = await h.ticket('INC0002041');
      return t.status === 'awaiting_review' ? t : undefined;
    });
    const handoff = written.panel!.handoffs[0]!;
    expect(handoff).toMatchObject({ operation: 'gather-diagnostics', status: 'awaiting_review', requestedBy: 'alex.rivera' });
    // The request row is taken, naming its hand-off; the hand-off keeps the row and its read check.
    expect(await h.row('request', row)).toMatchObject({ state: 'queued', handoff: handoff.id, message: '' });
    expect(await h.worker!.store.get(handoff.id)).toMatchObject({ requestRow: row, requester: { userName: 'alex.rivera' } });

    const notes = await h.notes('INC0002041');
    const ours = notes.filter((n) => n.by === 'svc.aihandoff');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.value).toContain('alex.rivera');
    expect(ours[0]!.value).toContain(handoff.id);

    // The panel the worker wrote names the owner, so the review buttons (the shared module) offer the evidence pack,
    // which needs no approval, to its requester and the owning group, as the worker's own rule allows.
    expect(written.panel!.ticket.owner).toEqual({ assignee: written.record.assigned_to || null, group: written.record.assignment_group || null });
    const asUser = (userName: string): ScopeReviewUser => {
      const sysId = h.sandbox.directory.user(userName)!.v.sys_id!;
      return { sysId, userName, roles: [...h.sandbox.directory.roles(sysId)], groups: h.sandbox.directory.groups(sysId) };
    };
    expect(reviewableHandoffs(written.panel, asUser('alex.rivera')).map((x) => x.id)).toEqual([handoff.id]);
    expect(reviewableHandoffs(written.panel, asUser('samira.haddad'))).toEqual([]);

    const reviewRow = await h.review('alex.rivera', 'INC0002041', { handoff: handoff.id, decision: 'accept' });
    const accepted = await h.waitFor('the review', async () => {
      const t = await h.ticket('INC0002041');
      return t.status === 'accepted' ? t : undefined;
    });
    expect(await h.row('review', reviewRow)).toMatchObject({ state: 'recorded' });
    expect(accepted.record.state).toBe(stateBefore);

    const fields = h.integrationFields();
    expect([...fields].every((f) => h.allowedFields().has(f))).toBe(true);
  });

  it("masks secrets in the operator's note and records the masking in the audit, counts by kind, never the values", async () => {
    const password = 'Winter2025Vpn';
    const apiKey = 'sk-proj-Q7bZr2XkT9mW4pL8vN3c';
    const handoff = await handOff(h, 'alex.rivera', 'INC0002047', 'gather-diagnostics', `Focus on the last hour. The test account password: ${password}, and the monitoring api_key=${apiKey}.`);
    const requested = (await h.worker!.ledger.forHandoff(handoff.id)).find((e) => e.type === 'requested');
    expect(requested?.details.hasNote).toBe(true);
    expect(requested?.details.noteMasked).toEqual({ password: 1, api_key: 1 });

    // Neither value is anywhere in the ledger as stored, nor in the ticket's notes.
    const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
    try {
      const stored = (await redis.lrange(`${h.prefix}:audit:events`, 0, -1)).join('\n');
      expect(stored).toContain(handoff.id);
      for (const secret of [password, apiKey]) expect(stored).not.toContain(secret);
    } finally {
      await redis.quit();
    }
    const notes = (await h.notes('INC0002047')).filter((n) => n.by === 'svc.aihandoff').map((n) => n.value).join('\n');
    for (const secret of [password, apiKey]) expect(notes).not.toContain(secret);
  });

  it('records that nothing was masked when the note holds no secret', async () => {
    const handoff = await handOff(h, 'alex.rivera', 'INC0002043', 'gather-diagnostics', 'Focus on the last hour.');
    const requested = (await h.worker!.ledger.forHandoff(handoff.id)).find((e) => e.type === 'requested');
    expect(requested?.details.hasNote).toBe(true);
    expect(requested?.details.noteMasked).toEqual({});
  });
});
