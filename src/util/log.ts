/**
 * A small JSON-lines logger. Every string of a line (the message, every
 * field at any depth, every key, what an error is reduced to) is scrubbed of
 * known secrets, URL userinfo and authorization values
 * (src/util/secrets.ts) as it is serialised, so a secret cannot slip through
 * under an unexpected key or inside a message; scrubbing the serialised line
 * instead missed any secret holding `"` or `\`, which JSON escapes. Never pass
 * raw HTTP errors, requests or responses: pass `describeCause(error)` or a
 * HandoffError.
 */
import { scrub, scrubReplacer } from './secrets.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** Lowest level written; default `info`. */
  readonly level?: LogLevel;
  /** Where lines go; default process.stderr. */
  readonly write?: (line: string) => void;
  readonly bindings?: Record<string, unknown>;
  /** Clock for timestamps; default Date.now. */
  readonly now?: () => number;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? Date.now;
  const bindings = options.bindings ?? {};

  const emit = (lvl: Exclude<LogLevel, 'silent'>, message: string, fields?: Record<string, unknown>): void => {
    if (RANK[lvl] < RANK[level]) return;
    let line: string;
    try {
      line = JSON.stringify({ time: new Date(now()).toISOString(), level: lvl, msg: message, ...bindings, ...fields }, (key, value) => scrubReplacer(key, errorReplacer(key, value)));
    } catch {
      line = JSON.stringify({ time: new Date(now()).toISOString(), level: lvl, msg: scrub(message), note: 'fields not serialisable' });
    }
    write(`${line}\n`);
  };

  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (more) => createLogger({ ...options, bindings: { ...bindings, ...more } }),
  };
}

/** Errors become their code and message only: never their config, request or response. */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const withJson = value as Error & { toJSON?: () => unknown };
    if (typeof withJson.toJSON === 'function') return withJson.toJSON();
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return value;
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger({ level: 'silent' });
