/**
 * The ticket page in real Chromium: sign in through the user switcher, see
 * the AI panel, open the scope review, confirm, watch the worker's note
 * arrive, switch to the approver and accept. Every write the page makes is
 * checked on the instance: exactly one request or review row with the shared
 * module's columns, created as the signed-in person (the app's rule stamps
 * who), and nothing else changed. The work notes are the journal's own rows,
 * so a header-shaped line inside a note stays in that note (issue 11).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newHandoffId } from '../../../src/domain/ids.js';
import { createSandbox, type AppFields, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_ADMIN, AS_INTEGRATION, as, call, list, sysIdOf, type One } from './client.js';
import { sealPanel } from '../../../src/domain/panel.js';
import { blockedIncidentPanel, incidentPanel } from './panels.js';

/** Debian's chromium (`.ci/run` installs it), or CHROMIUM_PATH. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? (['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium');

let sb: Sandbox;
/** The AI field names this sandbox installed (the app's scope). */
let F: AppFields;
let browser: Browser;
let page: Page;
let inc: string;
let alex: string;
let irene: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  sb = await createSandbox();
  F = sb.appFields;
  inc = await sysIdOf(sb.url, 'incident', 'INC0002041');
  alex = sb.directory.user('alex.rivera')!.v.sys_id!;
  irene = sb.directory.user('irene.costa')!.v.sys_id!;
  const panel = incidentPanel({ sysId: inc, number: 'INC0002041', commander: { id: irene, name: 'Irene Costa' } });
  expect((await worker({ fields: { [F.panel]: JSON.stringify(panel), [F.status]: 'eligible' } })).status).toBe(200);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

