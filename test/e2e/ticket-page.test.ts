/**
 * The whole product end to end, as a newcomer meets it: `ai-handoff start`
 * in a child process (the seeded sandbox, the worker with the built-in
 * provider, the test run's Redis), and INC0002041's ticket page in real
 * Chromium. Alex Rivera assigns evidence gathering through the scope review
 * and watches the attributed evidence pack arrive in the work notes; then
 * assigns the vendor escalation draft, and Irene Costa, the incident
 * commander, accepts it. Each click creates a row of the app's request or
 * review table as the person; the worker picks it up at once (the doorbell
 * `ai-handoff start` wires). The Table API then shows the ticket's state,
 * assignment, priority and approval unchanged, and the platform's audit
 * shows the integration user wrote only work notes, the AI fields and its
 * columns of the app's rows. SIGTERM stops the product cleanly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUrl, testPrefix } from '../support/redis.js';
import { openBrowser, type Browser } from './support/browser.js';
import { startProduct, type RunningProduct } from './support/product.js';

const NUMBER = 'INC0002041';
/** The fields that mean state, assignment, approval and priority: the product never changes them. */
const UNTOUCHED = ['state', 'incident_state', 'active', 'assigned_to', 'assignment_group', 'priority', 'impact', 'urgency', 'approval', 'close_code', 'close_notes', 'comments'] as const;
/** What the integration user may write, as table.field: work notes and the AI fields of tickets (the panel is not audited), and its columns of the app's rows. */
const INTEGRATION_MAY_WRITE = new Set([
  ...['incident', 'sc_request', 'sc_req_item', 'sn_si_incident', 'rm_enhancement'].flatMap((t) => ['work_notes', 'x_acme_aihandoff_panel', 'x_acme_aihandoff_status'].map((f) => `${t}.${f}`)),
  ...['state', 'handoff', 'message', 'remedy'].map((c) => `x_acme_aihandoff_request.${c}`),
  ...['state', 'message', 'remedy'].map((c) => `x_acme_aihandoff_review.${c}`),
]);
const ADMIN = `Basic ${Buffer.from('admin:sandbox').toString('base64')}`;
/** How long the worker may take to show a result on the page (sync every 500 ms, page polls every second). */
const SEEN_WITHIN_MS = 20_000;

let dataDir: string;
let product: RunningProduct;
let browser: Browser;
let page: Page;
let before: Record<string, string>;

async function tableApi<T = Record<string, string>[]>(path: string): Promise<T> {
  const res = await fetch(`${product.url}${path}`, { headers: { authorization: ADMIN, accept: 'application/json' } });
  expect(res.status, `GET ${path}`).toBe(200);
  return ((await res.json()) as { result: T }).result;
}

