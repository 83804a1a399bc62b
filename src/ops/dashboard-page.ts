/**
 * The dashboard as a page (GET /): the seed's three figures over active work
 * as tiles and a chart, then the flow, budgets, queues and sync. Rendered on
 * the server from the dashboard's figures, with no script at all (the
 * server's content security policy forbids it); the page reloads itself
 * every ops.dashboard.refreshSeconds. Every value is escaped; only
 * aggregates, operation titles and group names appear.
 */
import { HANDOFF_STATUSES } from '../domain/handoff.js';
import type { DashboardView } from './dashboard-data.js';
import { TALLIED_STEPS, type Durations, type TallyRow } from './ledger-tally.js';

const SPLIT = [
  { key: 'eligible', label: 'eligible', color: '#2e7d32', meaning: 'Active work where some bounded AI execution is allowed' },
  { key: 'approval-bound', label: 'approval-bound', color: '#f9a825', meaning: 'Hand-offs that require named human approval before AI output is used' },
  { key: 'blocked', label: 'blocked', color: '#c62828', meaning: 'Work items not eligible due to severity, data, or control limits' },
] as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

export function renderDashboardPage(view: DashboardView): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="${view.refreshSeconds}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ai-handoff dashboard</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>Governed AI task hand-off</h1>
  <p class="sub">Aggregates only. Generated <time id="generated" datetime="${escapeHtml(view.generatedAt)}">${escapeHtml(view.generatedAt)}</time>; this page reloads every ${view.refreshSeconds} s.</p>
  ${readinessLine(view)}
</header>
<main>
${splitSection(view)}
${handoffSection(view)}
${flowSection('by-operation', 'By operation', view.flow.byOperation, (key) => view.titles[key] ?? key, true)}
${flowSection('by-group', 'By owning group', view.flow.byGroup, (key) => key, false)}
<section><h2>Time to review</h2><p id="review-time">${durationText(view.flow.review)}</p></section>
${budgetSection(view)}
${queueSection(view)}
</main>
</body>
</html>
`;
}

function readinessLine(view: DashboardView): string {
  const r = view.readiness;
  const problems = Object.entries(r.checks)
    .filter(([, c]) => !c.ok)
    .map(([name, c]) => `${name}: ${c.detail}`);
  return `<p id="readiness" class="${r.ready ? 'ok' : 'bad'}" data-ready="${r.ready}">${r.ready ? 'Ready: Redis, the instance and sync are healthy.' : `Not ready. ${escapeHtml(problems.join('; '))}`}</p>`;
}

function splitSection(view: DashboardView): string {
  const c = view.classification;
  if (c === null) {
    const why = view.classificationError === null ? 'Computing the split of active work…' : `The split of active work could not be computed: ${view.classificationError}`;
    return `<section id="split"><h2>Active work</h2><p class="note">${escapeHtml(why)}</p></section>`;
  }
  const d = c.dashboard;
  const counts = { eligible: d.total.eligible, 'approval-bound': d.total.approvalBound, blocked: d.total.blocked };
  const tiles = SPLIT.map(
    (s) =>
      `<div class="tile" data-class="${s.key}" style="border-top-color:${s.color}"><div class="label">${s.label}</div><div class="pct">${percent(d.shares[s.key])}</div><div class="count">${counts[s.key]} of ${d.total.active}</div><p>${s.meaning}</p></div>`,
  ).join('');
  const writeBack = '<div class="tile" data-class="write-back" style="border-top-color:#455a64"><div class="label">write-back</div><div class="pct">Required</div><div class="count">&nbsp;</div><p>Every AI hand-off must record scope, result, and owner context</p></div>';
  const rows = d.tables
    .map((t) => {
      const share = (n: number): number => (t.active === 0 ? 0 : n / t.active);
      return `<tr data-table="${escapeHtml(t.table)}"><th scope="row">${escapeHtml(t.table)}</th><td>${t.active}</td><td>${t.eligible}</td><td>${t.approvalBound}</td><td>${t.blocked}</td><td>${stackedBar({ eligible: share(t.eligible), 'approval-bound': share(t.approvalBound), blocked: share(t.blocked) }, 300, 14, `${t.table}`)}</td></tr>`;
    })
    .join('');
  return `<section id="split">
