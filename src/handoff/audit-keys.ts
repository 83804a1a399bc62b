/**
 * The audit ledger's keys. Every event's `hash` is an HMAC-SHA-256 under a
 * key that lives outside Redis (the environment or a file), so someone who
 * can write Redis but not read that key cannot recompute the chain after an
 * edit, nor append an event that verifies (issue 11, "The audit trail cannot
 * be rewritten quietly"; RFC 2104 for HMAC).
 *
 * A key is named by a key id derived from it (one way: the id does not reveal
 * the key), recorded with each event, so keys can be rotated: the newest key
 * signs, older ones still verify what they signed.
 *
 * Key text: 64 or more hex digits, or base64 of 32 or more bytes; one key per
 * line, `#` starts a comment, the last key is the current one.
 */
import { createHmac, createSecretKey, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { HandoffError } from '../errors.js';

/** Shortest key accepted, in bytes (the HMAC-SHA-256 block of security: 256 bits). */
export const MIN_KEY_BYTES = 32;

export interface AuditKey {
  /** `k` and 16 hex digits, derived from the key. */
  readonly id: string;
  /** Hex HMAC-SHA-256 of `data` under this key. */
  mac(data: string): string;
}

export interface AuditKeyring {
  /** The key new events and checkpoints are signed with (the last one given). */
  readonly current: AuditKey;
  /** A key by its id, or undefined when this ring does not hold it. */
  byId(id: string): AuditKey | undefined;
  readonly ids: readonly string[];
}

/** The key id: 16 hex digits of SHA-256 over a label and the key, so it names the key without revealing it. */
export function keyIdOf(key: Buffer): string {
  return `k${hash('sha256', Buffer.concat([Buffer.from('ai-handoff audit key id\0'), key]), 'hex').slice(0, 16)}`;
}

function auditKey(key: Buffer): AuditKey {
  const id = keyIdOf(key);
  // A KeyObject is imported once, not on every MAC (verify computes one per event).
  const secret = createSecretKey(key);
  return { id, mac: (data) => createHmac('sha256', secret).update(data, 'utf8').digest('hex') };
}

export function createKeyring(keys: readonly Buffer[]): AuditKeyring {
  if (keys.length === 0) throw new HandoffError('SECRET_MISSING', 'the audit keyring holds no key', { remedy: 'set AI_HANDOFF_AUDIT_KEY or AI_HANDOFF_AUDIT_KEY_FILE' });
  const byId = new Map<string, AuditKey>();
  for (const key of keys) {
    const k = auditKey(key);
    byId.set(k.id, k);
  }
  return Object.freeze({ current: auditKey(keys[keys.length - 1]!), byId: (id: string) => byId.get(id), ids: Object.freeze([...byId.keys()]) });
}

/** Whether two hex MACs are equal, in constant time. */
export function sameMac(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The keys in a key text (a file or a variable's value), in order. `source`
 * names where the text came from in errors (never the text itself).
 */
export function parseKeyText(text: string, source: string): Buffer[] {
  const keys: Buffer[] = [];
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line === '') return;
    let key: Buffer | undefined;
    if (HEX.test(line) && line.length % 2 === 0) key = Buffer.from(line, 'hex');
    else if (BASE64.test(line)) key = Buffer.from(line, line.includes('-') || line.includes('_') ? 'base64url' : 'base64');
    if (key === undefined || key.length < MIN_KEY_BYTES) {
      throw new HandoffError('CONFIG_INVALID', `${source}, line ${i + 1}: an audit key must be at least ${MIN_KEY_BYTES} random bytes, written as ${MIN_KEY_BYTES * 2} or more hex digits or as base64`, {
        details: { source, line: i + 1 },
        remedy: 'generate one with `openssl rand -hex 32` (or `node -e "console.log(crypto.randomBytes(32).toString(\'hex\'))"`)',
      });
    }
    keys.push(key);
  });
  return keys;
}

/** A new key's text: 32 random bytes in hex, with a comment line. */
export function generateKeyText(now: Date = new Date()): string {
  return `# ai-handoff audit key, generated ${now.toISOString()}; keep it out of Redis and out of version control\n${randomBytes(MIN_KEY_BYTES).toString('hex')}\n`;
}
