/**
 * How `mappings preview` prints for a person: one line per ticket (how it
 * maps, its classification, its approver or why none), its mapping issues
 * beneath it, then the split and the most frequent reasons for blocking.
 */
import type { Party, Ref } from '../domain/ticket.js';
import type { PreviewApprover, PreviewJson } from './preview-schema.js';

const REASONS_SHOWN = 8;

const refText = (r: Ref | null): string => (r === null ? '-' : (r.name ?? r.id));
const partyText = (p: Party | null): string => (p === null ? '-' : (p.name ?? `${p.kind} ${p.id}`));
const pct = (x: number): string => `${Math.round(x * 100)}%`;

function approverText(a: PreviewApprover): string {
  return `${a.role}: ${a.approver === null ? `none (${a.why ?? 'not resolved'})` : partyText(a.approver)}`;
}

const COLUMNS: readonly [string, number][] = [
  ['NUMBER', 12],
  ['TYPE', 11],
  ['SEV', 4],
  ['DATA CLASS', 13],
  ['GROUP', 22],
  ['ASSIGNEE', 18],
  ['CLASSIFICATION', 16],
];

const row = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(COLUMNS[i]?.[1] ?? 0)).join(' ').trimEnd();

export function formatPreview(p: PreviewJson, config: string): string {
  const s = p.summary;
  const lines = [
    `Preview of the ${s.tickets} newest active ${p.table} ticket${s.tickets === 1 ? '' : 's'} through ${p.mapping} (read-only)`,
    `  policy ${p.policyVersion} · config ${config}`,
    '',
    row([...COLUMNS.map(([name]) => name), 'APPROVER']),
  ];
  for (const t of p.tickets) {
    if (t.unmappable !== null) {
      lines.push(row([t.number, '-', '-', '-', '-', '-', t.classification, '-']), `    cannot be mapped: ${t.unmappable}`);
      continue;
    }
    const approvers = t.approvers.length === 0 ? 'none needed' : t.approvers.map(approverText).join('; ');
    lines.push(row([t.number, t.type ?? '-', t.severity === null ? '?' : String(t.severity), t.dataClass ?? '?', refText(t.group), refText(t.assignee), t.classification, approvers]));
    for (const issue of t.issues) lines.push(`    mapping issue: ${issue.field}: ${issue.message}`);
  }
  lines.push('', `Summary of ${s.tickets} tickets: eligible ${pct(s.shares.eligible)} (${s.eligible}) · approval-bound ${pct(s.shares.approvalBound)} (${s.approvalBound}) · blocked ${pct(s.shares.blocked)} (${s.blocked})`);
  if (s.blockingReasons.length > 0) {
    lines.push('Most frequent reasons for blocking (tickets on which the rule blocks some operation):');
    for (const r of s.blockingReasons.slice(0, REASONS_SHOWN)) lines.push(`  ${String(r.tickets).padStart(5)}  ${r.rule.padEnd(36)} ${r.message}`);
  }
  if (s.mappingIssues.length > 0) {
    lines.push('Mapping issues (tickets with one; a value the mapping cannot read blocks the ticket):');
    for (const r of s.mappingIssues) lines.push(`  ${String(r.tickets).padStart(5)}  ${r.field.padEnd(36)} ${r.message}`);
  }
  return `${lines.join('\n')}\n`;
}
