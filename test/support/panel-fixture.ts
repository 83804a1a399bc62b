/**
 * Schema 2 members of a panel for hand-written test panels: the read
 * boundary of an internal ticket with the built-in provider, and a read check
 * with no queries (a ticket with nothing beyond itself to check).
 */
import { readCheckOf } from '../../src/domain/read-check.js';
import type { ScopeBoundary } from '../../src/domain/scope.js';

export const TEST_BOUNDARY: ScopeBoundary = { classes: ['public', 'internal'], provider: 'builtin', otherGroups: false, requesterMustRead: true };

/** What an operation of a schema 2 panel carries besides the schema 1 members. */
export const OPERATION_BOUNDARY = { boundary: TEST_BOUNDARY, boundaryText: '' } as const;

/** What a schema 2 panel's ticket carries besides number, table, sysId and owner. */
export const TICKET_CLASS = { dataClass: 'internal', classLowered: null } as const;

export const NO_READ_CHECK = readCheckOf([]);
