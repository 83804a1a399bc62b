/**
 * Counts the worker's ServiceNow calls by kind, so the benchmark can say how
 * many calls one hand-off costs (the figure that decides its CPU). A
 * decorator over the connector: every method is the real one.
 */
import type { ServiceNowConnector } from '../connectors/servicenow/servicenow-connector.js';

/** Every connector method that calls the instance on a hand-off's or a review's behalf (pickup's class-lowering check reads sys_audit: fieldChanges). */
const COUNTED = ['get', 'list', 'getRecord', 'writeTicket', 'finishRow', 'pendingRows', 'workNotes', 'fieldChanges', 'user', 'userRoles', 'groupMembers', 'groupByName'] as const;
/** The kinds that read a hand-off's sources (its scope decides them): issue 13 counts calls besides these. */
export const SOURCE_KINDS: readonly string[] = ['list', 'getRecord', 'workNotes'];
type Counted = (typeof COUNTED)[number];

export interface CallCounts {
  readonly connector: ServiceNowConnector;
  /** Calls per kind since the last reset (pulls are counted by the sync's own stats). */
  snapshot(): Record<Counted, number>;
  reset(): void;
}

export function countCalls(connector: ServiceNowConnector): CallCounts {
  const counts = Object.fromEntries(COUNTED.map((k) => [k, 0])) as Record<Counted, number>;
  const counted = Object.create(connector) as Record<string, unknown>;
  for (const kind of COUNTED) {
    const real = (connector[kind] as (...args: unknown[]) => Promise<unknown>).bind(connector);
    counted[kind] = (...args: unknown[]) => {
      counts[kind]++;
      return real(...args);
    };
  }
  return {
    connector: counted as unknown as ServiceNowConnector,
    snapshot: () => ({ ...counts }),
    reset() {
      for (const kind of COUNTED) counts[kind] = 0;
    },
  };
}
