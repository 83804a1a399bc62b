import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/handoff/audit-event.js';
import type { DashboardView } from '../../../src/ops/dashboard-data.js';
import { renderDashboardPage } from '../../../src/ops/dashboard-page.js';
import { createTally } from '../../../src/ops/ledger-tally.js';

let seq = 0;
const ev = (type: AuditEvent['type'], handoff: string, at: number, details: Record<string, unknown> = {}): AuditEvent => ({
  type,
  handoff,
  ticket: null,
  actors: [],
  policyVersion: 'v',
  inputDigest: null,
  outputDigest: null,
  details,
  seq: ++seq,
  at: new Date(at * 1000).toISOString(),
  prev: '0'.repeat(64),
  keyId: 'k0000000000000000',
  hash: '0'.repeat(64),
});

describe('the ledger tally', () => {
  it('counts steps per operation and group, rates of ended reviews, and time to review, reading only new events', async () => {
    const events = [
      ev('requested', 'h1', 0, { operation: 'op' }),
      ev('executed', 'h1', 1, { operation: 'op', group: 'G' }),
      ev('written', 'h1', 2, { operation: 'op' }),
      ev('reviewed', 'h1', 62, { operation: 'op', decision: 'accept' }),
      ev('requested', 'h2', 0, { operation: 'op' }),
      ev('failed', 'h2', 1, { operation: 'op' }),
    ];
    let reads = 0;
    const tally = createTally((from, count) => {
      reads++;
      return Promise.resolve(events.slice(from, from + count));
    });
    let view = await tally.refresh();
    expect(view.events).toBe(6);
    expect(view.byOperation).toEqual([
      { key: 'op', counts: { requested: 2, written: 1, accepted: 1, rejected: 0, escalated: 0, expired: 0, failed: 1 }, rates: { acceptance: 1, rejection: 0, escalation: 0, expiry: 0 }, review: { count: 1, median: 60, p90: 60 } },
    ]);
    expect(view.byGroup.map((r) => [r.key, r.counts.accepted, r.counts.failed])).toEqual([['(unknown)', 0, 1], ['G', 1, 0]]);

    events.push(ev('expired', 'h3', 5, { operation: 'other' }));
    view = await tally.refresh();
    expect(view.events).toBe(7);
    expect(view.byOperation.find((r) => r.key === 'other')?.rates).toEqual({ acceptance: 0, rejection: 0, escalation: 0, expiry: 1 });
    expect(reads).toBe(2);
  });
});

describe('the dashboard page', () => {
  it('escapes every value, shows a chart of the split, and reloads itself', () => {
    const view: DashboardView = {
      generatedAt: '2026-01-01T00:00:00.000Z',
      refreshSeconds: 15,
      classification: {
        at: '2026-01-01T00:00:00.000Z',
        dashboard: {
          policyVersion: '1<b>',
          tables: [{ table: 'incident', active: 4, eligible: 2, approvalBound: 1, blocked: 1 }],
          total: { table: 'all', active: 4, eligible: 2, approvalBound: 1, blocked: 1 },
          shares: { eligible: 0.5, 'approval-bound': 0.25, blocked: 0.25 },
          handoffs: { queued: 0, running: 0, awaiting_review: 0, accepted: 0, rejected: 0, escalated: 0, expired: 0, failed: 0 },
        },
      },
      classificationError: null,
      handoffs: { queued: 1, running: 0, awaiting_review: 0, accepted: 0, rejected: 0, escalated: 0, expired: 0, failed: 0 },
      flow: { events: 1, byOperation: [], byGroup: [{ key: '<script>alert(1)</script>', counts: { requested: 0, written: 1, accepted: 0, rejected: 0, escalated: 0, expired: 0, failed: 0 }, rates: null, review: { count: 0, median: null, p90: null } }], review: { count: 0, median: null, p90: null } },
      titles: {},
      budgets: [{ group: 'G"&', state: 'ok', share: 0.5, period: '2026-01', resetsAt: 'x' }],
      queues: { execute: { waiting: 2 } },
      syncLag: { incident: 3 },
      readiness: { ready: true, checks: { redis: { ok: true, detail: '' }, instance: { ok: true, detail: '' }, sync: { ok: true, detail: '' } } },
    };
    const html = renderDashboardPage(view);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('G&quot;&amp;');
    expect(html).toContain('1&lt;b&gt;');
    expect(html).toContain('<meta http-equiv="refresh" content="15">');
    expect(html).toMatch(/<svg id="split-chart"[^>]*role="img"[^>]*aria-label="active work: eligible 50%, approval-bound 25%, blocked 25%"/);
    expect(html).toContain('<rect data-class="eligible" data-share="0.5" x="0" y="0" width="500"');
  });
});
