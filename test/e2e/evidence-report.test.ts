/**
 * The HTML evidence report in real Chromium (issue 16): a month of hand-offs
 * in a real ledger, rendered, opened from a file. The charts render (every
 * chart is an SVG with bars of real size), the page makes no request besides
 * its own file (checked with the page's request log and a route that fails
 * anything else), the content security policy in the file forbids any, and
 * it prints. Screenshots (screen and print) and a PDF go to the temporary
 * folder, named in the test output, for people to look at.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceReport } from '../../src/evidence/build-report.js';
import { loadControlMap } from '../../src/evidence/control-map.js';
import { renderEvidenceHtml } from '../../src/evidence/render-html.js';
import { monthOfHandoffs } from '../support/evidence-ledger.js';
import { redisUrl } from '../support/redis.js';
import { openBrowser, type Browser } from './support/browser.js';

const redis = new Redis(redisUrl());
let browser: Browser;
let file: string;

beforeAll(async () => {
  const month = await monthOfHandoffs(redis);
  const report = await buildEvidenceReport({ ledger: month.ledger, period: { from: month.from, to: month.to }, controls: loadControlMap(), now: month.now });
  file = join(tmpdir(), `ai-handoff-evidence-${process.pid}.html`);
  writeFileSync(file, renderEvidenceHtml(report));
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await redis.quit();
});

describe('the HTML evidence report in Chromium', () => {
  it('renders its charts, fetches nothing, and prints', async () => {
    const { page } = browser;
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url);

    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const box = await charts.nth(i).boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(50);
      // Bars with real size, not empty frames.
      const sizes = await charts.nth(i).locator('rect').evaluateAll((rects) => rects.map((r) => (r as unknown as { getBBox(): { width: number } }).getBBox().width));
      expect(sizes.filter((w) => w > 2).length).toBeGreaterThan(3);
    }
    expect(await page.locator('h2').allTextContents()).toEqual(expect.arrayContaining(['Acceptance per operation and group', 'Every gap']));
    expect(await page.locator('.status.operated').count()).toBeGreaterThanOrEqual(5);
    expect(requests).toEqual([url]);

    const shot = join(tmpdir(), `ai-handoff-evidence-${process.pid}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const printed = join(tmpdir(), `ai-handoff-evidence-${process.pid}-print.png`);
    await page.screenshot({ path: printed, fullPage: true });
    const pdf = join(tmpdir(), `ai-handoff-evidence-${process.pid}.pdf`);
    const bytes = await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(requests).toEqual([url]);
    console.log(`evidence report: ${file}\n  screenshot: ${shot}\n  print preview: ${printed}\n  PDF: ${pdf}`);
  });
});
