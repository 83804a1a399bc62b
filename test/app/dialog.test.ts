/**
 * The dialog behind the four buttons, in real Chromium: what the agent sees
 * (blocked operations with reason and remedy, what the AI may read, approval),
 * and what Confirm writes, through the app's server scripts on the fake
 * platform, checked with the worker's own schemas.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiRequest, AiReview } from '../../src/domain/fields.js';
import { sealPanel } from '../../src/domain/panel.js';
import { CAST } from './support/cast.js';
import { click, formPage, launch } from './support/dialog-page.js';
import type { FakePlatform } from './support/fake-platform.js';
import { blockedPanel, HANDOFF_AWAITING, handoff, INC_SYS_ID, incidentPanel, noApproval, operation } from './support/panels.js';
import { TABLE, ticketOnPlatform } from './support/ticket-fixture.js';

const ASSIGN = "aihOpenDialog('assign', '')";
const ACCEPT = "aihOpenDialog('review', 'accept')";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(platform: FakePlatform, button: string): Promise<Page> {
  const page = await formPage(browser, platform, TABLE, INC_SYS_ID);
  await click(page, button);
  await page.locator('.x-aih-buttons').waitFor();
  return page;
}

describe('Assign To AI Operation', () => {
  it('shows every operation, blocked ones disabled with their reason and remedy', async () => {
    const page = await open(ticketOnPlatform(CAST.alex), ASSIGN);
    expect(await page.evaluate('window.__loaded')).toEqual(['x_acme_aihandoff.AiHandoffScopeReview.jsdbx', 'x_acme_aihandoff.AiHandoffDialog.jsdbx']);
    expect(await page.locator('.modal').getAttribute('data-title')).toBe('Assign To AI Operation');
    expect(await page.locator('.x-aih-operation .x-aih-title').allTextContents()).toEqual([
      ' Gather diagnostics ', ' Compare against baseline ', ' Draft vendor escalation packet ', ' Draft stakeholder update ',
    ]);
    const blocked = page.locator('[data-operation="draft-stakeholder-update"]');
    expect(await blocked.locator('input[type=radio]').isDisabled()).toBe(true);
    expect(await blocked.locator('.x-aih-outcome').textContent()).toBe('Blocked');
    expect(await blocked.locator('.x-aih-reasons-title').textContent()).toBe('Blocked because:');
    expect(await blocked.locator('.x-aih-reason').textContent()).toContain('cleared for assist-tier AI only');
    expect(await blocked.locator('.x-aih-remedy').textContent()).toContain('What would change it: Ask the AI governance board');
    const draft = page.locator('[data-operation="draft-vendor-escalation"]');
    const text = (await draft.textContent()) ?? '';
    for (const shown of ['What the AI may read', "This ticket's work notes", 'Expected output', 'Stop conditions', 'Blocked actions', 'No outbound send to vendors', 'Approval required before use by Irene Costa (incident commander).']) {
      expect(text).toContain(shown);
    }
    await page.close();
  });

  it('writes the request the worker parses, through the server, stamped with the agent', async () => {
    const platform = ticketOnPlatform(CAST.alex);
    const page = await open(platform, ASSIGN);
    const confirm = page.locator('.x-aih-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.locator('[data-operation="draft-vendor-escalation"] input[type=radio]').check();
    await page.locator('#x_acme_aihandoff_note').fill('EU-West tunnel first');
    await confirm.click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    expect(await page.evaluate('window.__messages')).toEqual([expect.stringContaining('info: Assigned "Draft vendor escalation packet" to the AI')]);
    const row = platform.row(TABLE, INC_SYS_ID);
    expect(AiRequest.parse(JSON.parse(row.x_acme_aihandoff_request!))).toEqual({ operation: 'draft-vendor-escalation', scope: '33333333333333333333333333333333', note: 'EU-West tunnel first' });
    expect(row.x_acme_aihandoff_requested_by).toBe(CAST.alex.sysId);
    await page.close();
  });

  it("shows the server's refusal in the dialog and writes nothing", async () => {
    const platform = ticketOnPlatform(CAST.alex);
    const page = await open(platform, ASSIGN);
    // The worker rewrites the panel while the dialog is open: the scope the agent saw is stale.
    platform.row(TABLE, INC_SYS_ID).x_acme_aihandoff_panel = JSON.stringify(sealPanel({ ...incidentPanel(), operations: [operation({ id: 'gather-diagnostics', title: 'Gather diagnostics', scopeDigest: 'abababababababababababababababab' })] }));
    await page.locator('[data-operation="gather-diagnostics"] input[type=radio]').check();
    await page.locator('.x-aih-confirm').click();
    await expect.poll(() => page.locator('.x-aih-error').textContent()).toContain('changed since the dialog opened');
    expect(platform.writes).toEqual([]);
    await page.close();
  });

  it('renders panel text as text, never as markup', async () => {
    const hostile = sealPanel({ ...incidentPanel(), operations: [operation({ id: 'x', title: '<img src=x onerror="window.__owned=1">', stopConditions: ['<script>window.__owned=1</script>'] })] });
    const page = await open(ticketOnPlatform(CAST.alex, hostile), ASSIGN);
    expect(await page.locator('.modal img, .modal script').count()).toBe(0);
    expect(await page.locator('.x-aih-title').textContent()).toContain('<img src=x');
    expect(await page.evaluate('window.__owned')).toBeUndefined();
    await page.close();
  });

  it('opens on a fully blocked ticket to each reason and remedy, with Confirm disabled', async () => {
    const page = await open(ticketOnPlatform(CAST.alex, blockedPanel()), ASSIGN);
    expect(await page.locator('.x-aih-notice').textContent()).toContain('Every AI operation is blocked');
    const blocked = page.locator('[data-operation="gather-diagnostics"]');
    expect(await blocked.locator('input[type=radio]').isDisabled()).toBe(true);
    expect(await blocked.locator('.x-aih-reason').textContent()).toContain('classified restricted');
    expect(await blocked.locator('.x-aih-remedy').textContent()).toContain('What would change it: Ask the data owner');
    expect(await page.locator('.x-aih-confirm').isDisabled()).toBe(true);
    await page.close();
  });

  it('says why when the panel is malformed, and offers nothing', async () => {
    const page = await open(ticketOnPlatform(CAST.alex, '{"schema":1,"operations":'), ASSIGN);
    expect(await page.locator('.x-aih-notice').textContent()).toContain('not valid JSON');
    expect(await page.locator('.x-aih-operation').count()).toBe(0);
    expect(await page.locator('.x-aih-confirm').isDisabled()).toBe(true);
    await page.close();
  });
});

describe('Accept AI draft', () => {
  it("lets the approver accept with a comment, writing the review the worker parses", async () => {
    const platform = ticketOnPlatform(CAST.irene);
    const page = await open(platform, ACCEPT);
    expect(await page.locator('.modal').getAttribute('data-title')).toBe('Accept AI draft');
    expect(await page.locator('.x-aih-handoff').textContent()).toContain('Draft vendor escalation packet');
    await page.locator('#x_acme_aihandoff_comment').fill('Checked the packet; send it.');
    await page.locator('.x-aih-confirm').click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    const row = platform.row(TABLE, INC_SYS_ID);
    expect(AiReview.parse(JSON.parse(row.x_acme_aihandoff_review!))).toEqual({ handoff: HANDOFF_AWAITING, decision: 'accept', comment: 'Checked the packet; send it.' });
    expect(row.x_acme_aihandoff_reviewed_by).toBe(CAST.irene.sysId);
    await page.close();
  });

  it('lets the requester accept an evidence pack that needs no approval', async () => {
    const evidence = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'gather-diagnostics', approval: noApproval })] });
    const platform = ticketOnPlatform(CAST.alex, evidence);
    const page = await open(platform, ACCEPT);
    expect(await page.locator('.x-aih-handoff').textContent()).toContain('Gather diagnostics No approval needed before use.');
    await page.locator('.x-aih-confirm').click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    expect(AiReview.parse(JSON.parse(platform.row(TABLE, INC_SYS_ID).x_acme_aihandoff_review!))).toEqual({ handoff: HANDOFF_AWAITING, decision: 'accept', comment: '' });
    await page.close();
  });

  it('offers nothing to the requester, and says who may review', async () => {
    const page = await open(ticketOnPlatform({ ...CAST.alex, roles: ['x_acme_aihandoff.reviewer'] }), ACCEPT);
    expect(await page.locator('.x-aih-notice').textContent()).toContain('never the person who requested it');
    expect(await page.locator('.x-aih-confirm').isDisabled()).toBe(true);
    await page.close();
  });
});
