/**
 * The fields a mapping reads from the ITSM: what the connector asks for in
 * `sysparm_fields` (dot-walked where the mapping needs them) and what
 * `mappings check` verifies against the instance.
 */
import type { TableMapping } from './mapping-schema.js';

/**
 * Every field the mapping reads, sorted, without duplicates. Always includes
 * sys_id, sys_updated_on (the keyset) and sys_mod_count (it rises on every
 * update, so two changes within one second of sys_updated_on still differ).
 */
export function readFields(mapping: TableMapping): string[] {
  const names = new Set<string>(['sys_id', 'sys_updated_on', 'sys_mod_count']);
  for (const value of Object.values(mapping.fields)) if (value !== undefined) names.add(value);
  const sev = mapping.severity;
  if (sev.from === 'priority') names.add(sev.field);
  else {
    names.add(sev.impact);
    names.add(sev.urgency);
  }
  if (mapping.dataClass.field !== undefined) names.add(mapping.dataClass.field);
  if (mapping.aiTier !== undefined) names.add(mapping.aiTier.field);
  for (const sources of Object.values(mapping.approvers)) {
    for (const source of sources ?? []) {
      names.add('user' in source ? source.user : source.group);
      if (source.name !== undefined) names.add(source.name);
    }
  }
  const { ai } = mapping;
  for (const field of [ai.panel, ai.status]) names.add(field);
  for (const condition of mapping.active) names.add(condition.field);
  return [...names].sort();
}

/**
 * The mapped fields a related ticket shows the AI (src/handoff/gather.ts
 * labels each of these), besides its group, severity and class, which the
 * boundary and the note read.
 */
export const RELATED_SHOWN = ['number', 'title', 'description', 'state', 'groupName', 'assigneeName', 'configurationItemName', 'callerName', 'resolution', 'updatedAt'] as const satisfies readonly (keyof TableMapping['fields'])[];

/**
 * The fields read for a related ticket (connector.list): only what the
 * hand-off uses of a neighbour: the fields it shows (RELATED_SHOWN), its
 * severity, its owning group and its data class (the containment check),
 * and its keys. Not its panel and status (a few KB of JSON each, sent twice
 * with labels), nor the ids, approvers and tier only the ticket's own policy
 * reads: issue 13's profile found the two related-ticket lists of a hand-off
 * spending most of their bytes, and a twentieth of the worker's CPU, on
 * fields no one read.
 */
export function relatedFields(mapping: TableMapping): string[] {
  const names = new Set<string>(['sys_id', 'sys_updated_on', mapping.fields.group]);
  for (const key of RELATED_SHOWN) {
    const field = mapping.fields[key];
    if (field !== undefined) names.add(field);
  }
  names.add(mapping.severity.from === 'priority' ? mapping.severity.field : mapping.severity.impact);
  if (mapping.dataClass.field !== undefined) names.add(mapping.dataClass.field);
  return [...names].sort();
}

/** Every field the mapping reads but the AI panel and status (which no reader of a list of tickets uses). */
export function withoutAiFields(mapping: TableMapping): string[] {
  const ai = new Set([mapping.ai.panel, mapping.ai.status]);
  return readFields(mapping).filter((f) => !ai.has(f));
}

/** Fields a query may name: the table's own fields the mapping reads (not dot-walked). */
export function queryableFields(mapping: TableMapping): Set<string> {
  return new Set(readFields(mapping).filter((f) => !f.includes('.')));
}
