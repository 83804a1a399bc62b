/**
 * The Redis prefix of `start`'s run against its sandbox. The worker's state
 * in Redis (watermarks, hand-offs, the audit ledger) describes one sandbox's
 * tickets; a sandbox seeded afresh (`--fresh`, or no saved state) has the
 * same ticket sys_ids at new times, so the old state would hide its tickets
 * from sync (a watermark later than their times) and show hand-offs whose
 * notes it never had. A freshly seeded sandbox therefore gets a prefix of its
 * own, `<base>-<time>`, kept in `<data>/sandbox-prefix` for the runs that load
 * its saved state. The old keys are left as they were (the ledger stays
 * verifiable under its own name). AI_HANDOFF_PREFIX, when set, wins.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'sandbox-prefix';
const PREFIX = /^[A-Za-z0-9_{}-]{1,64}$/;

export function sandboxRunPrefix(options: { readonly data: string; readonly seededAfresh: boolean; readonly base: string; readonly now?: () => number }): string {
  const file = join(options.data, FILE);
  if (!options.seededAfresh && existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (PREFIX.test(kept)) return kept;
  }
  const prefix = options.seededAfresh ? `${options.base}-${(options.now ?? Date.now)().toString(36)}` : options.base;
  writeFileSync(file, `${prefix}\n`);
  return prefix;
}
