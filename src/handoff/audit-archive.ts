/**
 * The audit ledger's archive: older events rotated out of Redis into
 * segment files, so at least six months stay retrievable without holding them
 * in Redis memory (issue 11; EU AI Act Art. 26(6) asks deployers to keep logs
 * at least six months).
 *
 * One file per segment, `<dir>/<ledger>/seg-<first>-<last>.jsonl`: the events
 * exactly as Redis held them, one per line, then a trailer line
 * `{"segment": {ledger, first, last, count, prev, head, keyId, at, mac}}`: the
 * segment's own checkpoint, MACed with the audit key, so a file cut short, a
 * line edited or a segment swapped is reported by `audit verify`. Files are
 * written to a temporary name, synced, then renamed: a segment is either
 * complete or absent. Nothing here deletes a segment.
 */
import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../util/canonical-json.js';
import type { AuditKeyring } from './audit-keys.js';

export const SegmentTrailer = z.strictObject({
  ledger: z.string().min(1),
  first: z.number().int().positive(),
  last: z.number().int().positive(),
  count: z.number().int().positive(),
  /** The hash the first event chains to. */
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  /** The last event's hash. */
  head: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string().min(1),
  /** When the segment was written (ISO 8601). */
  at: z.string().min(1),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SegmentTrailer = z.infer<typeof SegmentTrailer>;

export interface ArchivedSegment {
  readonly file: string;
  /** The range its name gives. */
  readonly first: number;
  readonly last: number;
}

export interface SegmentContent {
  readonly lines: readonly string[];
  /** Null when the last line is not a valid trailer (the file was cut or edited). */
  readonly trailer: SegmentTrailer | null;
}

export interface AuditArchive {
  /** The folder of this ledger's segments. */
  readonly dir: string;
  /** This ledger's segments, by first seq. */
  segments(): Promise<ArchivedSegment[]>;
  read(segment: ArchivedSegment): Promise<SegmentContent>;
  /** Writes a segment of raw event lines (first..last) with its MACed trailer; returns the file. */
  write(lines: readonly string[], range: { first: number; last: number; prev: string; head: string }): Promise<string>;
}

const NAME = /^seg-(\d{12})-(\d{12})\.jsonl$/;
const pad = (n: number): string => String(n).padStart(12, '0');

/** The bytes a trailer's MAC covers. */
export function trailerBody(trailer: Omit<SegmentTrailer, 'mac'>): string {
  return canonicalJson(trailer);
}

export function createAuditArchive(options: { readonly dir: string; readonly ledger: string; readonly keys: AuditKeyring; readonly now?: () => Date }): AuditArchive {
  const dir = join(options.dir, options.ledger);
  const now = options.now ?? (() => new Date());

  return {
    dir,
    async segments() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const out: ArchivedSegment[] = [];
      for (const name of names) {
        const m = NAME.exec(name);
        if (m) out.push({ file: join(dir, name), first: Number(m[1]), last: Number(m[2]) });
      }
      return out.sort((a, b) => a.first - b.first || a.last - b.last);
    },

    async read(segment) {
      const text = await readFile(segment.file, 'utf8');
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      const last = lines.pop();
      let trailer: SegmentTrailer | null = null;
      try {
        const parsed = SegmentTrailer.safeParse((JSON.parse(last ?? '') as { segment?: unknown }).segment);
        if (parsed.success) trailer = parsed.data;
      } catch {
        // reported by the caller as a segment without a trailer
      }
      // A file without a trailer keeps its last line as an event, so nothing is hidden from the walk.
      if (trailer === null && last !== undefined) lines.push(last);
      return { lines, trailer };
    },

    async write(lines, range) {
      const key = options.keys.current;
      const body = { ledger: options.ledger, first: range.first, last: range.last, count: lines.length, prev: range.prev, head: range.head, keyId: key.id, at: now().toISOString() };
      const trailer: SegmentTrailer = { ...body, mac: key.mac(trailerBody(body)) };
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = join(dir, `seg-${pad(range.first)}-${pad(range.last)}.jsonl`);
      const temp = `${file}.${process.pid}.tmp`;
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(`${lines.join('\n')}\n${JSON.stringify({ segment: trailer })}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
      // The rename is durable only once the folder is synced.
      const folder = await open(dir, 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
      return file;
    },
  };
}
