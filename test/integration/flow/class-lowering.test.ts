/**
 * The data class cannot be lowered to get round the policy (issue 10): on the
 * sandbox, with the real worker, a request within the cool-down after the
 * ticket's classification was lowered is refused with a reason that names
 * the lowering, and the lowering is an audit event naming who did it (from
 * sys_audit). The red-team run's case, a restricted ticket lowered to public
 * by an ordinary agent, is stopped first by the app's field write rule
 * (docs/contract.md: only a data steward or admin sets the class); a data
 * steward's lowering, after which the panel turns eligible, is what the
 * worker refuses.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/handoff/audit-event.js';
import type { FlowHarness } from '../../support/flow-harness.js';
import { handOff, untilNotice, useFlowHarness } from '../../support/flow-steps.js';
import { fromRoot } from '../../../src/util/paths.js';

async function events(h: FlowHarness, type: AuditEvent['type'], number: string): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for await (const e of h.worker!.ledger.events()) if (e.type === type && e.ticket?.number === number) out.push(e);
  return out;
}

async function lower(h: FlowHarness, user: string, number: string, to: string): Promise<void> {
  const status = await h.patchAs(user, number, { [h.sandbox.appFields.dataClass]: to });
  expect(status).toBe(200);
  // The panel follows the class on the next sync: wait for it, so the request is confirmed against the lowered scope.
  await h.waitFor(`the panel of ${number} at ${to}`, async () => (await h.ticket(number)).panel?.ticket.dataClass === to);
}

describe('lowering the class, default policy: refused for everyone for 24 hours', () => {
  const run = useFlowHarness();

  it('refuses a request on a restricted ticket lowered to public, and records who lowered it', async () => {
    const { h } = run;
    const before = await h.waitFor('the panel on INC0002052', async () => (await h.ticket('INC0002052')).panel);
    expect(before.ticket.dataClass).toBe('restricted');
    expect(before.operations.find((o) => o.id === 'gather-diagnostics')!.outcome).toBe('blocked');

    // An agent cannot lower it: the class is the data steward's (a field-level write rule).
    expect(await h.patchAs('alex.rivera', 'INC0002052', { [h.sandbox.appFields.dataClass]: 'public' })).toBe(403);
    // A restricted ticket is readable only by its group (Legal Hold) and admin: admin lowers it.
    await lower(h, 'admin', 'INC0002052', 'public');
    const lowered = (await h.ticket('INC0002052')).panel!;
    expect(lowered.operations.find((o) => o.id === 'gather-diagnostics')!.outcome).toBe('eligible');
    expect(lowered.ticket.classLowered).toMatchObject({ from: 'restricted', to: 'public' });

    await h.request('alex.rivera', 'INC0002052', { operation: 'gather-diagnostics' });
    const t = await untilNotice(h, 'INC0002052', 'was lowered');
    expect(t.panel!.notice!.message).toMatch(/^The request was not taken: the data classification of INC0002052 was lowered from Restricted to Public by admin at .+, and policy refuses AI hand-off until .+\.$/);
    expect(t.panel!.notice!.remedy).toContain('data steward');
    expect(t.panel!.handoffs).toEqual([]);
    expect((await h.notes('INC0002052')).filter((n) => n.by === 'svc.aihandoff')).toEqual([]);

    const [event] = await events(h, 'class_lowered', 'INC0002052');
    expect(event?.details).toMatchObject({ from: 'restricted', to: 'public', by: 'admin' });
    expect(typeof event?.details.coolDownEndsAt).toBe('string');
    const [refused] = await events(h, 'refused', 'INC0002052');
    expect(refused?.details.code).toBe('BOUNDARY_CLASS_LOWERED');
    expect(refused?.actors).toEqual([{ role: 'requester', userName: 'alex.rivera' }]);
  });

  it('refuses it for another agent too, and records the lowering once', async () => {
    const { h } = run;
    // The app refuses a second request while the first row is still pending: Nora asks again until it has ended.
    await h.waitFor("Nora's request taken by the app", async () => ((await h.tryRequest('nora.brandt', 'INC0002052', { operation: 'gather-diagnostics' })).status === 201 ? true : undefined));
    await h.waitFor('the second refusal', async () => (await events(h, 'refused', 'INC0002052')).length === 2);
    expect(await events(h, 'class_lowered', 'INC0002052')).toHaveLength(1);
  });

  it('takes the request once the class is back where it was lowered from, or higher', async () => {
    const { h } = run;
    await lower(h, 'ruth.okafor', 'INC0002043', 'public');
    await h.request('alex.rivera', 'INC0002043', { operation: 'gather-diagnostics' });
    await untilNotice(h, 'INC0002043', 'lowered from Internal to Public');
    await lower(h, 'ruth.okafor', 'INC0002043', 'internal');
    const handoff = await handOff(h, 'alex.rivera', 'INC0002043', 'gather-diagnostics');
    expect(handoff.status).toBe('awaiting_review');
  });

  it('takes a request on a ticket whose class was raised, not lowered', async () => {
    const { h } = run;
    await lower(h, 'ruth.okafor', 'INC0002047', 'confidential');
    const handoff = await handOff(h, 'alex.rivera', 'INC0002047', 'gather-diagnostics');
    expect(handoff.status).toBe('awaiting_review');
    expect(await events(h, 'class_lowered', 'INC0002047')).toEqual([]);
  });
});

/** A copy of the shipped policy that refuses only the one who lowered the class. */
function lowererPolicy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aih-policy-'));
  cpSync(fromRoot('config', 'policy'), dir, { recursive: true });
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('    refuse: everyone\n', '    refuse: lowerer\n'));
  return dir;
}

describe('lowering the class, policy refuse: lowerer', () => {
  const run = useFlowHarness(() => {
    const dir = lowererPolicy();
    return { config: (c) => ({ ...c, paths: { ...c.paths, policy: dir } }) };
  });

  it('takes a request from someone else than who lowered it, and still records the lowering', async () => {
    const { h } = run;
    await lower(h, 'ruth.okafor', 'INC0002043', 'public');
    const handoff = await handOff(h, 'alex.rivera', 'INC0002043', 'gather-diagnostics');
    expect(handoff.status).toBe('awaiting_review');
    const [event] = await events(h, 'class_lowered', 'INC0002043');
    expect(event?.details).toMatchObject({ from: 'internal', to: 'public', by: 'ruth.okafor' });
  });

  it('refuses the one who lowered it', async () => {
    const { h } = run;
    // Only a data steward or admin may lower it; admin also holds the agent role, so may ask for a hand-off.
    await lower(h, 'admin', 'INC0002047', 'public');
    await h.request('admin', 'INC0002047', { operation: 'gather-diagnostics' });
    await untilNotice(h, 'INC0002047', 'lowered from Internal to Public by admin');
  });
});
