/**
 * The dialog behind the four buttons, in real Chromium, as the build ships it
 * (the dialog page, its UI scripts, each button's Core UI and Workspace
 * script), in both places: a Core UI form (GlideModal) and a Workspace record
 * page (g_modal.showFrame). What the agent sees (blocked operations with
 * reason and remedy, what the AI may read, approval), and the rows Confirm
 * creates, through the app's server scripts on the fake platform.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPanel } from '../../src/domain/panel.js';
import { APP } from './support/app-files.js';
import { buildApp, type BuiltApp } from './support/built-app.js';
import { CAST } from './support/cast.js';
import { AppPages, launch } from './support/dialog-page.js';
import type { FakePlatform } from './support/fake-platform.js';
import { blockedPanel, HANDOFF_AWAITING, handoff, INC_SYS_ID, incidentPanel, noApproval, operation } from './support/panels.js';
import { TABLE, ticketOnPlatform } from './support/ticket-fixture.js';

const ASSIGN = 'x_acme_aihandoff_assign';
const ACCEPT = 'x_acme_aihandoff_accept';

let browser: Browser;
let app: BuiltApp;

beforeAll(async () => {
  app = buildApp();
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

/** A Core UI form with the dialog of a button open, and its modal. */
async function coreUi(platform: FakePlatform, action: string): Promise<{ page: Page; pages: AppPages }> {
  const pages = new AppPages(app, platform);
  const page = await pages.form(browser, TABLE, INC_SYS_ID);
  await pages.clickCoreUi(page, TABLE, action);
  await page.locator('.modal .x-aih-buttons').waitFor();
  return { page, pages };
}

/** A Workspace page with the dialog of a button open in its frame. */
async function workspace(platform: FakePlatform, action: string): Promise<{ page: Page; frame: Frame }> {
  const pages = new AppPages(app, platform);
  const page = await pages.workspace(browser, TABLE, INC_SYS_ID);
  await pages.clickWorkspace(page, TABLE, action);
  const frame = (await (await page.waitForSelector('iframe.workspace-modal')).contentFrame())!;
  await frame.locator('.x-aih-buttons').waitFor();
  return { page, frame };
}

const DIGEST = { vendor: '33333333333333333333333333333333' };

