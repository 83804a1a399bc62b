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
 * The fields read for a related ticket (connector.list): the mapping's fields
 * without the AI's panel and status, which no reader of another ticket uses.
 * A panel is a few KB of JSON, sent twice with labels; issue 13's profile
 * found the two related-ticket lists of a hand-off spending most of their
 * bytes, and of the worker's and the instance's CPU for them, on panels.
 */
export function relatedFields(mapping: TableMapping): string[] {
  const ai = new Set([mapping.ai.panel, mapping.ai.status]);
  return readFields(mapping).filter((f) => !ai.has(f));
}

/** Fields a query may name: the table's own fields the mapping reads (not dot-walked). */
export function queryableFields(mapping: TableMapping): Set<string> {
  return new Set(readFields(mapping).filter((f) => !f.includes('.')));
}
