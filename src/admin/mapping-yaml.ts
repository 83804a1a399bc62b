/**
 * Writes a mapping draft as the YAML file an admin reviews: the layout of the
 * shipped mappings (mappings/servicenow/*.yaml), a comment on every guess
 * (`confirm:`) and every gap (`NOT FOUND`: the value is left null, so the
 * file does not load until a person fills it in).
 */
import type { MappingDraft, Noted } from './mapping-draft.js';

export interface YamlHeader {
  /** The command line that wrote it, e.g. `ai-handoff mappings init --table incident --type incident`. */
  readonly command: string;
  /** The instance it was read from. */
  readonly instance: string;
  /** Where the file is written, for the next commands it suggests; null when printed. */
  readonly file: string | null;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

/** A YAML scalar: plain when it is a safe word, else a JSON (double-quoted YAML) string. */
export function scalar(value: string): string {
  return PLAIN.test(value) && !RESERVED.has(value.toLowerCase()) ? value : JSON.stringify(value);
}

const comment = (note: string | null, indent = ''): string[] => (note === null ? [] : wrap(note).map((line) => `${indent}# ${line}`));

/** Long notes over several comment lines of about 100 characters. */
function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const flowMap = (entries: readonly (readonly [string, string | number])[]): string => `{ ${entries.map(([k, v]) => `${scalar(k)}: ${typeof v === 'number' ? String(v) : scalar(v)}`).join(', ')} }`;

function noted(key: string, entry: Noted<string | null>, indent: string): string[] {
  if (entry.value === null && entry.note?.startsWith('left out') === true) return comment(`${key}: ${entry.note}`, indent);
  return [...comment(entry.note, indent), `${indent}${key}: ${entry.value === null ? 'null' : scalar(entry.value)}`];
}

export function mappingYaml(d: MappingDraft, header: YamlHeader): string {
  const out: string[] = [
    `# ServiceNow ${d.table} -> canonical ticket (type: ${d.ticketType}).`,
    `# Written by \`${header.command}\` from ${header.instance}`,
    `# (sys_db_object: ${d.lineage.join(' extends ')}; sys_dictionary; sys_choice).`,
    '# Every comment with "confirm:" is a guess a person must check; every "NOT FOUND" value is null',
    '# and the file does not load until it is filled in. Then:',
    `#   ai-handoff mappings preview --table ${d.table}${header.file === null ? ' --file <this file>' : ` --file ${header.file}`}`,
    `#   ai-handoff mappings check --table ${d.table}   (once the file is in the mappings folder)`,
    `table: ${scalar(d.table)}`,
    `ticketType: ${d.ticketType}`,
    '',
    '# Active work: the only records the worker pulls and keeps a panel for.',
    ...comment(d.active.note),
    d.active.value ? 'active:\n  - { field: active, op: "=", value: "true" }' : 'active: null',
    '',
    'fields:',
    ...d.fields.flatMap(([key, entry]) => noted(key, entry, '  ')),
    '',
  ];

  const sev = d.severity.value;
  out.push(...comment(d.severity.note));
  if (sev === null) out.push('severity: null');
  else if (sev.from === 'priority') out.push('severity:', '  from: priority', `  field: ${scalar(sev.field)}`, `  map: ${flowMap(Object.entries(sev.map))}`);
  else out.push('severity:', '  from: impact_urgency', `  impact: ${scalar(sev.impact)}`, `  urgency: ${scalar(sev.urgency)}`, `  map: ${flowMap(Object.entries(sev.map))}`);
  out.push('');

  const dc = d.dataClass;
  out.push('dataClass:');
  out.push(...noted('field', dc.field, '  '));
  out.push(...comment(dc.map.note, '  '), `  map: ${Object.keys(dc.map.value).length === 0 ? '{}' : flowMap(Object.entries(dc.map.value))}`);
  out.push(...comment(dc.default.note, '  '), `  default: ${dc.default.value}`, '');

  out.push('# Who approves the operations that need approval on this ticket type.');
  if (d.approverCandidates.length > 0) out.push(...comment(`Candidate approver fields on ${d.table} (references to users or groups): ${d.approverCandidates.join(', ')}`));
  if (d.approvers.length === 0) out.push('approvers: {}');
  else {
    out.push('approvers:');
    for (const [role, entry] of d.approvers) {
      out.push(...comment(entry.note, '  '));
      if (entry.value.length === 0) out.push(`  ${role}: null`);
      else out.push(`  ${role}:`, ...entry.value.map((s) => `    - ${flowMap([['user', s.user], ...(s.name === null ? [] : [['name', s.name] as const])])}`));
    }
  }
  out.push('');

  out.push("# The AI fields the ServiceNow app installs on this table (docs/contract.md, \"Ticket fields\").", ...comment(d.ai.note));
  out.push('ai:', `  panel: ${scalar(d.ai.panel)}`, `  status: ${scalar(d.ai.status)}`, `  workNotes: ${scalar(d.ai.workNotes)}`);
  return `${out.join('\n')}\n`;
}
