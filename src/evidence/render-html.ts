/**
 * The evidence report as one self-contained HTML file: inline CSS and SVG,
 * no script, no external font, image or link to fetch, so it opens offline,
 * passes a strict content security policy, and prints (A4, each control on
 * its own block). Every value from the instance or the ledger is escaped.
 */
import type { AcceptanceRow, ControlReport, EvidenceReport, Figure, Gap } from './report-schema.js';
import { lastDayOf } from './report-schema.js';
import { escapeXml as esc, reviewTimeBars, seriesColumns, shareBars } from './svg-charts.js';

const STATUS_WORDS: Record<ControlReport['status'], string> = { operated: 'Operated', failed: 'Did not operate', no_data: 'No data' };

const STYLE = `
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1a1a; margin: 24px auto; max-width: 1000px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid #ddd; padding-bottom: 4px; } h3 { font-size: 14px; margin: 14px 0 6px; }
.meta { color: #555; } .muted { color: #777; fill: #777; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; } th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; } th { background: #f5f5f5; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 12px; border: 1px solid; }
.status.operated { color: #1b5e20; border-color: #2e7d32; background: #e8f5e9; } .status.failed { color: #b71c1c; border-color: #c62828; background: #ffebee; } .status.no_data { color: #555; border-color: #999; background: #f5f5f5; }
.banner { padding: 8px 12px; border-radius: 6px; margin: 10px 0; } .banner.ok { background: #e8f5e9; border: 1px solid #2e7d32; } .banner.bad { background: #ffebee; border: 1px solid #c62828; }
.gaps li { margin: 2px 0; } .gap-kind { font-family: ui-monospace, monospace; font-size: 12px; color: #8d3b00; }
section.control { break-inside: avoid-page; page-break-inside: avoid; }
svg.chart { max-width: 100%; margin: 6px 0 14px; } svg .t { font: 12px system-ui, sans-serif; fill: #222; } svg .small { font-size: 10px; } svg .h { font: 600 13px system-ui, sans-serif; fill: #222; }
code { font-family: ui-monospace, monospace; font-size: 12px; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } .chart { break-inside: avoid; } }
`;

function formatValue(f: Figure): string {
  if (f.value === null) return '<span class="muted">no data</span>';
  if (f.unit === 'share' && typeof f.value === 'number') return `${Math.round(f.value * 1000) / 10}%`;
  if (f.unit === 'flag') return f.value === true ? 'yes' : 'no';
  if (f.unit === 'minutes' && typeof f.value === 'number') return `${f.value} min`;
  return esc(String(f.value));
}

function countsTable(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([, a], [, b]) => b - a);
  if (entries.length === 0) return '<p class="muted">none in the period</p>';
  return `<table><tbody>${entries.map(([k, n]) => `<tr><td><code>${esc(k)}</code></td><td class="n">${n}</td></tr>`).join('')}</tbody></table>`;
}

function gapList(gaps: readonly Gap[]): string {
  if (gaps.length === 0) return '<p class="muted">No gap.</p>';
  return `<ul class="gaps">${gaps.map((g) => `<li><span class="gap-kind">${esc(g.kind)}</span> ${esc(g.message)}</li>`).join('')}</ul>`;
}

function control(c: ControlReport): string {
  const clauses = c.clauses.map((cl) => `<li>${esc(cl.frameworkTitle)}: <strong>${esc(cl.ref)}</strong> ${esc(cl.title)}</li>`).join('');
  const figures = `<table><thead><tr><th>Figure</th><th>Value</th></tr></thead><tbody>${c.figures.map((f) => `<tr><td>${esc(f.label)}</td><td class="n">${formatValue(f)}</td></tr>`).join('')}</tbody></table>`;
  const breakdowns = c.breakdowns.map((b) => `<h3>${esc(b.label)}</h3>${countsTable(b.counts)}`).join('');
  const examples = c.examples.length === 0 ? '' : `<h3>Examples</h3><ul>${c.examples.map((e) => `<li>${e.handoff ? `<code>${esc(e.handoff)}</code>` : ''}${e.ticket ? ` on ${esc(e.ticket)}` : ''}: ${esc(e.what)}</li>`).join('')}</ul>`;
  return `<section class="control" id="control-${esc(c.id)}">
<h2>${esc(c.title)} <span class="status ${c.status}">${STATUS_WORDS[c.status]}</span></h2>
<p>${esc(c.summary)}</p>
<p class="meta">${esc(c.description)}</p>
<h3>Evidence for</h3><ul>${clauses || '<li class="muted">no clause mapped</li>'}</ul>
${figures}${breakdowns}${examples}
<h3>Gaps</h3>${gapList(c.gaps)}
</section>`;
}

