/**
 * Where the audit key comes from: `AI_HANDOFF_AUDIT_KEY` (one key), or
 * `AI_HANDOFF_AUDIT_KEY_FILE` (a file of keys, the last one current, older
 * ones kept to verify what they signed). Never from the runtime config file,
 * which is meant to be reviewed and versioned, and never from Redis.
 *
 * `npm start` generates a key into its data folder on first run
 * (`.data/audit/audit.key`, mode 0600); `ai-handoff worker` refuses to start
 * without one. Every key read is registered with the secret scrubber.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HandoffError } from '../errors.js';
import { registerSecret } from '../util/secrets.js';
import { createKeyring, generateKeyText, parseKeyText, type AuditKeyring } from './audit-keys.js';

export const AUDIT_KEY_ENV = 'AI_HANDOFF_AUDIT_KEY';
export const AUDIT_KEY_FILE_ENV = 'AI_HANDOFF_AUDIT_KEY_FILE';

export type Env = Readonly<Record<string, string | undefined>>;

export interface KeySourceOptions {
  /**
   * A key file to use when neither variable is set (the local commands: npm
   * start's data folder). Without it, a missing key is an error.
   */
  readonly fallbackFile?: string;
  /** Create `fallbackFile` with a new key when it does not exist (npm start). Default false. */
  readonly generate?: boolean;
}

export interface LoadedKeys {
  readonly keyring: AuditKeyring;
  /** Where the keys came from: the variable's name or the file's path (never the key). */
  readonly source: string;
  /** The key file's path when the keys came from one (another process can read them there); null for the variable. */
  readonly file: string | null;
  /** True when this call created the key file. */
  readonly generated: boolean;
}

export function loadAuditKeys(env: Env, options: KeySourceOptions = {}): LoadedKeys {
  const direct = env[AUDIT_KEY_ENV]?.trim();
  const file = env[AUDIT_KEY_FILE_ENV]?.trim();
  if (direct && file) {
    throw new HandoffError('CONFIG_INVALID', `both ${AUDIT_KEY_ENV} and ${AUDIT_KEY_FILE_ENV} are set`, { remedy: `set only one: ${AUDIT_KEY_FILE_ENV} when you keep retired keys to verify older events` });
  }
  if (direct) return { keyring: ring(direct, AUDIT_KEY_ENV), source: AUDIT_KEY_ENV, file: null, generated: false };
  if (file) return { keyring: ring(readKeyFile(file, AUDIT_KEY_FILE_ENV), file), source: file, file, generated: false };
  const fallback = options.fallbackFile;
  if (fallback !== undefined) {
    let generated = false;
    if (!existsSync(fallback) && options.generate === true) {
      mkdirSync(dirname(fallback), { recursive: true, mode: 0o700 });
      writeFileSync(fallback, generateKeyText(), { mode: 0o600, flag: 'wx' });
      chmodSync(fallback, 0o600);
      generated = true;
    }
    if (existsSync(fallback)) return { keyring: ring(readKeyFile(fallback, fallback), fallback), source: fallback, file: fallback, generated };
    throw new HandoffError('SECRET_MISSING', `no audit key: neither ${AUDIT_KEY_ENV} nor ${AUDIT_KEY_FILE_ENV} is set, and ${fallback} does not exist`, {
      details: { variable: AUDIT_KEY_FILE_ENV },
      remedy: `set ${AUDIT_KEY_FILE_ENV} to the worker's key file, or --audit-dir to the folder npm start keeps its audit in (docs/audit.md)`,
    });
  }
  throw new HandoffError('SECRET_MISSING', `the audit ledger needs a key and neither ${AUDIT_KEY_ENV} nor ${AUDIT_KEY_FILE_ENV} is set`, {
    details: { variable: AUDIT_KEY_FILE_ENV },
    remedy: `create a key outside Redis (\`openssl rand -hex 32 > /etc/ai-handoff/audit.key\`, mode 0600) and set ${AUDIT_KEY_FILE_ENV}=/etc/ai-handoff/audit.key (docs/audit.md)`,
  });
}

function readKeyFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new HandoffError('SECRET_MISSING', `cannot read the audit key file named by ${what}`, { details: { variable: AUDIT_KEY_FILE_ENV }, remedy: 'point it at a readable file holding the key (one per line, the last one current)', cause });
  }
}

function ring(text: string, source: string): AuditKeyring {
  const keys = parseKeyText(text, source);
  if (keys.length === 0) throw new HandoffError('SECRET_MISSING', `${source} holds no audit key`, { remedy: 'write a key of 64 hex digits into it (`openssl rand -hex 32`)' });
  for (const line of text.split(/\r?\n/)) registerSecret(line.replace(/#.*$/, '').trim());
  return createKeyring(keys);
}
