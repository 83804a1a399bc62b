/**
 * Audit events: every step of a hand-off, appended to the hash-chained ledger
 * (src/handoff/audit-ledger.ts).
 */
import { z } from 'zod';

export const AUDIT_EVENT_TYPES = [
  'requested',
  'refused',
  'queued',
  'executed',
  'guarded',
  'written',
  'shadowed',
  'reviewed',
  'review_refused',
  'expired',
  'failed',
  'class_lowered',
  /** The worker's configuration reloaded (src/queue/reloader.ts): no hand-off, the new policy version. */
  'reload',
] as const;
export const AuditEventType = z.enum(AUDIT_EVENT_TYPES);
export type AuditEventType = z.infer<typeof AuditEventType>;

export const AuditActor = z.strictObject({
  role: z.enum(['requester', 'reviewer', 'worker', 'system']),
  userName: z.string().min(1),
});
export type AuditActor = z.infer<typeof AuditActor>;

/** What the caller supplies; the ledger adds seq, time, key id, prev and hash. */
export const AuditEventInput = z.strictObject({
  type: AuditEventType,
  handoff: z.string().min(1).nullable(),
  ticket: z
    .strictObject({
      table: z.string().min(1),
      sysId: z.string().min(1),
      number: z.string().min(1),
    })
    .nullable(),
  actors: z.array(AuditActor),
  policyVersion: z.string().nullable(),
  /** Digest of what went in (scope, request, sources). */
  inputDigest: z.string().nullable(),
  /** Digest of what came out (output, note). */
  outputDigest: z.string().nullable(),
  /** Small, secret-free facts: reason codes, operation, decision, counts. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventInput = z.infer<typeof AuditEventInput>;

export const AuditEvent = AuditEventInput.extend({
  /** 1, 2, 3 … with no gaps. */
  seq: z.number().int().positive(),
  /** ISO 8601 time the event was appended. */
  at: z.string().min(1),
  /** Id of the audit key the hash is keyed with (src/handoff/audit-keys.ts). */
  keyId: z.string().regex(/^k[0-9a-f]{16}$/),
  /** Hash of the previous event ('0' × 64 for the first). */
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  /** HMAC-SHA-256, under the key `keyId` names, of prev and the canonical JSON of this event without its hash. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
}).strict();
export type AuditEvent = z.infer<typeof AuditEvent>;