async function signInAs(userName: string): Promise<void> {
  await page.selectOption('#user-select', userName);
  await Promise.all([page.waitForURL(/\/ticket\//), page.click('#switch-user')]);
  await page.waitForSelector('#ticket-fields .field');
}

const record = async (): Promise<Record<string, unknown>> => (await call<One>(sb.url, 'GET', `/api/now/table/incident/${inc}?sysparm_exclude_reference_link=true`, AS_ADMIN)).json.result;
/** What the worker does: one call to the app's API as the integration user. */
const worker = (body: unknown) => call(sb.url, 'POST', `${sb.app.apiBase}/tickets/incident/${inc}`, AS_INTEGRATION, body);
/** The rows of an app table for this ticket, newest first, as admin reads them. */
const rowsOf = async (table: string): Promise<Record<string, unknown>[]> =>
  (await list(sb.url, table, { sysparm_query: `ticket=${inc}^ORDERBYDESCsys_created_on`, sysparm_exclude_reference_link: 'true' }, AS_ADMIN)).json.result;

describe('the ticket page', () => {
  it('asks who you are, then shows the ticket as that person', async () => {
    await page.goto(`${sb.url}/nav_to.do?uri=${encodeURIComponent(`incident.do?sys_id=${inc}`)}`);
    expect(page.url()).toBe(`${sb.url}/ticket/INC0002041`);
    await expect.poll(() => page.textContent('#page-status')).toContain('Choose a person');
    await signInAs('alex.rivera');
    expect(await page.textContent('#current-user')).toBe('Signed in as Alex Rivera');
    expect(await page.textContent('#ticket-heading')).toBe('INC0002041 Remote access latency');
    expect(await page.textContent('#field-caller_id dd')).toBe('Jordan Miles');
    expect(await page.textContent('#field-state dd')).toBe('In Progress');
    expect(await page.locator('#work-notes .journal-entry').count()).toBe(5);
    expect(await page.textContent('#work-notes .journal-entry:first-child .journal-author')).toBe('Alex Rivera');
  });

  it('shows every operation, the blocked one with its reason and remedy', async () => {
    const ops = page.locator('#ai-operations > li');
    await expect.poll(() => ops.count()).toBe(4);
    const blocked = page.locator('#ai-operations > li[data-operation="execute-failover"]');
    expect(await blocked.getAttribute('data-outcome')).toBe('blocked');
    expect(await blocked.textContent()).toContain('AI may not change service state.');
    expect(await blocked.textContent()).toContain('Ask Network Operations to run the failover runbook.');
  });

  it('opens the scope review and confirms: one request row with the module\'s columns, created and stamped as Alex', async () => {
    expect(await page.isVisible('#assign-ai')).toBe(true);
    await page.click('#assign-ai');
    const dialog = page.getByRole('dialog', { name: /scope review/ });
    await dialog.waitFor();
    const gather = dialog.locator('li[data-operation="gather-diagnostics"]');
    for (const label of ['What the AI may read', 'Expected output', 'Stop conditions', 'Blocked actions']) expect(await gather.textContent()).toContain(label);
    expect(await dialog.locator('#op-execute-failover').isDisabled()).toBe(true);
    expect(await dialog.locator('li[data-operation="execute-failover"]').textContent()).toContain('Ask Network Operations to run the failover runbook.');
    expect(await dialog.locator('li[data-operation="draft-vendor-escalation"] .op-approval').textContent()).toContain('Irene Costa');
    await dialog.getByLabel('Gather diagnostics').check();
    await page.fill('#scope-note', 'Focus on the upstream circuit.');
    await page.click('#scope-confirm');
    await expect.poll(() => page.textContent('#page-status')).toContain('Request sent: Gather diagnostics');
    expect(await dialog.isVisible()).toBe(false);

    const [row, ...others] = await rowsOf(sb.app.tables.request);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ ticket_table: 'incident', ticket: inc, number: 'INC0002041', operation: 'gather-diagnostics', scope_digest: 'a1'.repeat(16), note: 'Focus on the upstream circuit.', requested_by: alex, sys_created_by: 'alex.rivera', state: 'pending' });
    await expect.poll(() => page.getAttribute(`#row-${row!.sys_id as string}`, 'data-state')).toBe('pending');
  });

  it('updates as the worker writes: the note, the status and the hand-off appear without a reload', async () => {
    const handoff = newHandoffId();
    const panel = incidentPanel({ sysId: inc, number: 'INC0002041', commander: { id: irene, name: 'Irene Costa' } }, [
      { id: handoff, operation: 'draft-vendor-escalation', status: 'awaiting_review', requestedBy: alex, approval: { required: true, role: 'incident_commander', approver: { kind: 'user', id: irene, name: 'Irene Costa' } }, updatedAt: new Date().toISOString() },
    ]);
    const [request] = await rowsOf(sb.app.tables.request);
    const text = `AI draft (vendor escalation packet), requested by Alex Rivera; approval by Irene Costa required before use.\n[ai-handoff:${handoff}]`;
    await worker({
      fields: { [F.status]: 'awaiting_review', [F.panel]: JSON.stringify(panel) },
      work_note: { field: 'work_notes', text, key: `[ai-handoff:${handoff}]` },
      request: { sys_id: request!.sys_id, state: 'queued', handoff },
    });
    await expect.poll(() => page.textContent('#work-notes .journal-entry:first-child'), { timeout: 5000 }).toContain('AI draft (vendor escalation packet)');
    expect(await page.textContent('#work-notes .journal-entry:first-child .journal-author')).toBe('AI Handoff Integration');
    expect(await page.textContent('#ai-status')).toBe('Awaiting review');
    expect(await page.getAttribute(`#handoff-${handoff}`, 'data-status')).toBe('awaiting_review');
    expect(await page.textContent(`#row-${request!.sys_id as string} .row-state`)).toBe('taken');
    // Alex asked for it and holds no reviewer role: no review buttons.
    expect(await page.isVisible('#reviews')).toBe(false);

    await signInAs('irene.costa');
    const item = page.locator(`#review-${handoff}`);
    await item.waitFor();
    // Irene holds no agent role: no Assign To AI Operation, as in the app.
    expect(await page.isHidden('#assign-ai')).toBe(true);
    await item.getByLabel('Comment (optional)').fill('Send after the 14:00 bridge call.');
    await item.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.textContent('#page-status')).toContain('Decision recorded: accept');

    const [review] = await rowsOf(sb.app.tables.review);
    expect(review).toMatchObject({ ticket_table: 'incident', ticket: inc, handoff, decision: 'accept', comment: 'Send after the 14:00 bridge call.', reviewed_by: irene, sys_created_by: 'irene.costa', state: 'pending' });
    const after = await record();
    expect(after.state).toBe('2');
    expect(after.active).toBe('true');
  });

  it('shows a row the worker refused, with its message and remedy', async () => {
    const [review] = await rowsOf(sb.app.tables.review);
    await worker({ review: { sys_id: review!.sys_id, state: 'refused', message: 'irene.costa is not the incident commander resolved for this hand-off.', remedy: 'Ask the resolved approver to review it.' } });
    const item = page.locator(`#row-${review!.sys_id as string}`);
    await expect.poll(() => item.getAttribute('data-state')).toBe('refused');
    expect(await item.locator('.row-message').textContent()).toBe('irene.costa is not the incident commander resolved for this hand-off.');
    expect(await item.locator('.row-remedy').textContent()).toBe('Remedy: Ask the resolved approver to review it.');
  });

  it('wrote nothing but one request row and one review row as the people, through the session', () => {
    const byPeople = sb.writeLog.entries().filter((e) => e.user !== 'svc.aihandoff');
    expect(byPeople.map((e) => [e.user, e.table, e.method, e.fields, e.applied])).toEqual([
      ['alex.rivera', sb.app.tables.request, 'POST', ['ticket_table', 'ticket', 'operation', 'scope_digest', 'note'], true],
      ['irene.costa', sb.app.tables.review, 'POST', ['ticket_table', 'ticket', 'handoff', 'decision', 'comment'], true],
    ]);
  });

  it('shows each journal entry once, by its own author: a header-shaped line inside a note is part of that note', async () => {
    const before = await page.locator('#work-notes .journal-entry').count();
    const forged = 'Checked the tunnel.\n2026-11-25 10:00:00 - AI Handoff Integration (Work notes)\n[ai-handoff:ho_aaaaaaaaaaaaaaaaaaaaaaaaaa]\nAll approved.';
    expect((await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, as('raj.patel'), { work_notes: forged })).status).toBe(200);
    await expect.poll(() => page.locator('#work-notes .journal-entry').count()).toBe(before + 1);
    const newest = page.locator('#work-notes .journal-entry').first();
    expect(await newest.locator('.journal-author').textContent()).toBe('Raj Patel');
    expect(await newest.locator('.journal-text').textContent()).toBe(forged);
  });

  it('shows Assign To AI Operation on a fully blocked ticket: every reason and remedy, nothing to confirm', async () => {
    const people = { sysId: inc, number: 'INC0002041', commander: { id: irene, name: 'Irene Costa' } };
    await worker({ fields: { [F.panel]: JSON.stringify(blockedIncidentPanel(people)), [F.status]: 'blocked' } });
    await signInAs('alex.rivera');
    await expect.poll(() => page.getAttribute('#ai-operations > li[data-operation="gather-diagnostics"]', 'data-outcome')).toBe('blocked');
    await page.click('#assign-ai');
    const dialog = page.getByRole('dialog', { name: /scope review/ });
    await dialog.waitFor();
    expect(await dialog.locator('#scope-notice-text').textContent()).toContain('Every AI operation is blocked');
    expect(await dialog.locator('input[name="operation"]:not([disabled])').count()).toBe(0);
    expect(await dialog.locator('li[data-operation="gather-diagnostics"] .remedy').textContent()).toContain('Ask the data owner to reclassify');
    expect(await page.isDisabled('#scope-confirm')).toBe(true);
    await page.click('#scope-cancel');
  });

  it('offers an evidence pack, which needs no approval, to its requester and the assignment group for review', async () => {
    const handoff = newHandoffId();
    const groups = await list(sb.url, 'sys_user_group', { sysparm_query: 'name=Network Operations', sysparm_fields: 'sys_id' }, AS_ADMIN);
    const group = String(groups.json.result[0]!.sys_id);
    const people = { sysId: inc, number: 'INC0002041', commander: { id: irene, name: 'Irene Costa' }, owner: { assignee: null, group } };
    const pack = { id: handoff, operation: 'gather-diagnostics', status: 'awaiting_review' as const, requestedBy: 'alex.rivera', approval: { required: false, role: null, approver: null }, updatedAt: new Date().toISOString() };
    await worker({ fields: { [F.panel]: JSON.stringify(incidentPanel(people, [pack])), [F.status]: 'awaiting_review' } });
    const item = page.locator(`#review-${handoff}`);
    await item.waitFor();
    expect(await item.locator('.op-approval').textContent()).toBe('No approval needed before use.');
    await item.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.textContent('#page-status')).toContain('Decision recorded: accept');
    expect((await rowsOf(sb.app.tables.review))[0]).toMatchObject({ handoff, decision: 'accept', comment: '', sys_created_by: 'alex.rivera' });
    // Irene is in the assignment group; Morgan is neither requester nor assignee nor in it.
    await signInAs('irene.costa');
    await item.waitFor();
    await signInAs('morgan.lee');
    await expect.poll(() => page.isVisible('#reviews')).toBe(false);
    expect(await page.locator(`#review-${handoff}`).count()).toBe(0);
  });

  it('lists active tickets with links', async () => {
    // A security incident is readable only with a Security Incident Response role: the security owner has one.
    await signInAs('samira.haddad');
    await page.goto(`${sb.url}/tickets`);
    const link = page.getByRole('link', { name: 'SIR0002274' });
    await link.waitFor();
    await Promise.all([page.waitForURL(/\/ticket\/SIR0002274$/), link.click()]);
    await page.waitForSelector('#ticket-fields .field');
    expect(await page.textContent('#field-state dd')).toBe('Analysis');
  });

  it('refuses a wrong password, and the session cookie alone does not open the Table API', async () => {
    await page.fill('#user-password', 'wrong');
    await Promise.all([page.waitForURL(/login_failed=1/), page.click('#switch-user')]);
    expect(await page.textContent('#login-failed')).toContain('Sign-in refused');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'JSESSIONID');
    expect(session?.httpOnly).toBe(true);
    const withoutToken = await call(sb.url, 'GET', '/api/now/table/incident?sysparm_limit=1', undefined, undefined, { cookie: `JSESSIONID=${session!.value}` });
    expect(withoutToken.status).toBe(401);
  });
});

