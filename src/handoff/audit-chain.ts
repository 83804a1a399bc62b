/**
 * The chain's arithmetic, shared by the ledger that appends and the verifier
 * that checks: the genesis hash and an event's keyed hash.
 */
import { canonicalJson } from '../util/canonical-json.js';
import type { AuditEvent } from './audit-event.js';
import type { AuditKey } from './audit-keys.js';

/** What the first event chains to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The event's hash: HMAC of the previous hash and the event's canonical JSON without its hash. */
export function eventMac(key: AuditKey, prev: string, body: Omit<AuditEvent, 'hash'>): string {
  return key.mac(prev + canonicalJson(body));
}
