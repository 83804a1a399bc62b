/**
 * Optional persistence: the whole store (and the password hashes and OAuth
 * clients) saved to one JSON-lines file, atomically (written to a temporary
 * file, then renamed over the old one), debounced after changes, and flushed
 * on close. Rows are written one per line in insertion order, so neither
 * saving nor loading builds one huge string.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Credentials, CredentialsSnapshot } from './auth/credentials.js';
import type { Store, StoredRow } from './store.js';

const FORMAT = 'ai-handoff-sandbox';
/** 2: the worker-instance contract version 2 (the app's request and review tables, no request fields on tickets). */
const VERSION = 2;

export interface Persistence {
  /** Saves now (waits for a save in progress first). */
  flush(): Promise<void>;
  /** Stops watching for changes and flushes. */
  close(): Promise<void>;
}

/** Loads a saved file into an empty store; returns false when the file does not exist. */
export async function loadFile(file: string, store: Store, credentials: Credentials): Promise<boolean> {
  if (!existsSync(file)) return false;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header = true;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${lineNo}: not JSON; the file is damaged (delete it to start from the seed)`);
    }
    if (header) {
      const h = parsed as { format?: unknown; version?: unknown; credentials?: CredentialsSnapshot };
      if (h.format === FORMAT && typeof h.version === 'number' && h.version < VERSION) {
        throw new Error(`${file}: saved by an older sandbox (state version ${h.version}, this one reads ${VERSION}); delete it, or run npm start -- --fresh`);
      }
      if (h.format !== FORMAT || h.version !== VERSION || h.credentials === undefined) {
        throw new Error(`${file}: not a sandbox state file (format ${FORMAT} version ${VERSION}); delete it or choose another --persist file`);
      }
      credentials.restore(h.credentials);
      header = false;
      continue;
    }
    const { t, v } = parsed as { t: string; v: Record<string, string> };
    if (!store.schema.table(t)) throw new Error(`${file}:${lineNo}: unknown table ${t}`);
    store.insert(t, v);
  }
  if (header) throw new Error(`${file}: empty; delete it to start from the seed`);
  return true;
}

async function save(file: string, store: Store, credentials: Credentials): Promise<void> {
  const rows: StoredRow[] = [];
  for (const def of store.schema.tables) for (const row of store.partitions(def.name)[0]!.rows.values()) rows.push(row);
  rows.sort((a, b) => a.seq - b.seq);
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp, 'utf8');
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    await write(`${JSON.stringify({ format: FORMAT, version: VERSION, savedAt: new Date().toISOString(), credentials: credentials.snapshot() })}\n`);
    let chunk = '';
    for (const row of rows) {
      chunk += `${JSON.stringify({ t: row.table.name, v: row.v })}\n`;
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk);
    out.end();
    await once(out, 'finish');
    await rename(tmp, file);
  } catch (error) {
    out.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}

export interface PersistOptions {
  readonly file: string;
  readonly store: Store;
  readonly credentials: Credentials;
  /** Quiet time after a change before saving, in milliseconds; default 500. */
  readonly debounceMs?: number;
  /** Told about a failed background save (the next change retries). */
  readonly onError: (error: unknown) => void;
}

export function watchAndSave(options: PersistOptions): Persistence {
  const { file, store, credentials } = options;
  const debounceMs = options.debounceMs ?? 500;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let savedVersion = -1;
  let closed = false;

  const run = async (): Promise<void> => {
    while (running) await running;
    if (savedVersion === store.version) return;
    const version = store.version;
    running = save(file, store, credentials).then(
      () => {
        savedVersion = version;
      },
      (error: unknown) => options.onError(error),
    );
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  store.onChange(() => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, debounceMs);
    timer.unref();
  });

  return {
    flush: run,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await run();
    },
  };
}