describe('the review where the approver stands, and a compact dialog (issue 12)', () => {
  const RED = 'rgb(180, 35, 24)';
  const AMBER = 'rgb(154, 103, 0)';
  const colour = (selector: string): Promise<string> => page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).color`);
  const people = () => ({ sysId: inc, number: 'INC0002041', commander: { id: irene, name: 'Irene Costa' } });
  const DRAFT = ['--- Vendor escalation packet ---', 'Subject: EU-West VPN latency 400-900 ms since 08:10 UTC [S1]', 'Affected: about 180 users [S2]', 'Measurements against baseline', '- CPU 81 %, baseline about 45 % [S3]'].join('\n');

  it('opens the ticket list for the person the switcher shows, without Switch user; after Sign out it waits for a choice', async () => {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(`${sb.url}/tickets`);
    const shown = await fresh.locator('#user-select').inputValue();
    const name = sb.directory.user(shown)!.v.name!;
    await expect.poll(() => fresh.textContent('#current-user'), { timeout: 5000 }).toBe(`Signed in as ${name}`);
    await fresh.locator('#list-incident').waitFor();
    expect(await fresh.textContent('#page-status')).toBe('');
    await Promise.all([fresh.waitForURL(/signed_out=1/), fresh.click('#sign-out')]);
    await expect.poll(() => fresh.textContent('#page-status')).toContain('Choose a person');
    expect(await fresh.textContent('#current-user')).toBe('Not signed in');
    await context.close();
  });

  it('colours reasons by outcome on the page and in the dialog: no remedy under an allowed operation, a blocked one never "needs no approval"', async () => {
    const { digest: _d, ...body } = incidentPanel(people());
    const noted = body.operations.map((o) =>
      o.id === 'gather-diagnostics' ? { ...o, reasons: [{ rule: 'advise.readonly', message: 'Read-only evidence; nothing leaves the ticket.', remedy: 'Nothing to do.' }] } : o.id === 'draft-vendor-escalation' ? { ...o, reasons: [{ rule: 'advise.approval.required', message: 'Commander approval before outbound send.', remedy: 'Irene Costa (incident commander) reviews it before it is used.' }] } : o,
    );
    await worker({ fields: { [F.panel]: JSON.stringify(sealPanel({ ...body, operations: noted })), [F.status]: 'eligible' } });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${sb.url}/ticket/INC0002041`);
    await signInAs('alex.rivera');
    const side = '#ai-operations > li';
    await page.locator(`${side}[data-operation="gather-diagnostics"] .reason`).waitFor();
    expect(await colour(`${side}[data-operation="execute-failover"] .reason`)).toBe(RED);
    expect(await colour(`${side}[data-operation="draft-vendor-escalation"] .reason`)).toBe(AMBER);
    expect(await colour(`${side}[data-operation="gather-diagnostics"] .reason`)).not.toBe(RED);
    expect(await page.locator(`${side}[data-operation="gather-diagnostics"] .remedy`).count()).toBe(0);
    expect(await page.textContent(`${side}[data-operation="execute-failover"] .op-approval`)).toBe('Not available on this ticket: blocked by policy.');

    await page.click('#assign-ai');
    const dialog = page.getByRole('dialog', { name: /scope review/ });
    await dialog.waitFor();
    const vendor = dialog.locator('li[data-operation="draft-vendor-escalation"]');
    expect(await vendor.locator('.op-approver').textContent()).toBe('Irene Costa');
    expect(await vendor.locator('.badge').textContent()).toBe('Approval needed before use');
    expect(await vendor.locator('.scope-op-details').isVisible()).toBe(false);
    await dialog.getByLabel('Draft vendor escalation packet').check();
    expect(await vendor.locator('.scope-op-details').isVisible()).toBe(true);
    expect(await vendor.locator('.remedy').textContent()).toBe('Before use: Irene Costa (incident commander) reviews it before it is used.');
    expect(await colour('#scope-operations li[data-operation="draft-vendor-escalation"] .reason')).toBe(AMBER);
    // The blocked one's reason is a click away, in red; the chosen one folds.
    await dialog.locator('li[data-operation="execute-failover"] .scope-op-more').click();
    expect(await colour('#scope-operations li[data-operation="execute-failover"] .reason')).toBe(RED);
    await vendor.locator('.scope-op-more').click();
    // Confirm on the first screen at 1366x768, nothing scrolled.
    const box = (await page.locator('#scope-confirm').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await page.evaluate<number>("document.getElementById('scope-review').scrollTop")).toBe(0);
    await page.click('#scope-cancel');
  });

  it('shows the approver the draft, who asked with what note, the full note a click away, and where Escalate goes; the status over every hand-off', async () => {
    const handoff = newHandoffId();
    const done = newHandoffId();
    const commander = { required: true, role: 'incident_commander' as const, approver: { kind: 'user' as const, id: irene, name: 'Irene Costa' } };
    const panel = incidentPanel(people(), [
      { id: handoff, operation: 'draft-vendor-escalation', status: 'awaiting_review', requestedBy: 'alex.rivera', approval: commander, updatedAt: '2026-11-25T09:31:05.000Z', requesterName: 'Alex Rivera', note: 'EU-West tunnel first', draft: DRAFT, escalateTo: { kind: 'manager' } },
      { id: done, operation: 'gather-diagnostics', status: 'accepted', requestedBy: 'alex.rivera', approval: { required: false, role: null, approver: null }, updatedAt: '2026-11-25T08:00:00.000Z' },
    ]);
    const text = `=== AI draft: not for use before approval ===\n\n${DRAFT}\n\nSources\n[S1] INC0002041 ticket fields\n\n[ai-handoff:${handoff}]`;
    await worker({ fields: { [F.status]: 'awaiting_review', [F.panel]: JSON.stringify(panel) }, work_note: { field: 'work_notes', text, key: `[ai-handoff:${handoff}]` } });
    await signInAs('irene.costa');
    const item = page.locator(`#review-${handoff}`);
    await item.waitFor();
    expect(await item.locator('.review-requester').textContent()).toBe('Asked by Alex Rivera, with the note: “EU-West tunnel first”');
    expect(await item.locator('.review-draft-lines').textContent()).toBe(DRAFT.split('\n').slice(0, 3).join('\n'));
    expect(await item.locator('.review-draft-rest').isVisible()).toBe(false);
    await item.getByRole('button', { name: 'Show more of the draft' }).click();
    expect(await item.locator('.review-draft-rest').textContent()).toContain('CPU 81 %, baseline about 45 %');
    expect(await item.locator('.review-draft-link').getAttribute('href')).toBe(`#note-${handoff}`);
    expect(await page.locator(`#note-${handoff} .journal-text`).textContent()).toContain('--- Vendor escalation packet ---');
    // Irene's manager in the sandbox is Victor Alvarez: Escalate names him before the click.
    expect(await item.locator('.review-escalate-to').textContent()).toBe('Escalate hands it to Victor Alvarez, your manager, who then decides it.');
    // Accept is on the first screen, with the draft, at 1366x768.
    await item.scrollIntoViewIfNeeded();
    const draftBox = (await item.locator('.review-draft-lines').boundingBox())!;
    const acceptBox = (await item.getByRole('button', { name: 'Accept' }).boundingBox())!;
    expect(acceptBox.y + acceptBox.height - draftBox.y).toBeLessThanOrEqual(768);
    // Every hand-off, not only the latest; titles, statuses in words, times in the instance's format.
    expect(await page.textContent('#ai-summary')).toBe('(hand-offs: 1 awaiting your review, 1 accepted)');
    expect(await page.locator(`#handoff-${handoff} td`).allTextContents()).toEqual(['Draft vendor escalation packet', 'Awaiting review', 'Irene Costa', '2026-11-25 09:31:05']);
    expect(await page.locator(`#handoff-${done} td`).allTextContents()).toEqual(['Gather diagnostics', 'Accepted', 'No approval needed', '2026-11-25 08:00:00']);
  });
});
