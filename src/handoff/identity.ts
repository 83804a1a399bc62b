/**
 * Who set the request or review field, from the platform's own record, never
 * from anything the user typed (../shared/DESIGN.md, field contract):
 * - `audit`: the newest sys_audit change of the field whose new value is the
 *   value now in the field;
 * - `stamp`: the user the app's server-side business rule stamped when the
 *   field changed (for instances where sys_audit is not readable).
 */
import type { Connector, RawRecord } from '../connector/connector.js';
import type { Actor } from '../domain/handoff.js';
import type { TableMapping } from '../mapping/mapping-schema.js';

export type ActionField = 'request' | 'review';

export interface Setter {
  readonly actor: Actor;
  /**
   * Which change set the value (the audit row's record checkpoint and time),
   * so a redelivered pickup of the same change is told apart from the same
   * value set again later; null where the platform gives no such key (stamp).
   */
  readonly changeKey: string | null;
}

export async function whoSet(connector: Connector, mapping: TableMapping, record: RawRecord, which: ActionField): Promise<Actor | null> {
  return (await setterOf(connector, mapping, record, which))?.actor ?? null;
}

export async function setterOf(connector: Connector, mapping: TableMapping, record: RawRecord, which: ActionField): Promise<Setter | null> {
  const field = mapping.ai[which];
  const value = record[field] ?? '';
  const sysId = record.sys_id ?? '';
  if (value === '' || sysId === '') return null;

  if (mapping.identity === 'stamp') {
    const stampField = which === 'request' ? mapping.ai.requestedBy : mapping.ai.reviewedBy;
    const stamped = stampField === undefined ? '' : (record[stampField] ?? '');
    if (stamped === '') return null;
    const user = await connector.user({ sysId: stamped });
    return user ? { actor: { userName: user.userName, sysId: user.sysId, name: user.name }, changeKey: null } : null;
  }

  const changes = await connector.fieldChanges(mapping, sysId, field);
  const change = changes.find((c) => c.newValue === value);
  if (!change) return null;
  const user = await connector.user({ userName: change.user });
  const actor: Actor = user ? { userName: user.userName, sysId: user.sysId, name: user.name } : { userName: change.user };
  return { actor, changeKey: `${change.checkpoint ?? ''}@${change.createdOn}` };
}