describe('Assign To AI Operation in Core UI (GlideModal)', () => {
  it('shows every operation, blocked ones disabled with their reason and remedy, in the modal the button opened', async () => {
    const { page } = await coreUi(ticketOnPlatform(CAST.alex), ASSIGN);
    expect(await page.locator('.modal').getAttribute('data-title')).toBe('Assign To AI Operation');
    expect(await page.locator('.x-aih-operation .x-aih-title').allTextContents()).toEqual([' Gather diagnostics ', ' Compare against baseline ', ' Draft vendor escalation packet ', ' Draft stakeholder update ']);
    const blocked = page.locator('[data-operation="draft-stakeholder-update"]');
    expect(await blocked.locator('input[type=radio]').isDisabled()).toBe(true);
    expect(await blocked.locator('.x-aih-outcome').textContent()).toBe('Blocked');
    expect(await blocked.locator('.x-aih-reason').textContent()).toContain('cleared for assist-tier AI only');
    expect(await blocked.locator('.x-aih-remedy').textContent()).toContain('What would change it: Ask the AI governance board');
    const text = (await page.locator('[data-operation="draft-vendor-escalation"]').textContent()) ?? '';
    for (const shown of ['What the AI may read', "This ticket's work notes", 'Expected output', 'Stop conditions', 'Blocked actions', 'No outbound send to vendors', 'Approval required before use by Irene Costa (incident commander).']) {
      expect(text).toContain(shown);
    }
    await page.close();
  });

  it('creates the request row as the agent, closes the modal and says so on the form', async () => {
    const platform = ticketOnPlatform(CAST.alex);
    const { page } = await coreUi(platform, ASSIGN);
    const confirm = page.locator('.x-aih-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.locator('[data-operation="draft-vendor-escalation"] input[type=radio]').check();
    await page.locator('#x_acme_aihandoff_note').fill('  EU-West tunnel first ');
    await confirm.click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    expect(await page.evaluate('window.__messages')).toEqual([expect.stringContaining('info: Assigned "Draft vendor escalation packet" to the AI')]);
    expect(platform.rows(APP.tables.request)).toEqual([
      expect.objectContaining({ ticket_table: TABLE, ticket: INC_SYS_ID, operation: 'draft-vendor-escalation', scope_digest: DIGEST.vendor, note: 'EU-West tunnel first', requested_by: CAST.alex.sysId, state: 'pending', sys_created_by: 'alex.rivera' }),
    ]);
    await page.close();
  });

  it("shows the rule's refusal in the dialog and creates nothing", async () => {
    const platform = ticketOnPlatform(CAST.alex);
    const { page } = await coreUi(platform, ASSIGN);
    // The worker rewrites the panel while the dialog is open: the scope the agent saw is stale.
    platform.row(TABLE, INC_SYS_ID)[APP.fields.panel] = JSON.stringify(sealPanel({ ...incidentPanel(), operations: [operation({ id: 'gather-diagnostics', title: 'Gather diagnostics', scopeDigest: 'abababababababababababababababab' })] }));
    await page.locator('[data-operation="gather-diagnostics"] input[type=radio]').check();
    await page.locator('.x-aih-confirm').click();
    await expect.poll(() => page.locator('.x-aih-error').textContent()).toContain('changed since the dialog opened');
    expect(platform.rows(APP.tables.request)).toEqual([]);
    await page.close();
  });

  it('renders panel text as text, never as markup', async () => {
    const hostile = sealPanel({ ...incidentPanel(), operations: [operation({ id: 'x', title: '<img src=x onerror="window.__owned=1">', stopConditions: ['<script>window.__owned=1</script>'] })] });
    const { page } = await coreUi(ticketOnPlatform(CAST.alex, hostile), ASSIGN);
    expect(await page.locator('.modal img, .modal .x-aih-dialog script').count()).toBe(0);
    expect(await page.locator('.x-aih-title').textContent()).toContain('<img src=x');
    expect(await page.evaluate('window.__owned')).toBeUndefined();
    await page.close();
  });

  it('opens on a fully blocked ticket to each reason and remedy, with Confirm disabled', async () => {
    const { page } = await coreUi(ticketOnPlatform(CAST.alex, blockedPanel()), ASSIGN);
    expect(await page.locator('.x-aih-notice').textContent()).toContain('Every AI operation is blocked');
    expect(await page.locator('[data-operation="gather-diagnostics"] .x-aih-remedy').textContent()).toContain('What would change it: Ask the data owner');
    expect(await page.locator('.x-aih-confirm').isDisabled()).toBe(true);
    await page.close();
  });

  it('says why when the panel is malformed, and offers nothing', async () => {
    const { page } = await coreUi(ticketOnPlatform(CAST.alex, '{"schema":1,"operations":'), ASSIGN);
    expect(await page.locator('.x-aih-notice').textContent()).toContain('not valid JSON');
    expect(await page.locator('.x-aih-operation').count()).toBe(0);
    expect(await page.locator('.x-aih-confirm').isDisabled()).toBe(true);
    await page.close();
  });

  it('shows an operation with a request already waiting, not selectable', async () => {
    const platform = ticketOnPlatform(CAST.alex);
    platform.create(APP.tables.request, { ticket_table: TABLE, ticket: INC_SYS_ID, operation: 'gather-diagnostics', scope_digest: '11111111111111111111111111111111' });
    const { page } = await coreUi(platform, ASSIGN);
    const waiting = page.locator('[data-operation="gather-diagnostics"]');
    expect(await waiting.locator('input[type=radio]').isDisabled()).toBe(true);
    expect(await waiting.locator('.x-aih-waiting').textContent()).toContain('already waiting');
    await page.close();
  });
});

describe('Accept AI draft in Core UI', () => {
  it('lets the approver accept with a comment, creating the review row as the approver', async () => {
    const platform = ticketOnPlatform(CAST.irene);
    const { page } = await coreUi(platform, ACCEPT);
    expect(await page.locator('.modal').getAttribute('data-title')).toBe('Accept AI draft');
    expect(await page.locator('.x-aih-handoff').textContent()).toContain('Draft vendor escalation packet');
    await page.locator('#x_acme_aihandoff_comment').fill('Checked the packet; send it.');
    await page.locator('.x-aih-confirm').click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    expect(platform.rows(APP.tables.review)).toEqual([expect.objectContaining({ handoff: HANDOFF_AWAITING, decision: 'accept', comment: 'Checked the packet; send it.', reviewed_by: CAST.irene.sysId, state: 'pending' })]);
    await page.close();
  });

  it('lets the requester accept an evidence pack that needs no approval', async () => {
    const evidence = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'gather-diagnostics', approval: noApproval })] });
    const platform = ticketOnPlatform(CAST.alex, evidence);
    const { page } = await coreUi(platform, ACCEPT);
    expect(await page.locator('.x-aih-handoff').textContent()).toContain('Gather diagnostics No approval needed before use.');
    await page.locator('.x-aih-confirm').click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    expect(platform.rows(APP.tables.review)).toEqual([expect.objectContaining({ decision: 'accept', comment: '', reviewed_by: CAST.alex.sysId })]);
    await page.close();
  });

  it('offers nothing to the requester, and says who may review', async () => {
    const { page } = await coreUi(ticketOnPlatform({ ...CAST.alex, roles: [APP.roles.reviewer] }), ACCEPT);
    expect(await page.locator('.x-aih-notice').textContent()).toContain('never the person who requested it');
    expect(await page.locator('.x-aih-confirm').isDisabled()).toBe(true);
    await page.close();
  });
});

