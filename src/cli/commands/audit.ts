/**
 * `ai-handoff audit verify` proves the ledger: every event's HMAC and link,
 * the archived segments, the per-hand-off indexes, and the chain against every
 * checkpoint kept outside Redis (docs/audit.md). It exits 0 only when all of
 * that holds and at least one checkpoint anchors the ledger; 1 otherwise, with
 * the first problem named. `ai-handoff audit export` writes every event,
 * archived ones first, as JSON lines and ends with the head.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import type { VerifyResult } from '../../handoff/audit-verify.js';
import { createProgress } from '../progress.js';
import { ledgerOptions, openLedgerFromFlags, type LedgerFlags } from './audit-open.js';

/** The lines `audit verify` prints, and whether it passes. */
export function describeVerify(result: VerifyResult, ledgerName: string): { lines: string[]; pass: boolean } {
  const lines: string[] = [];
  const where = result.rotated > 0 ? ` (${result.rotated} archived in ${result.segments} segment${result.segments === 1 ? '' : 's'}, ${result.events - result.rotated} in Redis)` : '';
  const anchors = result.anchors.map((a) => `${a.name}: ${a.error === undefined ? a.checkpoints : `unreadable (${a.error})`}`).join('; ');
  if (!result.ok) {
    lines.push(`audit chain BROKEN at event ${result.problem?.seq ?? '?'} (position ${(result.problem?.index ?? 0) + 1}): ${result.problem?.kind}: ${result.problem?.message}`);
    lines.push(`  checkpoints read: ${anchors || 'none (no anchor configured)'}`);
    return { lines, pass: false };
  }
  const anchored = result.checkpoints.latest !== null;
  if (!anchored) {
    lines.push(`audit chain NOT ANCHORED: ${result.events} events verify under the audit key, but no checkpoint of ledger '${ledgerName}' was found (${anchors || 'no anchor configured'})`);
    // An empty ledger is what a fresh run has (npm start before its first hand-off); a deleted one looks the same, so it still fails.
    if (result.events === 0) lines.push('  no events yet: the worker anchors the ledger at the first maintenance sweep after its first events; an empty ledger cannot be told from a deleted one without a checkpoint (docs/audit.md)');
    else lines.push('  without a checkpoint, a chain cut short or deleted cannot be told from a young one: check --audit-dir, --ledger and SN_INSTANCE_URL (docs/audit.md)');
    return { lines, pass: false };
  }
  lines.push(`audit chain intact: ${result.events} events${where}, head seq ${result.headSeq}, head hash ${result.headHash}`);
  const latest = result.checkpoints.latest;
  lines.push(`  checkpoints: ${result.checkpoints.found} (${anchors}); latest matched at seq ${latest.count}, ${latest.at}, in ${latest.source}; ${result.checkpoints.unanchored} later event(s) not yet anchored`);
  if (result.oldest) lines.push(`  oldest event: seq ${result.oldest.seq} at ${result.oldest.at}`);
  return { lines, pass: true };
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('verify or export the keyed, anchored audit ledger');

  ledgerOptions(audit.command('verify').description('prove the chain against its checkpoints; exit 0 when intact and anchored, 1 at the first problem'))
    .option('--json', 'print the result as JSON')
    .action(async (opts: LedgerFlags & { json?: boolean }) => {
      const opened = await openLedgerFromFlags(opts);
      try {
        const progress = createProgress(process.stderr);
        const result = await opened.ledger.verify({ onProgress: (checked, total) => progress.update(`verifying the audit chain: ${checked} of ${total} events`) });
        progress.done();
        const { lines, pass } = describeVerify(result, opened.ledger.name);
        if (opts.json) console.log(JSON.stringify({ ...result, anchored: result.checkpoints.latest !== null, pass }));
        else console.log(lines.join('\n'));
        process.exitCode = pass ? 0 : 1;
      } finally {
        opened.close();
      }
    });

  ledgerOptions(audit.command('export').description('write every event (archived ones first) as JSON lines, then the head'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(async (opts: LedgerFlags & { out?: string }) => {
      const opened = await openLedgerFromFlags(opts);
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      try {
        const { ledger } = opened;
        let count = 0;
        for await (const event of ledger.events()) {
          if (!out.write(`${JSON.stringify(event)}\n`)) await once(out, 'drain');
          count++;
        }
        const head = await ledger.head();
        out.write(`${JSON.stringify({ head: { seq: head.seq, hash: head.hash }, events: count, ledger: ledger.name })}\n`);
        if (opts.out) {
          (out as ReturnType<typeof createWriteStream>).end();
          await once(out, 'finish');
          console.error(`exported ${count} events to ${opts.out}`);
        }
      } finally {
        opened.close();
      }
    });
}
