/**
 * The app's dialog in real Chromium, on a page that stands in for a
 * ServiceNow form: GlideModal, GlideAjax, g_form and ScriptLoader are small
 * browser fakes, and GlideAjax calls reach AiHandoffAjax running on the fake
 * platform in Node. The page loads the shared module, the dialog and the
 * buttons' script exactly as the app ships them.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SCRIPTS, source } from './app-files.js';
import { callAjax, type FakePlatform } from './fake-platform.js';

const FORM_FAKES = `
window.__messages = [];
window.__loaded = [];
window.g_form = {
  getTableName: function () { return window.__form.table; },
  getUniqueValue: function () { return window.__form.sysId; },
  isNewRecord: function () { return false; },
  addInfoMessage: function (m) { window.__messages.push('info: ' + m); },
  addErrorMessage: function (m) { window.__messages.push('error: ' + m); }
};
window.ScriptLoader = { getScripts: function (names, done) { window.__loaded = names; done(); } };
window.GlideAjax = function (name) { this.name = name; this.params = {}; };
window.GlideAjax.prototype.addParam = function (k, v) { this.params[k] = v; };
window.GlideAjax.prototype.getXMLAnswer = function (done) { window.__aihServer(this.name, this.params).then(done); };
window.GlideModal = function (id, readOnly, width) {
  this.element = document.createElement('section');
  this.element.className = 'modal';
  this.element.setAttribute('data-width', String(width));
  document.body.appendChild(this.element);
};
window.GlideModal.prototype.setTitle = function (t) { this.title = t; this.element.setAttribute('data-title', t); };
window.GlideModal.prototype.renderWithContent = function (html) { this.element.innerHTML = html; };
window.GlideModal.prototype.destroy = function () { this.element.remove(); };
`;

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error("Chromium is not installed: install Debian's `chromium` package (`.ci/run` does), or set CHROMIUM_PATH.");
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}

/** A form page for one ticket, its GlideAjax wired to the platform. */
export async function formPage(browser: Browser, platform: FakePlatform, table: string, sysId: string): Promise<Page> {
  const page = await browser.newPage();
  await page.exposeFunction('__aihServer', (name: string, params: Record<string, string>) => {
    if (name !== 'x_acme_aihandoff.AiHandoffAjax') throw new Error(`GlideAjax to unknown processor ${name}`);
    const { sysparm_name: method = '', ...rest } = params;
    return JSON.stringify(callAjax(platform, method, rest));
  });
  await page.setContent('<!doctype html><html><body><main id="form"></main></body></html>');
  await page.addScriptTag({ content: `window.__form = ${JSON.stringify({ table, sysId })};${FORM_FAKES}` });
  for (const file of [SCRIPTS.scopeReview, SCRIPTS.dialog, SCRIPTS.formButtons]) await page.addScriptTag({ content: source(file) });
  return page;
}

/** Clicks a form button: runs its onclick as the form does. */
export async function click(page: Page, onclick: string): Promise<void> {
  await page.evaluate(`(function () { ${onclick}; })()`);
}