function acceptanceTable(rows: readonly AcceptanceRow[], what: string): string {
  const pct = (n: number | null): string => (n === null ? '–' : `${Math.round(n * 100)}%`);
  return `<table><thead><tr><th>${esc(what)}</th><th>Requested</th><th>Accepted</th><th>Rejected</th><th>Escalated</th><th>Expired</th><th>Failed</th><th>Waiting</th><th>Review time (median, p90)</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td>${esc(r.key)}</td><td class="n">${r.handoffs}</td><td class="n">${r.outcomes.accepted} (${pct(r.shares.accepted)})</td><td class="n">${r.outcomes.rejected} (${pct(r.shares.rejected)})</td><td class="n">${r.outcomes.escalated} (${pct(r.shares.escalated)})</td><td class="n">${r.outcomes.expired} (${pct(r.shares.expired)})</td><td class="n">${r.failed}</td><td class="n">${r.pending}</td><td class="n">${r.reviewMinutes.median === null ? '–' : `${r.reviewMinutes.median} / ${r.reviewMinutes.p90} min`}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

export function renderEvidenceHtml(report: EvidenceReport): string {
  const chain = report.ledger.chain;
  const banner = chain.ok && chain.anchored
    ? `<div class="banner ok">Audit chain verified over all ${report.ledger.retrievable} retrievable events (keys, links, indexes) and anchored by ${chain.checkpoints} checkpoints outside Redis.</div>`
    : `<div class="banner bad">Audit chain ${chain.ok ? 'not anchored by any checkpoint' : `does not verify: ${esc(chain.problem?.kind ?? '')}: ${esc(chain.problem?.message ?? '')}`}. The figures below come from a ledger that is not proven.</div>`;
  const summary = `<table><thead><tr><th>Control</th><th>Status</th><th>What the evidence shows</th><th>Gaps</th></tr></thead><tbody>${report.controls
    .map((c) => `<tr><td><a href="#control-${esc(c.id)}">${esc(c.title)}</a></td><td><span class="status ${c.status}">${STATUS_WORDS[c.status]}</span></td><td>${esc(c.summary)}</td><td class="n">${c.gaps.length}</td></tr>`)
    .join('')}</tbody></table>`;
  const a = report.acceptance;
  const acceptanceSection = `<section id="acceptance"><h2>Acceptance per operation and group</h2>
<p class="meta">Hand-offs requested in the period, by where they ended. Shares are of the decided or expired ones; "escalated" are still with the person they were escalated to.</p>
${a.byOperation.length === 0 ? '<p class="muted">No hand-off was requested in the period.</p>' : `${shareBars(a.byOperation, 'Outcome shares by operation')}${shareBars(a.byGroup, 'Outcome shares by group')}${seriesColumns(a.overall, a.bucket, `Outcomes over the period, by ${a.bucket} of request`)}${reviewTimeBars([...a.byOperation, a.overall], 'Minutes from the note to the first decision (bar: median; tick: 90th percentile)')}`}
<h3>By operation</h3>${acceptanceTable([...a.byOperation, a.overall], 'Operation')}
<h3>By group</h3>${acceptanceTable(a.byGroup, 'Group')}
</section>`;
  const versions = `<section id="policy-versions"><h2>Policy versions and reloads</h2>${
    report.policyVersions.length === 0
      ? '<p class="muted">No event in the period names a policy version.</p>'
      : `<table><thead><tr><th>Version</th><th>First seen</th><th>Last seen</th><th>Events in the period</th><th>In force at the start</th></tr></thead><tbody>${report.policyVersions.map((v) => `<tr><td><code>${esc(v.version)}</code></td><td>${esc(v.firstSeen)}</td><td>${esc(v.lastSeen)}</td><td class="n">${v.events}</td><td>${v.inForceAtStart ? 'yes' : 'no'}</td></tr>`).join('')}</tbody></table>`
  }${report.reloads.length === 0 ? '<p class="muted">No reload recorded in the period.</p>' : `<ul>${report.reloads.map((r) => `<li>${esc(r.at)}: reload (event ${r.seq}${r.policyVersion ? `, policy ${esc(r.policyVersion)}` : ''})</li>`).join('')}</ul>`}</section>`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AI hand-off governance evidence, ${esc(report.period.from.slice(0, 10))} to ${esc(lastDayOf(report.period))}</title>
<style>${STYLE}</style></head><body>
<h1>AI hand-off governance evidence, ${esc(report.period.from.slice(0, 10))} to ${esc(lastDayOf(report.period))}</h1>
<p class="meta">Period ${esc(report.period.from)} to ${esc(report.period.to)} (excluded; ${report.period.days} days) · ledger <code>${esc(report.ledger.name)}</code>, ${report.ledger.events} events in the period · control map <code>${esc(report.controlMap.file)}</code> version <code>${esc(report.controlMap.version)}</code> · generated ${esc(report.generatedAt)}</p>
${banner}
<h2>Controls</h2>${summary}
${report.controls.map(control).join('\n')}
${acceptanceSection}
${versions}
<section id="gaps"><h2>Every gap</h2>${gapList(report.gaps)}</section>
<p class="meta">Produced by <code>ai-handoff evidence</code> from the tamper-evident audit ledger (docs/audit.md, docs/evidence.md). No ticket text is included: hand-offs by id, tickets by number.</p>
</body></html>
`;
}
