/**
 * The review buttons and the worker agree on who may review: for random
 * hand-offs (approval required or not, approver a user, a group or none) on
 * tickets with random owners, the shared module offers a hand-off to exactly
 * the cast members the worker's own `mayReview` (src/handoff/review.ts)
 * accepts, given the app roles. The panel's hand-off entry is the worker's
 * own `toPanelHandoff`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewableHandoffs, type ScopeReviewUser } from '../../connectors/servicenow/shared/scope-review.js';
import type { Handoff } from '../../src/domain/handoff.js';
import type { Ticket } from '../../src/domain/ticket.js';
import type { FlowDeps } from '../../src/handoff/flow-deps.js';
import { toPanelHandoff } from '../../src/handoff/panel-writer.js';
import { mayReview } from '../../src/handoff/review.js';
import { CAST, GROUPS } from './support/cast.js';
import { HANDOFF_AWAITING, incidentPanel } from './support/panels.js';

const PEOPLE = [CAST.alex, CAST.irene, CAST.morgan, CAST.nora, CAST.samira, CAST.priya];
const GROUP_IDS = Object.values(GROUPS);
const BOTH_ROLES = ['x_acme_aihandoff.agent', 'x_acme_aihandoff.reviewer'];

/** Only what mayReview reads of its deps: the integration user and group membership (the worker's people cache). */
const deps = {
  settings: { integrationUser: CAST.integration.userName },
  people: { groupMembers: (group: string) => Promise.resolve(PEOPLE.filter((p) => (p.groups as readonly string[]).includes(group)).map((p) => p.sysId)) },
} as unknown as FlowDeps;

const person = fc.constantFrom(...PEOPLE);
const party = fc.oneof(
  fc.constant(null),
  person.map((p) => ({ kind: 'user' as const, id: p.sysId })),
  fc.constantFrom(...GROUP_IDS).map((id) => ({ kind: 'group' as const, id })),
);
const approval = fc.oneof(
  fc.record({ required: fc.constant(true), role: fc.constant('incident_commander' as const), approver: party }),
  fc.constant({ required: false, role: null, approver: null }),
);
const owner = fc.record({ assignee: fc.option(person.map((p) => p.sysId), { nil: null }), group: fc.option(fc.constantFrom(...GROUP_IDS), { nil: null }) });

function handoffOf(requester: ScopeReviewUser, need: Handoff['approval']): Handoff {
  return {
    id: HANDOFF_AWAITING,
    operation: 'gather-diagnostics',
    status: 'awaiting_review',
    requester: { userName: requester.userName, sysId: requester.sysId },
    approval: need,
    updatedAt: '2025-11-20T10:00:00.000Z',
  } as unknown as Handoff;
}

function ticketOwnedBy(o: { assignee: string | null; group: string | null }): Ticket {
  return { owner: { assignee: o.assignee === null ? null : { id: o.assignee }, group: o.group === null ? null : { id: o.group } } } as unknown as Ticket;
}

describe('who may review, in the app and in the worker', () => {
  it('is the same person set for every hand-off, given the app roles', async () => {
    await fc.assert(
      fc.asyncProperty(person, approval, owner, async (requester, need, o) => {
        const handoff = handoffOf(requester, need);
        const panel = incidentPanel({ handoffs: [toPanelHandoff(handoff)], owner: o });
        for (const user of PEOPLE) {
          const worker = (await mayReview(deps, handoff, ticketOwnedBy(o), { userName: user.userName, sysId: user.sysId })).ok;
          const app = reviewableHandoffs(panel, { ...user, roles: BOTH_ROLES }).length === 1;
          expect(app, `${user.userName} on ${JSON.stringify({ requester: requester.userName, need, o })}`).toBe(worker);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never offers a hand-off to the integration user', () => {
    const handoff = handoffOf(CAST.alex, { required: false, role: null, approver: null });
    const panel = incidentPanel({ handoffs: [toPanelHandoff(handoff)] });
    expect(reviewableHandoffs(panel, CAST.integration)).toEqual([]);
  });
});
