/**
 * The app's dialog in real Chromium, in the two places the buttons open it,
 * from the records the build produced (the UI page, the UI scripts, the UI
 * actions' Core UI and Workspace scripts):
 *
 * - a stand-in Core UI form: g_form, GlideAjax and a GlideModal that renders
 *   a UI page into the form's own document (its required UI scripts, its
 *   HTML, then its client script), as Core UI does;
 * - a stand-in Workspace: g_form and a g_modal whose showFrame puts the URL in
 *   an iframe and, with autoCloseOn URL_CHANGED, removes it when the frame
 *   navigates; the frame is the UI page served as a page of its own.
 *
 * A button's script runs isolated, as a scoped app's client script does:
 * window, document and jQuery are not in its reach. GlideAjax calls reach
 * AiHandoffAjax running on the fake platform in Node. Requests are served by
 * routing (no network): https://instance.test/...
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { APP } from './app-files.js';
import type { BuiltApp } from './built-app.js';
import { callAjax, type FakePlatform } from './fake-platform.js';

export const ORIGIN = 'https://instance.test';

/** The names a scoped client script may not reach (and that the isolation wrapper hides). */
const HIDDEN = ['window', 'document', 'jQuery', '$', '$$', '$j', '$F', 'gel', 'top', 'parent'];

/** GlideAjax as a page has it: its answer comes from the platform in Node. */
const AJAX = `
window.GlideAjax = function (name) { this.name = name; this.params = {}; };
window.GlideAjax.prototype.addParam = function (k, v) { this.params[k] = v; };
window.GlideAjax.prototype.getXMLAnswer = function (done) { window.__aihServer(this.name, this.params).then(done); };
`;

/** A Core UI form: g_form, and a GlideModal that renders UI pages into this document. */
const FORM = `
window.__messages = [];
window.g_form = {
  getTableName: function () { return window.__form.table; },
  getUniqueValue: function () { return window.__form.sysId; },
  isNewRecord: function () { return false; },
  addInfoMessage: function (m) { window.__messages.push('info: ' + m); },
  addErrorMessage: function (m) { window.__messages.push('error: ' + m); }
};
window.GlideModal = function (id, readOnly, width) { this.id = id; this.width = width; this.preferences = {}; };
window.GlideModal.open = {};
window.GlideModal.get = function (id) { return window.GlideModal.open[id] || null; };
window.GlideModal.prototype.setTitle = function (t) { this.title = t; };
window.GlideModal.prototype.setPreference = function (k, v) { this.preferences[k] = String(v); };
window.GlideModal.prototype.getPreference = function (k) { return this.preferences[k]; };
window.GlideModal.prototype.destroy = function () { this.element.remove(); delete window.GlideModal.open[this.id]; };
window.GlideModal.prototype.render = function () {
  var modal = this;
  modal.element = document.createElement('section');
  modal.element.className = 'modal';
  modal.element.setAttribute('data-title', modal.title);
  document.body.appendChild(modal.element);
  window.GlideModal.open[modal.id] = modal;
  window.__uiPage(modal.id).then(function (page) {
    var load = function (i) {
      if (i === page.requires.length) {
        modal.element.insertAdjacentHTML('beforeend', page.html);
        var script = document.createElement('script');
        script.textContent = page.clientScript;
        modal.element.appendChild(script);
        return;
      }
      var tag = document.createElement('script');
      tag.src = '/' + page.requires[i];
      tag.onload = function () { load(i + 1); };
      document.head.appendChild(tag);
    };
    load(0);
  });
};
`;

/** A Workspace record page: g_form and g_modal.showFrame. */
const WORKSPACE = `
window.__frames = [];
window.__form = window.__form || {};
window.__g_form = {
  getTableName: function () { return window.__form.table; },
  getUniqueValue: function () { return window.__form.sysId; },
  isNewRecord: function () { return false; }
};
window.__g_modal = {
  showFrame: function (options) {
    window.__frames.push(options);
    var frame = document.createElement('iframe');
    frame.className = 'workspace-modal';
    frame.setAttribute('data-title', options.title);
    frame.style.width = '800px';
    frame.style.height = options.height || '600px';
    var loads = 0;
    frame.onload = function () {
      loads += 1;
      if (loads > 1 && options.autoCloseOn === 'URL_CHANGED') frame.remove();
    };
    frame.src = options.url;
    document.body.appendChild(frame);
    return Promise.resolve();
  }
};
`;

