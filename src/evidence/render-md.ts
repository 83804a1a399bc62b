/**
 * The evidence report as Markdown: the same content as the HTML, as tables
 * (for a pull request, a wiki page or a ticket). Values from the instance or
 * the ledger are escaped for table cells.
 */
import { lastDayOf, type AcceptanceRow, type ControlReport, type EvidenceReport, type Figure, type Gap } from './report-schema.js';

const STATUS_WORDS: Record<ControlReport['status'], string> = { operated: 'operated', failed: 'DID NOT OPERATE', no_data: 'no data' };

/** A cell's text: no pipe, no line break, no markup. */
const cell = (text: string): string => text.replace(/[\r\n]+/g, ' ').replace(/([\\|`*_[\]<>])/g, '\\$1');
const pct = (n: number | null): string => (n === null ? '–' : `${Math.round(n * 100)}%`);

function value(f: Figure): string {
  if (f.value === null) return 'no data';
  if (f.unit === 'share' && typeof f.value === 'number') return `${Math.round(f.value * 1000) / 10}%`;
  if (f.unit === 'flag') return f.value === true ? 'yes' : 'no';
  if (f.unit === 'minutes') return `${String(f.value)} min`;
  return cell(String(f.value));
}

const gaps = (list: readonly Gap[]): string[] => (list.length === 0 ? ['No gap.'] : list.map((g) => `- \`${g.kind}\` ${cell(g.message)}`));

function control(c: ControlReport): string[] {
  return [
    `## ${cell(c.title)}: ${STATUS_WORDS[c.status]}`,
    '',
    cell(c.summary),
    '',
    `Evidence for: ${c.clauses.map((cl) => `${cell(cl.frameworkTitle)} ${cell(cl.ref)} (${cell(cl.title)})`).join('; ') || 'no clause mapped'}.`,
    '',
    '| figure | value |',
    '| --- | --- |',
    ...c.figures.map((f) => `| ${cell(f.label)} | ${value(f)} |`),
    '',
    ...c.breakdowns.flatMap((b) => {
      const entries = Object.entries(b.counts).sort(([, x], [, y]) => y - x);
      return [`${cell(b.label)}: ${entries.length === 0 ? 'none' : entries.map(([k, n]) => `${cell(k)} ${n}`).join(', ')}.`, ''];
    }),
    ...(c.examples.length === 0 ? [] : ['Examples:', ...c.examples.map((e) => `- ${e.handoff ? `\`${e.handoff}\`` : ''}${e.ticket ? ` on ${cell(e.ticket)}` : ''}: ${cell(e.what)}`), '']),
    'Gaps:',
    ...gaps(c.gaps),
    '',
  ];
}

function rows(list: readonly AcceptanceRow[], what: string): string[] {
  return [
    `| ${what} | requested | accepted | rejected | escalated | expired | failed | waiting | review time (median / p90) |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...list.map((r) => `| ${cell(r.key)} | ${r.handoffs} | ${r.outcomes.accepted} (${pct(r.shares.accepted)}) | ${r.outcomes.rejected} (${pct(r.shares.rejected)}) | ${r.outcomes.escalated} (${pct(r.shares.escalated)}) | ${r.outcomes.expired} (${pct(r.shares.expired)}) | ${r.failed} | ${r.pending} | ${r.reviewMinutes.median === null ? '–' : `${r.reviewMinutes.median} / ${r.reviewMinutes.p90} min`} |`),
  ];
}

export function renderEvidenceMarkdown(report: EvidenceReport): string {
  const chain = report.ledger.chain;
  const a = report.acceptance;
  return [
    `# AI hand-off governance evidence, ${report.period.from.slice(0, 10)} to ${lastDayOf(report.period)}`,
    '',
    `Period ${report.period.from} to ${report.period.to} (excluded; ${report.period.days} days); ledger \`${cell(report.ledger.name)}\`, ${report.ledger.events} events in the period; control map \`${cell(report.controlMap.file)}\` version \`${cell(report.controlMap.version)}\`; generated ${report.generatedAt}.`,
    '',
    chain.ok && chain.anchored
      ? `Audit chain verified over all ${report.ledger.retrievable} retrievable events and anchored by ${chain.checkpoints} checkpoints outside Redis.`
      : `**Audit chain ${chain.ok ? 'not anchored by any checkpoint' : `does not verify: ${cell(chain.problem?.kind ?? '')}: ${cell(chain.problem?.message ?? '')}`}.** The figures below come from a ledger that is not proven.`,
    '',
    '| control | status | what the evidence shows | gaps |',
    '| --- | --- | --- | --- |',
    ...report.controls.map((c) => `| ${cell(c.title)} | ${STATUS_WORDS[c.status]} | ${cell(c.summary)} | ${c.gaps.length} |`),
    '',
    ...report.controls.flatMap(control),
    '## Acceptance per operation and group',
    '',
    `Hand-offs requested in the period, by where they ended (by ${a.bucket}: see the JSON or HTML report for the series).`,
    '',
    ...rows([...a.byOperation, a.overall], 'operation'),
    '',
    ...rows(a.byGroup, 'group'),
    '',
    '## Policy versions and reloads',
    '',
    ...(report.policyVersions.length === 0 ? ['No event in the period names a policy version.'] : ['| version | first seen | last seen | events in the period | in force at the start |', '| --- | --- | --- | --- | --- |', ...report.policyVersions.map((v) => `| \`${cell(v.version)}\` | ${v.firstSeen} | ${v.lastSeen} | ${v.events} | ${v.inForceAtStart ? 'yes' : 'no'} |`)]),
    '',
    report.reloads.length === 0 ? 'No reload recorded in the period.' : report.reloads.map((r) => `- ${r.at}: reload (event ${r.seq})`).join('\n'),
    '',
    '## Every gap',
    '',
    ...gaps(report.gaps),
    '',
  ].join('\n');
}
