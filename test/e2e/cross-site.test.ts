/**
 * Cross-site requests from a real browser (issue 11): a page served from
 * another origin on the same machine auto-submits a sign-in form to the
 * sandbox's /login.do and fires a no-cors POST at its control endpoint, as a
 * malicious page could. Chromium sends them; the sandbox refuses both, signs
 * no one in and changes no fault rule. The sandbox's own page still signs in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../connectors/servicenow/sandbox/index.js';
import { openBrowser, type Browser } from './support/browser.js';

let sandbox: Sandbox;
let attacker: Server;
let attackerUrl: string;
let browser: Browser;

beforeAll(async () => {
  sandbox = await createSandbox({ control: true, seed: false });
  attacker = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html><body>
<form id="f" method="post" action="${sandbox.url}/login.do">
  <input name="user_name" value="admin"><input name="user_password" value="sandbox"><input name="return_to" value="/tickets">
</form>
<script>
  fetch(${JSON.stringify(`${sandbox.url}/sandbox/control/faults`)}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ kind: 'error', status: 503 }) })
    .finally(() => { document.title = 'fired'; document.getElementById('f').submit(); });
</script></body></html>`);
  });
  // Another origin on the same machine: localhost and another port.
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await sandbox?.close();
});

describe('a page on another origin', () => {
  it('cannot sign the browser in to the sandbox nor change its faults', async () => {
    const { page, context } = browser;
    const landed = page.waitForURL(`${sandbox.url}/login.do`);
    await page.goto(attackerUrl);
    await landed;
    expect(await page.textContent('body')).toContain('Cross-site request refused');
    expect((await context.cookies(sandbox.url)).filter((c) => c.name === 'JSESSIONID')).toEqual([]);
    expect(sandbox.faults.list()).toEqual([]);
  });

  it("still signs in from the sandbox's own page", async () => {
    const { page, context } = browser;
    await page.goto(`${sandbox.url}/tickets`);
    await page.selectOption('#user-select', 'alex.rivera');
    await Promise.all([page.waitForURL(`${sandbox.url}/tickets`), page.click('#switch-user')]);
    expect((await context.cookies(sandbox.url)).filter((c) => c.name === 'JSESSIONID')).toHaveLength(1);
  });
});
