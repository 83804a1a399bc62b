/**
 * The dashboard page in Chromium after a few hand-offs (accepted, rejected,
 * escalated, one awaiting review): the seed's chart and tiles and the
 * hand-offs by status agree with `ai-handoff report --json`; the flow
 * figures per operation and group are the ones the ledger records; the page
 * reloads itself and shows no ticket text or people.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../connectors/servicenow/sandbox/index.js';
import { createAuditLedger } from '../../src/handoff/audit-ledger.js';
import type { Dashboard } from '../../src/handoff/report.js';
import { connectOnce } from '../../src/queue/redis-connection.js';
import { auditEventsKey, createTally, redisEventReader } from '../../src/ops/ledger-tally.js';
import { fromRoot } from '../../src/util/paths.js';
import { openBrowser, type Browser } from '../e2e/support/browser.js';
import { expectOnlyAllowedWrites, handOff, untilStatus } from '../support/flow-steps.js';
import { redisUrl } from '../support/redis.js';
import { runCli } from '../support/run-cli.js';
import { startOpsHarness, type OpsHarness } from './support/ops-harness.js';
import { testAuditKeys } from '../support/audit.js';

const TOKEN = 'dashboard-test-token-77e1c';

async function report(o: OpsHarness): Promise<Dashboard> {
  const saved = { ...process.env };
  Object.assign(process.env, { SN_INSTANCE_URL: o.h.sandbox.url, SN_USERNAME: INTEGRATION_USER, SN_PASSWORD: INTEGRATION_PASSWORD });
  try {
    const run = await runCli(['report', '--json', '--config', fromRoot('config', 'sandbox.yaml'), '--redis-url', redisUrl(), '--prefix', o.h.prefix]);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Dashboard;
  } finally {
    for (const key of ['SN_INSTANCE_URL', 'SN_USERNAME', 'SN_PASSWORD']) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

describe('the dashboard page', () => {
  let o: OpsHarness;
  let browser: Browser;
  beforeAll(async () => {
    o = await startOpsHarness({ token: TOKEN, config: (c) => ({ ...c, ops: { ...c.ops, dashboard: { refreshSeconds: 2, classifyEveryMs: 1_000 } } }) });
    browser = await openBrowser();
    await browser.page.setExtraHTTPHeaders({ authorization: `Bearer ${TOKEN}` });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    expectOnlyAllowedWrites(o.h);
    await o?.close();
  });

  it('shows the chart and the figures report computes, and the flow per operation and group', async () => {
    const h = o.h;
    const evidence = await handOff(h, 'alex.rivera', 'INC0002041', 'gather-diagnostics');
    await h.review('alex.rivera', 'INC0002041', { handoff: evidence.id, decision: 'accept' });
    await untilStatus(h, 'INC0002041', 'accepted');
    const packet = await handOff(h, 'alex.rivera', 'INC0002041', 'draft-vendor-escalation');
    await h.review('irene.costa', 'INC0002041', { handoff: packet.id, decision: 'reject', comment: 'Not yet.' });
    await untilStatus(h, 'INC0002041', 'rejected');
    const second = await handOff(h, 'alex.rivera', 'INC0002047', 'gather-diagnostics');
    await h.review('alex.rivera', 'INC0002047', { handoff: second.id, decision: 'escalate' });
    await untilStatus(h, 'INC0002047', 'escalated');
    await handOff(h, 'lena.fischer', 'SIR0002274', 'compile-exception-history');

    const expected = await report(o);
    expect(expected.handoffs).toMatchObject({ accepted: 1, rejected: 1, escalated: 1, awaiting_review: 1 });
    const { page } = browser;
    await page.goto(`${o.url}/`);
    await page.waitForSelector('#split-chart');

    // The seed's three figures: tiles and chart, equal to report's.
    // Read in one evaluation: the page reloads itself every 2 s here, and a reload between reads would detach the nodes.
    const read = `(() => {
      const whole = document.querySelector('#split-chart').getBoundingClientRect().width;
      const of = (key) => ({
        pct: document.querySelector('.tile[data-class="' + key + '"] .pct').textContent,
        count: document.querySelector('.tile[data-class="' + key + '"] .count').textContent,
        share: Number(document.querySelector('#split-chart rect[data-class="' + key + '"]').getAttribute('data-share')),
        width: document.querySelector('#split-chart rect[data-class="' + key + '"]').getBoundingClientRect().width / whole,
      });
      return { eligible: of('eligible'), 'approval-bound': of('approval-bound'), blocked: of('blocked') };
    })()`;
    const shown = await page.evaluate<Record<'eligible' | 'approval-bound' | 'blocked', { pct: string; count: string; share: number; width: number }>>(read);
    for (const [key, count] of [['eligible', expected.total.eligible], ['approval-bound', expected.total.approvalBound], ['blocked', expected.total.blocked]] as const) {
      const share = expected.shares[key];
      expect(shown[key].pct).toBe(`${Math.round(share * 100)}%`);
      expect(shown[key].count).toBe(`${count} of ${expected.total.active}`);
      expect(shown[key].share).toBeCloseTo(share, 10);
      expect(shown[key].width).toBeCloseTo(share, 2);
    }
    expect(await page.getAttribute('#split-chart', 'role')).toBe('img');
    for (const row of expected.tables) {
      const cells = await page.locator(`#split-tables tr[data-table="${row.table}"] td`).allTextContents();
      expect(cells.slice(0, 4).map(Number)).toEqual([row.active, row.eligible, row.approvalBound, row.blocked]);
    }
    for (const [status, n] of Object.entries(expected.handoffs)) expect(await page.textContent(`#handoffs tr[data-status="${status}"] td`)).toBe(String(n));

    // The flow, from the ledger.
    const cell = (table: string, key: string, attr: string): Promise<string | null> => page.textContent(`#${table} tr[data-key="${key}"] td[${attr}]`);
    expect(await cell('by-operation', 'gather-diagnostics', 'data-step="requested"')).toBe('2');
    expect(await cell('by-operation', 'gather-diagnostics', 'data-step="written"')).toBe('2');
    expect(await cell('by-operation', 'gather-diagnostics', 'data-rate="acceptance"')).toBe('50%');
    expect(await cell('by-operation', 'gather-diagnostics', 'data-rate="escalation"')).toBe('50%');
    expect(await cell('by-operation', 'draft-vendor-escalation', 'data-rate="rejection"')).toBe('100%');
    expect(await cell('by-operation', 'compile-exception-history', 'data-rate="acceptance"')).toBe('–');
    expect(await page.textContent('#by-operation tr[data-key="gather-diagnostics"] th')).toBe('Gather diagnostics');
    expect(await cell('by-group', 'Network Operations', 'data-step="accepted"')).toBe('1');
    expect(await cell('by-group', 'Network Operations', 'data-step="rejected"')).toBe('1');
    expect(await page.textContent('#review-time')).toMatch(/ over 3 reviews$/);
    expect(await page.getAttribute('#readiness', 'data-ready')).toBe('true');

    // Aggregates only: no ticket numbers, ticket text or people.
    const text = await page.content();
    for (const forbidden of ['INC0002041', 'INC0002047', 'SIR0002274', 'Remote access', 'alex.rivera', 'irene.costa', 'Irene', 'Not yet.', evidence.id]) expect(text).not.toContain(forbidden);
  }, 120_000);

  it('reloads itself', async () => {
    const { page } = browser;
    await page.goto(`${o.url}/`);
    const first = await page.getAttribute('#generated', 'datetime');
    // The page runs no script (its policy forbids it), so the reload is the browser's own, from the meta refresh.
    await page.waitForEvent('framenavigated', { timeout: 10_000 });
    await page.waitForSelector('#generated');
    expect(await page.getAttribute('#generated', 'datetime')).not.toBe(first);
  });

  it('serves the same figures as JSON, and reads the ledger list the audit ledger writes', async () => {
    const json = (await (await fetch(`${o.url}/dashboard.json`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { flow: { events: number } };
    const redis = await connectOnce(redisUrl());
    try {
      const ledger = createAuditLedger({ redis, prefix: o.h.prefix, keys: testAuditKeys() });
      const head = await ledger.head();
      expect(await redis.llen(auditEventsKey(o.h.prefix))).toBe(head.seq);
      expect(json.flow.events).toBeLessThanOrEqual(head.seq);
      const tally = await createTally(redisEventReader(redis, o.h.prefix)).refresh();
      expect(tally.events).toBe(head.seq);
      const fromLedger: string[] = [];
      for await (const event of ledger.events()) fromLedger.push(event.hash);
      expect(fromLedger).toHaveLength(head.seq);
    } finally {
      redis.disconnect();
    }
  });
});