describe('the buttons in Workspace (g_modal.showFrame)', () => {
  it('open the dialog page in a frame with the ticket and the button in its address', async () => {
    const { page, frame } = await workspace(ticketOnPlatform(CAST.alex), ASSIGN);
    const [shown] = await page.evaluate<{ title: string; url: string; size: string; autoCloseOn: string }[]>('window.__frames');
    expect(shown).toMatchObject({ title: 'Assign To AI Operation', size: 'lg', autoCloseOn: 'URL_CHANGED', url: `/${APP.page}.do?sysparm_mode=assign&sysparm_decision=&sysparm_table=incident&sysparm_sys_id=${INC_SYS_ID}` });
    expect(await frame.locator('.x-aih-operation').count()).toBe(4);
    await page.close();
  });

  it('create the request row, say so in the frame, and Close closes the modal', async () => {
    const platform = ticketOnPlatform(CAST.alex);
    const { page, frame } = await workspace(platform, ASSIGN);
    await frame.locator('[data-operation="draft-vendor-escalation"] input[type=radio]').check();
    await frame.locator('.x-aih-confirm').click();
    await frame.locator('.x-aih-close').waitFor();
    expect(await frame.locator('.x-aih-notice').textContent()).toContain('Assigned "Draft vendor escalation packet" to the AI');
    expect(platform.rows(APP.tables.request)).toEqual([expect.objectContaining({ operation: 'draft-vendor-escalation', requested_by: CAST.alex.sysId, sys_created_by: 'alex.rivera' })]);
    await frame.locator('.x-aih-close').click();
    await page.locator('iframe.workspace-modal').waitFor({ state: 'detached' });
    await page.close();
  });

  it('let the approver escalate, and Cancel closes without a row', async () => {
    const platform = ticketOnPlatform(CAST.irene);
    const { page, frame } = await workspace(platform, 'x_acme_aihandoff_escalate');
    expect(await frame.locator('.x-aih-confirm').textContent()).toBe('Escalate AI draft');
    await frame.locator('#x_acme_aihandoff_comment').fill('Needs the network architect.');
    await frame.locator('.x-aih-confirm').click();
    await frame.locator('.x-aih-close').waitFor();
    expect(platform.rows(APP.tables.review)).toEqual([expect.objectContaining({ decision: 'escalate', comment: 'Needs the network architect.', reviewed_by: CAST.irene.sysId })]);
    await page.close();
    const again = await workspace(ticketOnPlatform(CAST.irene), ACCEPT);
    await again.frame.locator('.x-aih-buttons button', { hasText: 'Cancel' }).click();
    await again.page.locator('iframe.workspace-modal').waitFor({ state: 'detached' });
    await again.page.close();
  });

  it('the page opened without a ticket says so and offers nothing', async () => {
    const pages = new AppPages(app, ticketOnPlatform(CAST.alex));
    const page = await pages.workspace(browser, TABLE, INC_SYS_ID);
    await page.goto(`https://instance.test/${APP.page}.do?sysparm_mode=assign&sysparm_table=incident`);
    expect(await page.locator('.x-aih-notice').textContent()).toContain('opened without a ticket and a button it knows');
    expect(await page.locator('.x-aih-operation').count()).toBe(0);
    await page.close();
  });
});