<h2>Active work under policy ${escapeHtml(d.policyVersion)}: ${d.total.active} tickets</h2>
<div class="tiles">${tiles}${writeBack}</div>
<figure>${stackedBar(d.shares, 1000, 48, 'active work', 'split-chart')}
<figcaption>${SPLIT.map((s) => `<span class="key"><i style="background:${s.color}"></i>${s.label} ${percent(d.shares[s.key])}</span>`).join(' ')} — computed <time datetime="${escapeHtml(c.at)}">${escapeHtml(c.at)}</time></figcaption></figure>
<table id="split-tables"><thead><tr><th>table</th><th>active</th><th>eligible</th><th>approval-bound</th><th>blocked</th><th>split</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

/** A 100 % stacked bar of the three classes, as SVG (a chart, as in the seed, not only numbers). */
function stackedBar(shares: Readonly<Record<(typeof SPLIT)[number]['key'], number>>, width: number, height: number, what: string, id?: string): string {
  let x = 0;
  const rects = SPLIT.map((s) => {
    const w = Math.round(shares[s.key] * width * 100) / 100;
    const rect = `<rect data-class="${s.key}" data-share="${shares[s.key]}" x="${x}" y="0" width="${w}" height="${height}" fill="${s.color}"><title>${s.label} ${percent(shares[s.key])}</title></rect>`;
    x += w;
    return rect;
  }).join('');
  const label = `${escapeHtml(what)}: ${SPLIT.map((s) => `${s.label} ${percent(shares[s.key])}`).join(', ')}`;
  return `<svg${id ? ` id="${id}"` : ''} class="bar" role="img" aria-label="${label}" viewBox="0 0 ${width} ${height}" width="${width === 1000 ? '100%' : width}" height="${height}" preserveAspectRatio="none"><rect x="0" y="0" width="${width}" height="${height}" fill="#eceff1"/>${rects}</svg>`;
}

function handoffSection(view: DashboardView): string {
  const max = Math.max(1, ...HANDOFF_STATUSES.map((s) => view.handoffs[s] ?? 0));
  const rows = HANDOFF_STATUSES.map((status) => {
    const n = view.handoffs[status] ?? 0;
    return `<tr data-status="${status}"><th scope="row">${status.replace('_', ' ')}</th><td>${n}</td><td><svg class="bar" role="img" aria-label="${status} ${n}" viewBox="0 0 200 12" width="200" height="12"><rect x="0" y="0" width="${Math.round((n / max) * 200)}" height="12" fill="#1565c0"/></svg></td></tr>`;
  }).join('');
  return `<section><h2>Hand-offs by status</h2><table id="handoffs"><tbody>${rows}</tbody></table></section>`;
}

function flowSection(id: string, title: string, rows: readonly TallyRow[], name: (key: string) => string, withRequested: boolean): string {
  const steps = TALLIED_STEPS.filter((s) => withRequested || s !== 'requested');
  const head = `<tr><th>${id === 'by-group' ? 'group' : 'operation'}</th>${steps.map((s) => `<th>${s}</th>`).join('')}<th>acceptance</th><th>rejection</th><th>escalation</th><th>expiry</th><th>time to review (median / 90th)</th></tr>`;
  const rate = (r: TallyRow, k: 'acceptance' | 'rejection' | 'escalation' | 'expiry'): string => (r.rates === null ? '–' : percent(r.rates[k]));
  const body = rows
    .map(
      (r) =>
        `<tr data-key="${escapeHtml(r.key)}"><th scope="row">${escapeHtml(name(r.key))}</th>${steps.map((s) => `<td data-step="${s}">${r.counts[s]}</td>`).join('')}<td data-rate="acceptance">${rate(r, 'acceptance')}</td><td data-rate="rejection">${rate(r, 'rejection')}</td><td data-rate="escalation">${rate(r, 'escalation')}</td><td data-rate="expiry">${rate(r, 'expiry')}</td><td>${durationText(r.review)}</td></tr>`,
    )
    .join('');
  return `<section><h2>${title}</h2>${rows.length === 0 ? '<p class="note">No hand-offs yet.</p>' : `<table id="${id}"><thead>${head}</thead><tbody>${body}</tbody></table>`}<p class="note">Rates are shares of the hand-offs whose review ended (accepted, rejected, escalated or expired).</p></section>`;
}

