/**
 * The local anchor file: one checkpoint per line, appended with O_APPEND and
 * synced before the append returns. The worker only ever appends; an operator
 * can make the file append-only for everyone but root (`chattr +a`, docs/audit.md).
 * Lines of other ledgers are kept and skipped. A last line cut short by a crash
 * is ignored; any other unreadable line is an error, never skipped quietly.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HandoffError } from '../errors.js';
import { Checkpoint, type CheckpointSink } from './audit-checkpoint.js';

export function createCheckpointFile(path: string): CheckpointSink {
  return {
    name: `file ${path}`,
    async append(checkpoint) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const handle = await open(path, 'a', 0o600);
      try {
        await handle.appendFile(`${JSON.stringify(Checkpoint.parse(checkpoint))}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async list(ledger) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const lines = text.split('\n');
      // What follows the last newline: nothing, or a line torn by a crash mid-append.
      lines.pop();
      const out: Checkpoint[] = [];
      lines.forEach((line, i) => {
        if (line.trim() === '') return;
        let parsed: ReturnType<typeof Checkpoint.safeParse>;
        try {
          parsed = Checkpoint.safeParse(JSON.parse(line));
        } catch {
          parsed = Checkpoint.safeParse(undefined);
        }
        if (!parsed.success) {
          throw new HandoffError('AUDIT_CHAIN_BROKEN', `the checkpoint file ${path} has an unreadable line ${i + 1}: it was edited`, { remedy: 'restore the file from a backup; the worker only appends whole lines' });
        }
        if (parsed.data.ledger === ledger) out.push(parsed.data);
      });
      return out;
    },
  };
}
