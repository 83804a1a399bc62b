/**
 * Refusing a request or review row (docs/contract.md, "Intake"): the row
 * gets `state=refused` with a message and a remedy, the panel's notice shows
 * them (where the person looks), and an audit event records them; the row and
 * the panel in one call to the app's API. A row whose ticket that API cannot
 * write (not a table the worker serves, or gone) is finished alone through
 * the Table API.
 */
import type { RawRecord, RowKind } from '../connector/connector.js';
import { clipMessage } from '../domain/app-rows.js';
import type { Handoff } from '../domain/handoff.js';
import { isHandoffError } from '../errors.js';
import type { MappingSet } from '../mapping/load-mappings.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { digestOf } from '../util/canonical-json.js';
import type { FlowDeps } from './flow-deps.js';

export interface RowRefusal {
  readonly kind: RowKind;
  /** The row's sys_id. */
  readonly row: string;
  readonly code: string;
  readonly message: string;
  readonly remedy: string;
  /** Who created the row, when the platform said (user_name). */
  readonly actor: string | null;
  /** The hand-off a review named, when it exists. */
  readonly handoff: Handoff | null;
  /** The ticket the row names, when it is one the worker serves; `record` when it was read already. */
  readonly ticket: { readonly mapping: TableMapping; readonly sysId: string; readonly number: string; readonly record?: RawRecord | null } | null;
  /** The row as read, digested into the audit event (never stored as is: a note may hold anything). */
  readonly input: Readonly<Record<string, string>>;
  /** Secret-free facts for the audit event: the operation and the policy rules that decided (the evidence report counts kill switches by them). */
  readonly details?: { readonly operation?: string; readonly rules?: readonly string[] };
}

export async function refuseRow(deps: FlowDeps, refusal: RowRefusal): Promise<void> {
  const message = clipMessage(refusal.message);
  const remedy = clipMessage(refusal.remedy || 'See the AI panel.');
  const { kind, ticket } = refusal;
  if (ticket) await deps.notices.set(ticket.mapping.table, ticket.sysId, { kind: 'refused', message, remedy, at: deps.now().toISOString() });
  await deps.ledger.append({
    type: kind === 'request' ? 'refused' : 'review_refused',
    handoff: refusal.handoff?.id ?? null,
    ticket: ticket ? { table: ticket.mapping.table, sysId: ticket.sysId, number: ticket.number || ticket.sysId } : null,
    actors: refusal.actor ? [{ role: kind === 'request' ? 'requester' : 'reviewer', userName: refusal.actor }] : [],
    policyVersion: refusal.handoff?.policyVersion ?? deps.policy.version,
    inputDigest: digestOf({ [kind]: refusal.input }),
    outputDigest: null,
    details: { code: refusal.code, reason: message, row: refusal.row, ...refusal.details },
  });
  const update = { sysId: refusal.row, state: 'refused' as const, message, remedy };
  const finishAlone = (): Promise<void> => deps.connector.finishRow(kind, update);
  if (!ticket) await finishAlone();
  else {
    try {
      const record = ticket.record === undefined ? await deps.connector.get(ticket.mapping, ticket.sysId) : ticket.record;
      if (record === null) await finishAlone();
      else await deps.panels.refresh(ticket.mapping, record, kind === 'request' ? { request: update } : { review: update });
    } catch (error) {
      // The ticket cannot be read or written now (gone, or the instance failing on it): the row still ends, alone;
      // the panel with the notice is owed, and the maintenance sweep writes it once the ticket can be written.
      deps.log.warn(`${kind} refused without its panel: the ticket could not be written`, { row: refusal.row, error: isHandoffError(error) ? error.code : 'error' });
      await finishAlone();
      await deps.redis.sadd(owedKey(deps), `${ticket.mapping.table}:${ticket.sysId}`);
    }
  }
  deps.log.info(`${kind} refused`, { table: ticket?.mapping.table, sysId: ticket?.sysId, row: refusal.row, code: refusal.code });
}

const owedKey = (deps: Pick<FlowDeps, 'prefix'>): string => `${deps.prefix}:panels-owed`;

/**
 * The maintenance sweep's part: writes the panels a refusal could not (its
 * notice), once their ticket can be written again; a ticket still failing
 * stays owed. Answers how many were written.
 */
export async function writeOwedPanels(deps: FlowDeps, mappings: MappingSet): Promise<number> {
  let written = 0;
  for (const member of await deps.redis.smembers(owedKey(deps))) {
    const [table = '', sysId = ''] = member.split(':');
    const mapping = mappings.byTable.get(table);
    try {
      if (mapping) await deps.panels.refreshById(mapping, sysId);
      await deps.redis.srem(owedKey(deps), member);
      written++;
    } catch (error) {
      // Gone for good: nothing to show it on. Anything else: the next sweep tries again.
      if (isHandoffError(error, 'SN_NOT_FOUND')) await deps.redis.srem(owedKey(deps), member);
      else deps.log.warn('an owed panel is still not written', { table, error: isHandoffError(error) ? error.code : 'error' });
    }
  }
  return written;
}