function durationText(d: Durations): string {
  if (d.count === 0 || d.median === null || d.p90 === null) return 'no reviews yet';
  return `${human(d.median)} / ${human(d.p90)} over ${d.count} review${d.count === 1 ? '' : 's'}`;
}

function human(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5_400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3_600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

function budgetSection(view: DashboardView): string {
  if (view.budgets.length === 0) return '<section><h2>Budgets</h2><p class="note" id="budgets">No group has spent anything this period.</p></section>';
  const rows = view.budgets.map((b) => `<tr data-group="${escapeHtml(b.group)}"><th scope="row">${escapeHtml(b.group)}</th><td>${escapeHtml(b.state)}</td><td>${percent(b.share)}</td><td>${escapeHtml(b.period)}</td><td>${escapeHtml(b.resetsAt)}</td></tr>`).join('');
  return `<section><h2>Budgets</h2><table id="budgets"><thead><tr><th>group</th><th>state</th><th>used</th><th>period</th><th>resets</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function queueSection(view: DashboardView): string {
  const states = [...new Set(Object.values(view.queues).flatMap((s) => Object.keys(s)))];
  const queueRows = Object.entries(view.queues)
    .map(([queue, counts]) => `<tr data-queue="${escapeHtml(queue)}"><th scope="row">${escapeHtml(queue)}</th>${states.map((s) => `<td>${counts[s] ?? 0}</td>`).join('')}</tr>`)
    .join('');
  const lagRows = Object.entries(view.syncLag ?? {})
    .map(([table, lag]) => `<tr data-table="${escapeHtml(table)}"><th scope="row">${escapeHtml(table)}</th><td>${lag === null ? 'not synced yet' : `${Math.round(lag)} s`}</td></tr>`)
    .join('');
  return `<section><h2>Queues</h2><table id="queues"><thead><tr><th>queue</th>${states.map((s) => `<th>${s}</th>`).join('')}</tr></thead><tbody>${queueRows}</tbody></table></section>
<section><h2>Sync lag</h2>${view.syncLag === null ? '<p class="note">Unknown: Redis did not answer.</p>' : `<table id="sync"><thead><tr><th>table</th><th>since the last completed pass</th></tr></thead><tbody>${lagRows}</tbody></table>`}</section>`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#263238;background:#fafafa}
header{padding:16px 24px;background:#263238;color:#fff}header h1{margin:0;font-size:20px}.sub{margin:4px 0 0;color:#cfd8dc;font-size:13px}
#readiness{margin:8px 0 0;font-size:14px}#readiness.ok{color:#a5d6a7}#readiness.bad{color:#ffab91;font-weight:600}
main{padding:8px 24px 32px;max-width:1200px}section{margin-top:20px}h2{font-size:16px;margin:0 0 8px}
.tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{background:#fff;border:1px solid #cfd8dc;border-top:4px solid;padding:10px 14px;width:200px}
.tile .label{text-transform:uppercase;font-size:12px;color:#607d8b}.tile .pct{font-size:32px;font-weight:700}.tile .count{font-size:12px;color:#607d8b}.tile p{font-size:12px;margin:6px 0 0}
figure{margin:12px 0}figcaption{font-size:12px;color:#455a64;margin-top:4px}.key i{display:inline-block;width:10px;height:10px;margin:0 4px 0 8px}
table{border-collapse:collapse;background:#fff;font-size:13px}th,td{border:1px solid #eceff1;padding:4px 8px;text-align:right}th[scope=row],thead th:first-child{text-align:left}
.note{font-size:12px;color:#607d8b}svg.bar{display:block}
`;