async function incident(): Promise<Record<string, string>> {
  const rows = await tableApi(`/api/now/table/incident?sysparm_query=number=${NUMBER}&sysparm_exclude_reference_link=true&sysparm_limit=1`);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function signInAs(userName: string): Promise<void> {
  await page.selectOption('#user-select', userName);
  await Promise.all([page.waitForURL(/\/ticket\/INC0002041$/), page.click('#switch-user')]);
  await page.waitForSelector('#ticket-fields .field');
}

/** The work notes the page shows, newest first: author and text. */
async function notesOnPage(): Promise<{ by: string; text: string }[]> {
  // One evaluation, so a re-render between reads cannot pair an author with another entry's text.
  const read = `[...document.querySelectorAll('#work-notes .journal-entry')].map((li) => ({
    by: li.querySelector('.journal-author')?.textContent ?? '',
    text: li.querySelector('.journal-text')?.textContent ?? '',
  }))`;
  return page.evaluate<{ by: string; text: string }[]>(read);
}

/** `operation:outcome` of each listed operation. */
async function outcomes(items: Locator): Promise<string[]> {
  const out: string[] = [];
  for (const li of await items.all()) out.push(`${await li.getAttribute('data-operation')}:${await li.getAttribute('data-outcome')}`);
  return out;
}

async function aiNotes(): Promise<string[]> {
  return (await notesOnPage()).filter((n) => n.by === 'AI Handoff Integration').map((n) => n.text);
}

async function assign(operation: string): Promise<void> {
  await page.click('#assign-ai');
  const dialog = page.locator('#scope-review');
  await dialog.waitFor({ state: 'visible' });
  await dialog.locator(`#op-${operation}`).check();
  await page.click('#scope-confirm');
  await expect.poll(() => page.textContent('#page-status')).toContain('Request sent');
  await dialog.waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ai-handoff-e2e-'));
  product = await startProduct({
    dataDir,
    env: { REDIS_URL: redisUrl(), AI_HANDOFF_PREFIX: testPrefix('e2e'), SYNC_INTERVAL_MS: '500' },
  });
  browser = await openBrowser();
  page = browser.page;
  before = await incident();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  product?.kill();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('INC0002041 on the ticket page, against ai-handoff start', () => {
  it('opens the ticket as Alex Rivera and shows the panel the worker wrote', async () => {
    await page.goto(`${product.url}/ticket/${NUMBER}`);
    await expect.poll(() => page.textContent('#page-status')).toContain('Choose a person');
    await signInAs('alex.rivera');
    expect(await page.textContent('#current-user')).toBe('Signed in as Alex Rivera');
    expect(await page.textContent('#ticket-heading')).toBe('INC0002041 Remote access latency');
    // The sandbox starts with empty AI fields: the panel is the running worker's first sync.
    await page.locator('#ai-operations > li[data-operation="gather-diagnostics"]').waitFor({ timeout: SEEN_WITHIN_MS });
    expect(await page.getAttribute('#ai-operations > li[data-operation="gather-diagnostics"]', 'data-outcome')).toBe('eligible');
    expect(await page.textContent('#ai-status')).toBe('Eligible');
  }, 40_000);

  it('shows the scope review: what the AI may read, expected output, stop conditions, blocked actions, approval', async () => {
    await page.click('#assign-ai');
    const dialog = page.getByRole('dialog', { name: /scope review/ });
    await dialog.waitFor();
    const gather = dialog.locator('li[data-operation="gather-diagnostics"]');
    const text = (await gather.textContent()) ?? '';
    for (const section of ['What the AI may read', "This ticket's work notes", 'Expected output', 'Stop conditions', 'Blocked actions']) expect(text).toContain(section);
    // The read boundary, in plain words, before Confirm (docs/boundary.md).
    expect(text).toContain('Beyond this ticket');
    expect(text).toContain('up to Internal, only from groups that use AI, only those you can open.');
    expect(await gather.locator('.op-approval').textContent()).toBe('No approval needed before use.');
    expect(await dialog.locator('#op-gather-diagnostics').isDisabled()).toBe(false);
    const draft = dialog.locator('li[data-operation="draft-vendor-escalation"]');
    expect(await draft.locator('.op-approval').textContent()).toBe('Approval required before use by Irene Costa (incident commander).');
    // Every operation the panel offers is in the review, with its outcome from policy.
    const offered = await outcomes(dialog.locator('li[data-operation]'));
    expect(offered).toEqual(expect.arrayContaining(['gather-diagnostics:eligible', 'draft-vendor-escalation:approval-bound']));
    expect(offered).toEqual(await outcomes(page.locator('#ai-operations > li')));
    await page.click('#scope-cancel');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('assigns evidence gathering and the attributed evidence pack appears in the work notes', async () => {
    const notesBefore = (await notesOnPage()).length;
    await assign('gather-diagnostics');
    await expect.poll(aiNotes, { timeout: SEEN_WITHIN_MS, interval: 250 }).toHaveLength(1);
    const [pack] = await aiNotes();
    expect(pack).toContain('=== AI evidence pack: review before relying on it ===');
    expect(pack).toContain('Operation: Gather diagnostics (gather-diagnostics)');
    expect(pack).toContain('Requested by: Alex Rivera (alex.rivera)');
    expect(pack).toContain('Approval: not required by policy');
    expect(pack).toMatch(/Policy version: \S+ \| scope digest: [0-9a-f]{32}/);
    expect(pack).toContain('Generated by: built-in grounded provider');
    expect(pack).toMatch(/Hand-off: ho_[a-z2-7]{26}/);
    expect(pack).toContain('Sources');
    // Nobody reloaded the page: it polls, and the note arrived on top of the people's notes.
    expect((await notesOnPage()).length).toBe(notesBefore + 1);
    const row = page.locator('#handoffs tbody tr[data-handoff]');
    await expect.poll(() => row.first().getAttribute('data-status'), { timeout: SEEN_WITHIN_MS }).toBe('awaiting_review');
  }, 40_000);

  it('assigns the vendor escalation draft, and the incident commander accepts it', async () => {
    await assign('draft-vendor-escalation');
    await expect.poll(aiNotes, { timeout: SEEN_WITHIN_MS, interval: 250 }).toHaveLength(2);
    const draft = (await aiNotes()).find((n) => n.includes('=== AI draft: not for use before approval ===')) ?? '';
    expect(draft).toContain('=== AI draft: not for use before approval ===');
    expect(draft).toContain('--- Vendor escalation packet ---');
    expect(draft).toContain('Approval: required before use, by the incident commander (Irene Costa)');
    const handoff = /Hand-off: (ho_[a-z2-7]{26})/.exec(draft)![1]!;
    // Alex asked for it: no review buttons for the requester.
    expect(await page.isVisible(`#review-${handoff}`)).toBe(false);

    await signInAs('irene.costa');
    const review = page.locator(`#review-${handoff}`);
    await review.waitFor({ timeout: SEEN_WITHIN_MS });
    expect(await review.locator('.op-approval').textContent()).toContain('Irene Costa');
    // The approver decides where she stands (issue 12): the draft the worker wrote, who asked, where Escalate goes.
    expect(await review.locator('.review-draft-lines').textContent()).toContain('--- Vendor escalation packet ---');
    expect(await review.locator('.review-requester').textContent()).toBe('Asked by Alex Rivera, with no note');
    expect(await review.locator('.review-escalate-to').textContent()).toBe('Escalate hands it to Victor Alvarez, your manager, who then decides it.');
    // Both await her: the draft as incident commander, the evidence pack as a member of the assignment group.
    expect(await page.textContent('#ai-summary')).toBe('(hand-offs: 2 awaiting your review)');
    await review.getByLabel('Comment (optional)').fill('Checked against the bridge call notes; send it.');
    await review.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.textContent('#page-status')).toContain('Decision recorded: accept');

    await expect.poll(() => page.getAttribute(`#handoff-${handoff}`, 'data-status'), { timeout: SEEN_WITHIN_MS }).toBe('accepted');
    // The journal lists newest first by the second: a decision made within the draft's second may sort either side of it.
    const decisionNote = async (): Promise<string> => (await aiNotes()).find((n) => n.includes('=== AI hand-off review: accepted ===')) ?? '';
    await expect.poll(decisionNote, { timeout: SEEN_WITHIN_MS }).toContain('=== AI hand-off review: accepted ===');
    const decision = await decisionNote();
    expect(decision).toContain(`Hand-off: ${handoff}`);
    expect(decision).toContain('Decision: accept, by Irene Costa (irene.costa), as incident commander');
    expect(decision).toContain('Comment: “Checked against the bridge call notes; send it.”');
    expect(await page.textContent('#ai-status')).toBe('Accepted');
  }, 50_000);

  it('left state, assignment, priority and approval alone; the integration user wrote only work notes and AI fields', async () => {
    const after = await incident();
    for (const field of UNTOUCHED) expect(after[field], field).toBe(before[field]);
    expect(after.x_acme_aihandoff_status).toBe('accepted');

    // The platform's own record of every change the integration user made, on every table (its panel writes elsewhere: other incidents).
    const everything = await tableApi(`/api/now/table/sys_audit?sysparm_query=user=svc.aihandoff&sysparm_fields=tablename,documentkey,fieldname&sysparm_limit=10000`);
    // Besides tickets and its rows' columns it only ever inserts audit checkpoint rows (docs/audit.md).
    const audit = everything.filter((a) => a.tablename !== 'x_acme_aihandoff_checkpoint');
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.map((a) => `${a.tablename}.${a.fieldname}`).filter((f) => !INTEGRATION_MAY_WRITE.has(f))).toEqual([]);
    const onTicket = audit.filter((a) => a.documentkey === before.sys_id);
    expect(onTicket.filter((a) => a.fieldname === 'work_notes')).toHaveLength(3);
    // Three notes on the ticket by the integration user: the evidence pack, the draft, the decision.
    const journal = await tableApi(`/api/now/table/sys_journal_field?sysparm_query=element_id=${before.sys_id}^element=work_notes^sys_created_by=svc.aihandoff&sysparm_limit=100`);
    expect(journal).toHaveLength(3);
    // People changed nothing on the ticket: they created rows, the requests as Alex, the review as Irene, each stamped by the app's rule and ended by the worker.
    expect(await tableApi(`/api/now/table/sys_audit?sysparm_query=documentkey=${before.sys_id}^user!=svc.aihandoff&sysparm_fields=user,fieldname&sysparm_limit=100`)).toEqual([]);
    const requests = await tableApi(`/api/now/table/x_acme_aihandoff_request?sysparm_query=ticket=${before.sys_id}^ORDERBYsys_created_on&sysparm_fields=operation,sys_created_by,requested_by,state&sysparm_exclude_reference_link=true`);
    const alex = (await tableApi('/api/now/table/sys_user?sysparm_query=user_name=alex.rivera&sysparm_fields=sys_id'))[0]!.sys_id;
    expect(requests).toEqual([
      { operation: 'gather-diagnostics', sys_created_by: 'alex.rivera', requested_by: alex, state: 'queued' },
      { operation: 'draft-vendor-escalation', sys_created_by: 'alex.rivera', requested_by: alex, state: 'queued' },
    ]);
    const reviews = await tableApi(`/api/now/table/x_acme_aihandoff_review?sysparm_query=ticket=${before.sys_id}&sysparm_fields=decision,sys_created_by,state`);
    expect(reviews).toEqual([{ decision: 'accept', sys_created_by: 'irene.costa', state: 'recorded' }]);

    const shot = join(tmpdir(), `ai-handoff-e2e-${process.pid}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`ticket page screenshot: ${shot}`);
  });

  it('stops cleanly on SIGTERM', async () => {
    const { code, signal } = await product.stop();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(product.output()).toContain('stopped');
  }, 30_000);
});