describe('the review where the approver stands, and a compact dialog (issue 12)', () => {
  const RED = 'rgb(180, 35, 24)';
  const AMBER = 'rgb(154, 103, 0)';
  const VICTOR = 'b1c70a0000004000800000000000b1c7';
  const DRAFT = ['--- Vendor escalation packet ---', 'Subject: EU-West VPN latency 400-900 ms since 08:10 UTC [S1]', 'Affected: about 180 users [S2]', 'Measurements against baseline', '- CPU 81 %, baseline about 45 % [S3]'].join('\n');
  const reviewPanel = (escalateTo?: { kind: 'manager' } | { kind: 'group'; name: string }) =>
    incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'draft-vendor-escalation', requesterName: 'Alex Rivera', note: 'EU-West tunnel first', draft: DRAFT, ...(escalateTo ? { escalateTo } : {}) })] });

  it('colours reasons by outcome in Core UI: blocked red, approval-bound amber, and no remedy under an allowed operation', async () => {
    const allowedNote = operation({ id: 'gather-diagnostics', title: 'Gather diagnostics', reasons: [{ rule: 'advise.readonly', message: 'Read-only evidence; nothing leaves the ticket.', remedy: 'Nothing to do.' }] });
    const panel = incidentPanel();
    const withNote = sealPanel({ ...panel, operations: [allowedNote, ...panel.operations.slice(1)] });
    const { page } = await coreUi(ticketOnPlatform(CAST.alex, withNote), ASSIGN);
    const colour = (selector: string): Promise<string> => page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).color`);
    expect(await colour('[data-operation="draft-stakeholder-update"] .x-aih-tone-blocked')).toBe(RED);
    expect(await colour('[data-operation="draft-vendor-escalation"] .x-aih-tone-approval')).toBe(AMBER);
    const allowed = page.locator('[data-operation="gather-diagnostics"]');
    expect(await allowed.locator('.x-aih-tone-info').textContent()).toBe('Read-only evidence; nothing leaves the ticket.');
    expect(await allowed.locator('.x-aih-remedy').count()).toBe(0);
    expect(await colour('[data-operation="gather-diagnostics"] .x-aih-tone-info')).not.toBe(RED);
    // A blocked operation never says it needs no approval.
    expect(await page.locator('[data-operation="draft-stakeholder-update"] .x-aih-approval').textContent()).toBe('Not available on this ticket: blocked by policy.');
    await page.close();
  });

  it('lists the operations compactly and shows the chosen one in full, with Confirm on the first screen at 1366x768', async () => {
    const { page } = await coreUi(ticketOnPlatform(CAST.alex), ASSIGN);
    await page.setViewportSize({ width: 1366, height: 768 });
    const vendor = page.locator('[data-operation="draft-vendor-escalation"]');
    expect(await vendor.locator('.x-aih-approver').textContent()).toBe(' Irene Costa ');
    expect(await vendor.locator('.x-aih-details').isVisible()).toBe(false);
    await vendor.locator('input[type=radio]').check();
    expect(await vendor.locator('.x-aih-details').isVisible()).toBe(true);
    expect(await page.locator('[data-operation="gather-diagnostics"] .x-aih-details').isVisible()).toBe(false);
    // Another operation's Scope opens its scope and folds the chosen one's.
    await page.locator('[data-operation="draft-stakeholder-update"] .x-aih-more').click();
    expect(await page.locator('[data-operation="draft-stakeholder-update"] .x-aih-details').isVisible()).toBe(true);
    expect(await vendor.locator('.x-aih-details').isVisible()).toBe(false);
    await vendor.locator('.x-aih-more').click();
    const box = (await page.locator('.x-aih-confirm').boundingBox())!;
    expect(await page.evaluate('window.scrollY')).toBe(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await page.locator('.x-aih-confirm').isEnabled()).toBe(true);
    await page.close();
  });

  it('shows Confirm without scrolling in the Workspace frame too', async () => {
    const { page, frame } = await workspace(ticketOnPlatform(CAST.alex), ASSIGN);
    await page.setViewportSize({ width: 1366, height: 768 });
    await frame.locator('[data-operation="draft-vendor-escalation"] input[type=radio]').check();
    const frameBox = (await page.locator('iframe.workspace-modal').boundingBox())!;
    const box = (await frame.locator('.x-aih-confirm').boundingBox())!;
    expect(await frame.evaluate('window.scrollY')).toBe(0);
    expect(box.y + box.height).toBeLessThanOrEqual(Math.min(frameBox.y + frameBox.height, 768));
    await page.close();
  });

  it('shows the approver the draft, who asked with what note, and the full note a click away', async () => {
    const { page } = await coreUi(ticketOnPlatform(CAST.irene, reviewPanel()), ACCEPT);
    const item = page.locator('.x-aih-handoff');
    expect(await item.locator('.x-aih-requester').textContent()).toMatch(/^Asked by Alex Rivera, with the note: “EU-West tunnel first” \(awaiting review since 2025-11-20 10:00:00\)$/);
    expect(await item.locator('.x-aih-draft-lines').textContent()).toBe(DRAFT.split('\n').slice(0, 3).join('\n'));
    expect(await item.locator('.x-aih-draft-lines').isVisible()).toBe(true);
    expect(await item.locator('.x-aih-draft-rest').isVisible()).toBe(false);
    await item.locator('.x-aih-draft-more').click();
    expect(await item.locator('.x-aih-draft-rest').textContent()).toContain('CPU 81 %, baseline about 45 %');
    expect(await item.locator('.x-aih-draft-rest').isVisible()).toBe(true);
    expect(decodeURIComponent((await item.locator('.x-aih-draft-link').getAttribute('href')) ?? '')).toBe(`/sys_journal_field_list.do?sysparm_query=element_id=${INC_SYS_ID}^valueLIKE[ai-handoff:${HANDOFF_AWAITING}]`);
    // Decided without scrolling: Accept is on the first screen with the draft.
    await page.setViewportSize({ width: 1366, height: 768 });
    const box = (await page.locator('.x-aih-confirm').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await page.locator('.x-aih-summary').textContent()).toBe('Hand-offs on this ticket: 1 awaiting your review.');
    await page.close();
  });

  it('says where Escalate goes before the click: the policy group, or the approver\'s manager by name', async () => {
    const group = await coreUi(ticketOnPlatform(CAST.irene, reviewPanel({ kind: 'group', name: 'Network Architecture Board' })), 'x_acme_aihandoff_escalate');
    expect(await group.page.locator('.x-aih-escalate').textContent()).toBe('Escalate hands it to a member of Network Architecture Board, who then decides it.');
    await group.page.close();
    const platform = ticketOnPlatform(CAST.irene, reviewPanel({ kind: 'manager' }));
    platform.insertRow('sys_user', { sys_id: CAST.irene.sysId, user_name: 'irene.costa', name: 'Irene Costa', manager: VICTOR, active: 'true' });
    platform.insertRow('sys_user', { sys_id: VICTOR, user_name: 'victor.alvarez', name: 'Victor Alvarez', active: 'true' });
    const { page } = await coreUi(platform, 'x_acme_aihandoff_escalate');
    expect(await page.locator('.x-aih-escalate').textContent()).toBe('Escalate hands it to Victor Alvarez, your manager, who then decides it.');
    await page.close();
    // The same in the Workspace frame.
    const ws = await workspace(platform, 'x_acme_aihandoff_escalate');
    expect(await ws.frame.locator('.x-aih-escalate').textContent()).toBe('Escalate hands it to Victor Alvarez, your manager, who then decides it.');
    await ws.page.close();
  });
});
