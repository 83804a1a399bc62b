/**
 * Who made a request or review row, from the platform, never from anything
 * the person submitted (docs/contract.md, "Identity"): the row's
 * `sys_created_by` (a user_name the platform stamps), which the app's rule's
 * `requested_by` / `reviewed_by` must name too (else a forgery), then the
 * user's active flag and roles (sys_user, sys_user_has_role, cached for
 * worker.userCacheMs). The integration user is never a requester or reviewer.
 */
import type { RowKind } from '../connector/connector.js';
import type { Actor } from '../domain/handoff.js';
import type { ErrorCode } from '../errors.js';
import type { FlowDeps } from './flow-deps.js';
import type { Person } from './people.js';

export type RowActor =
  | { readonly ok: true; readonly actor: Actor; readonly person: Person }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string; readonly remedy: string };

/** Whether the person holds the role (admin holds every role, as on the platform). */
export function holds(person: Person, role: string): boolean {
  return person.roles.has(role) || person.roles.has('admin');
}

/**
 * The row's creator as a checked actor. `roleProblem` says what is missing
 * for this step (null when the person may take it).
 */
export async function rowActor(deps: FlowDeps, kind: RowKind, createdBy: string, stamped: string, roleProblem: (person: Person) => string | null): Promise<RowActor> {
  const what = kind === 'request' ? 'request' : 'review';
  if (createdBy === deps.settings.integrationUser) {
    return { ok: false, code: kind === 'request' ? 'REQUEST_INVALID' : 'REVIEW_INVALID', message: `The ${what} was not taken: it was created by the integration user, not by a person.`, remedy: 'Use the buttons on the ticket.' };
  }
  const person = await deps.people.byUserName(createdBy);
  if (!person) {
    return { ok: false, code: 'REQUESTER_UNKNOWN', message: `The ${what} was not taken: its creator '${createdBy}' is not a user on the instance.`, remedy: 'Ask an admin to check the user, then ask again.' };
  }
  if (stamped !== person.sysId) {
    const column = kind === 'request' ? 'requested_by' : 'reviewed_by';
    return { ok: false, code: 'IDENTITY_MISMATCH', message: `The ${what} was not taken: its ${column} does not name ${person.userName}, who created it.`, remedy: "Use the buttons on the ticket; ask an admin to check the app's rule on its table if this recurs." };
  }
  if (!person.active) {
    return { ok: false, code: 'ROLE_MISSING', message: `The ${what} was not taken: ${person.userName} is not an active user.`, remedy: 'Ask an active colleague, or an admin to reactivate the account.' };
  }
  const missing = roleProblem(person);
  if (missing !== null) return { ok: false, code: 'ROLE_MISSING', message: `The ${what} was not taken: ${missing}`, remedy: 'Ask your ServiceNow administrator for the role if you should do this.' };
  return { ok: true, actor: { userName: person.userName, sysId: person.sysId, name: person.name }, person };
}
