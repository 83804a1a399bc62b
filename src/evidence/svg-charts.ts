/**
 * Inline SVG charts for the HTML evidence report: no script, no font or
 * image to fetch, so the report renders offline and prints. Every label is
 * escaped (operation and group names come from the instance), every bar
 * carries its numbers as text and as a <title>, and the colours are paired
 * with labels so a greyscale print still reads.
 */
import type { AcceptanceRow, Outcomes } from './report-schema.js';

export const OUTCOME_COLOURS: Readonly<Record<keyof Outcomes, string>> = { accepted: '#2e7d32', rejected: '#c62828', escalated: '#ef8f00', expired: '#757575' };
const ORDER: readonly (keyof Outcomes)[] = ['accepted', 'rejected', 'escalated', 'expired'];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const pct = (n: number | null): string => (n === null ? '–' : `${Math.round(n * 100)}%`);

function legend(y: number): string {
  return ORDER.map((k, i) => `<g transform="translate(${i * 120},${y})"><rect width="12" height="12" fill="${OUTCOME_COLOURS[k]}"/><text x="17" y="11" class="t">${k}</text></g>`).join('');
}

/** One 100% bar per row: the shares of accepted, rejected, escalated and expired. */
export function shareBars(rows: readonly AcceptanceRow[], caption: string): string {
  const labelW = 220;
  const barW = 420;
  const rowH = 24;
  const h = 30 + rows.length * rowH + 28;
  const bars = rows
    .map((r, i) => {
      const y = 24 + i * rowH;
      const decided = ORDER.reduce((n, k) => n + r.outcomes[k], 0);
      let x = labelW;
      const parts = ORDER.map((k) => {
        const w = decided === 0 ? 0 : (r.outcomes[k] / decided) * barW;
        const part = w <= 0 ? '' : `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="16" fill="${OUTCOME_COLOURS[k]}"><title>${escapeXml(`${r.key}: ${k} ${r.outcomes[k]} of ${decided} (${pct(r.shares[k])})`)}</title></rect>`;
        x += w;
        return part;
      }).join('');
      const empty = decided === 0 ? `<rect x="${labelW}" y="${y}" width="${barW}" height="16" fill="none" stroke="#bbb" stroke-dasharray="4 3"/><text x="${labelW + 8}" y="${y + 12}" class="t muted">no decision yet</text>` : '';
      return `<text x="${labelW - 8}" y="${y + 12}" text-anchor="end" class="t">${escapeXml(clip(r.key, 34))}</text>${parts}${empty}<text x="${labelW + barW + 8}" y="${y + 12}" class="t">${escapeXml(`${pct(r.shares.accepted)} accepted, n=${decided}`)}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${escapeXml(caption)}" viewBox="0 0 ${labelW + barW + 160} ${h}" width="100%"><text x="0" y="14" class="h">${escapeXml(caption)}</text>${bars}<g transform="translate(${labelW},${h - 16})">${legend(0)}</g></svg>`;
}

/** Stacked columns, one per bucket of the period: the outcomes of the hand-offs requested in it. */
export function seriesColumns(row: AcceptanceRow, bucket: 'day' | 'week', caption: string): string {
  const n = Math.max(1, row.series.length);
  const chartW = 640;
  const chartH = 160;
  const left = 36;
  const colW = chartW / n;
  const max = Math.max(1, ...row.series.map((s) => ORDER.reduce((a, k) => a + s.outcomes[k], 0)));
  const cols = row.series
    .map((s, i) => {
      let y = 24 + chartH;
      const x = left + i * colW + colW * 0.15;
      const w = Math.max(1, colW * 0.7);
      const stack = ORDER.map((k) => {
        const hgt = (s.outcomes[k] / max) * chartH;
        if (hgt <= 0) return '';
        y -= hgt;
        return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${hgt.toFixed(1)}" fill="${OUTCOME_COLOURS[k]}"><title>${escapeXml(`${bucket} of ${s.start.slice(0, 10)}: ${k} ${s.outcomes[k]}`)}</title></rect>`;
      }).join('');
      const every = Math.ceil(n / 8);
      const label = i % every === 0 ? `<text x="${(x + w / 2).toFixed(1)}" y="${24 + chartH + 14}" text-anchor="middle" class="t small">${escapeXml(s.start.slice(5, 10))}</text>` : '';
      return stack + label;
    })
    .join('');
  const axis = `<line x1="${left}" y1="${24 + chartH}" x2="${left + chartW}" y2="${24 + chartH}" stroke="#999"/><text x="${left - 6}" y="32" text-anchor="end" class="t small">${max}</text><text x="${left - 6}" y="${24 + chartH}" text-anchor="end" class="t small">0</text>`;
  return `<svg class="chart" role="img" aria-label="${escapeXml(caption)}" viewBox="0 0 ${left + chartW + 20} ${chartH + 70}" width="100%"><text x="0" y="14" class="h">${escapeXml(caption)}</text>${axis}${cols}<g transform="translate(${left},${chartH + 52})">${legend(0)}</g></svg>`;
}

/** Median time to the first decision per row, with the 90th percentile as a tick. */
export function reviewTimeBars(rows: readonly AcceptanceRow[], caption: string): string {
  const labelW = 220;
  const barW = 380;
  const rowH = 22;
  const max = Math.max(1, ...rows.map((r) => r.reviewMinutes.p90 ?? r.reviewMinutes.median ?? 0));
  const bars = rows
    .map((r, i) => {
      const y = 24 + i * rowH;
      const m = r.reviewMinutes.median;
      const p90 = r.reviewMinutes.p90;
      const bar = m === null ? `<text x="${labelW + 8}" y="${y + 12}" class="t muted">no decision yet</text>` : `<rect x="${labelW}" y="${y + 2}" width="${Math.max(1, (m / max) * barW).toFixed(1)}" height="12" fill="#1565c0"><title>${escapeXml(`${r.key}: median ${m} min, 90th percentile ${p90 ?? '–'} min`)}</title></rect>`;
      const tick = p90 === null ? '' : `<line x1="${(labelW + (p90 / max) * barW).toFixed(1)}" y1="${y}" x2="${(labelW + (p90 / max) * barW).toFixed(1)}" y2="${y + 16}" stroke="#0d47a1" stroke-width="2"/>`;
      const text = m === null ? '' : `<text x="${labelW + barW + 8}" y="${y + 12}" class="t">${escapeXml(`${m} min (p90 ${p90 ?? '–'})`)}</text>`;
      return `<text x="${labelW - 8}" y="${y + 12}" text-anchor="end" class="t">${escapeXml(clip(r.key, 34))}</text>${bar}${tick}${text}`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${escapeXml(caption)}" viewBox="0 0 ${labelW + barW + 170} ${30 + rows.length * rowH}" width="100%"><text x="0" y="14" class="h">${escapeXml(caption)}</text>${bars}</svg>`;
}