/** The UI page's HTML with its Jelly rendered: the UI scripts it requires and the markup it leaves. */
export function renderUiPage(html: string): { requires: string[]; markup: string } {
  const requires: string[] = [];
  const markup = html
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<g:requires name="([^"]+)"\s*(?:\/>|><\/g:requires>)/g, (_all, name: string) => {
      requires.push(name);
      return '';
    })
    .replace(/<\/?j:jelly[^>]*>/g, '')
    .trim();
  if (/<\/?[jg]2?:/.test(markup)) throw new Error(`the dialog page uses Jelly this stand-in does not render: ${markup}`);
  return { requires, markup };
}

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

/** A button's script run as a scoped app runs it: in a closure that hides window, document and jQuery. */
export function isolated(script: string, call: string, given: Record<string, string> = {}): string {
  const names = [...HIDDEN, ...Object.keys(given)];
  const values = [...HIDDEN.map(() => 'undefined'), ...Object.values(given)];
  return `(function (${names.join(', ')}) { 'use strict';\n${script}\n;${call}; })(${values.join(', ')})`;
}

function html(body: string, head = ''): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

export class AppPages {
  constructor(
    readonly app: BuiltApp,
    readonly platform: FakePlatform,
  ) {}

  private record(table: string, where: Record<string, string>): Record<string, string> {
    const found = this.app.of(table, where);
    if (found.length !== 1) throw new Error(`the build has ${found.length} ${table} records matching ${JSON.stringify(where)}`);
    return found[0]!.fields;
  }

  uiScript(name: string): string {
    return this.record('sys_ui_script', { name: name.replace(/\.jsdbx$/, '') }).script!;
  }

  page(): { requires: string[]; markup: string; clientScript: string } {
    const page = this.record('sys_ui_page', { endpoint: `${APP.page}.do` });
    return { ...renderUiPage(page.html!), clientScript: page.client_script! };
  }

  button(table: string, action: string): Record<string, string> {
    return this.record('sys_ui_action', { table, action_name: action });
  }

  private async serve(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('.jsdbx')) {
      await route.fulfill({ contentType: 'application/javascript', body: this.uiScript(url.pathname.slice(1)) });
    } else if (url.pathname === `/${APP.page}.do`) {
      const page = this.page();
      const scripts = page.requires.map((name) => `<script src="/${name}"></script>`).join('');
      // A UI page of its own has the platform's client classes; GlideModal.get finds no modal there.
      const platform = `<script>${AJAX}window.GlideModal = function () {}; window.GlideModal.get = function () { return null; };</script>`;
      await route.fulfill({ contentType: 'text/html', body: html(`${page.markup}<script>${page.clientScript}</script>`, platform + scripts) });
    } else {
      await route.fulfill({ contentType: 'text/html', body: html('<main id="form"></main>') });
    }
  }

  private async open(browser: Browser, path: string, setup: string, form: { table: string; sysId: string }): Promise<Page> {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => this.serve(route));
    await page.exposeFunction('__aihServer', (name: string, params: Record<string, string>) => {
      if (name !== `${APP.scope}.AiHandoffAjax`) throw new Error(`GlideAjax to unknown processor ${name}`);
      const { sysparm_name: method = '', ...rest } = params;
      return JSON.stringify(callAjax(this.platform, method, rest));
    });
    await page.exposeFunction('__uiPage', (id: string) => {
      if (id !== APP.page) throw new Error(`GlideModal for unknown UI page ${id}`);
      const built = this.page();
      return { requires: built.requires, html: built.markup, clientScript: built.clientScript };
    });
    await page.goto(`${ORIGIN}${path}`);
    await page.addScriptTag({ content: `window.__form = ${JSON.stringify(form)};${setup}` });
    return page;
  }

  /** A Core UI form of the ticket. */
  form(browser: Browser, table: string, sysId: string): Promise<Page> {
    return this.open(browser, `/${table}.do?sys_id=${sysId}`, AJAX + FORM, { table, sysId });
  }

  /** A Workspace record page of the ticket. */
  workspace(browser: Browser, table: string, sysId: string): Promise<Page> {
    return this.open(browser, `/now/sow/record/${table}/${sysId}`, WORKSPACE, { table, sysId });
  }

  /** Clicks a button on a Core UI form: its onclick, with its (isolated) script. */
  async clickCoreUi(page: Page, table: string, action: string): Promise<void> {
    const button = this.button(table, action);
    await page.evaluate(isolated(button.script!, button.onclick!));
  }

  /** Clicks a button in Workspace: its workspace client script's onClick(g_form), isolated. */
  async clickWorkspace(page: Page, table: string, action: string): Promise<void> {
    const button = this.button(table, action);
    await page.evaluate(isolated(button.client_script_v2!, 'onClick(g_form)', { g_form: 'window.__g_form', g_modal: 'window.__g_modal' }));
  }
}
