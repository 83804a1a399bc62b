/**
 * How `policy what-if` prints for a person: what is compared, the split
 * before and after, every ticket that changes with the rule that made the
 * difference, and changes in who approves.
 */
import type { Party } from '../domain/ticket.js';
import type { WhatIfResult } from './what-if.js';
import type { OperationChange, Split } from './what-if-schema.js';

export interface WhatIfHeading {
  /** The instance's URL. */
  readonly instance: string;
  /** What runs now and what is proposed, each a few phrases. */
  readonly running: readonly string[];
  readonly candidate: readonly string[];
}

const ROWS: readonly [string, keyof Split][] = [
  ['eligible', 'eligible'],
  ['approval-bound', 'approvalBound'],
  ['blocked', 'blocked'],
];

const n = (x: number): string => x.toLocaleString('en-US');
const signed = (x: number): string => (x > 0 ? `+${n(x)}` : x < 0 ? `-${n(-x)}` : '0');
const party = (p: Party | null): string => (p === null ? 'none resolved' : (p.name ?? `${p.kind} ${p.id}`));

export function formatWhatIf(r: WhatIfResult, heading: WhatIfHeading, warnings: readonly string[] = []): string {
  const { before, after, changed } = r.json;
  const total = (s: Split): number => s.eligible + s.approvalBound + s.blocked;
  const lines = [
    `What-if over the active tickets of ${heading.instance} (read-only)`,
    `  running:    ${heading.running.join(' · ')}`,
    `  candidate:  ${heading.candidate.join(' · ')}`,
    `  tickets:    ${r.tables.map((t) => (t.before === t.after ? `${t.table} ${n(t.before)}` : `${t.table} ${n(t.before)} → ${n(t.after)}`)).join(', ')}`,
    ...warnings.map((w) => `  warning:    ${w}`),
    '',
    `  ${''.padEnd(16)}${'running'.padStart(9)}${'candidate'.padStart(11)}${'change'.padStart(9)}`,
    ...ROWS.map(([label, key]) => `  ${label.padEnd(16)}${n(before[key]).padStart(9)}${n(after[key]).padStart(11)}${signed(after[key] - before[key]).padStart(9)}`),
    `  ${'active'.padEnd(16)}${n(total(before)).padStart(9)}${n(total(after)).padStart(11)}${signed(total(after) - total(before)).padStart(9)}`,
  ];
  if (r.unmappable.before + r.unmappable.after > 0) {
    lines.push('', `Records a mapping cannot read (counted blocked): running ${n(r.unmappable.before)}, candidate ${n(r.unmappable.after)}; first: ${r.unmappable.example ?? ''}`);
  }
  lines.push('');
  if (changed.length === 0) lines.push('No ticket changes classification or allowed operations.');
  else {
    lines.push(`${n(changed.length)} ticket${changed.length === 1 ? '' : 's'} change (classification or an operation's outcome). By operation and rule:`);
    for (const [key, count] of byRule(r)) lines.push(`  ${n(count).padStart(7)}  ${key}`);
    lines.push('', 'Every ticket that changes:');
    for (const c of changed) {
      lines.push(`  ${c.number.padEnd(12)} ${c.table.padEnd(16)} ${c.from === c.to ? `${c.from} (unchanged)` : `${c.from} → ${c.to}`}`);
      for (const op of c.operations) lines.push(`      ${operationLine(op)}`);
    }
  }
  lines.push('');
  if (r.approvers.length === 0) lines.push('Who approves: no change.');
  else {
    lines.push(`Who approves changes for ${n(r.approvers.length)} operation${r.approvers.length === 1 ? '' : 's'}:`);
    for (const a of r.approvers) lines.push(`  ${a.number.padEnd(12)} ${a.table.padEnd(16)} ${a.operation} (${a.role ?? 'no approval'}): ${party(a.from)} → ${party(a.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** How many tickets each (operation, from → to, rule) moves, most first: the change on one screen. */
function byRule(r: WhatIfResult): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of r.json.changed) {
    for (const op of c.operations) {
      const key = operationLine(op);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function operationLine(op: OperationChange): string {
  return `${op.id.padEnd(28)} ${`${op.from} → ${op.to}`.padEnd(34)} ${op.rule}`;
}
