/**
 * `ai-handoff audit verify` proves the ledger's hash chain and names the first
 * event that was changed, removed or reordered; `ai-handoff audit export`
 * writes every event as JSON lines (to a file or stdout) and ends with the
 * head, which can be kept elsewhere to anchor the chain.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { createAuditLedger } from '../../handoff/audit-ledger.js';
import { connectOnce } from '../../queue/redis-connection.js';
import { createProgress } from '../progress.js';
import { redisTarget } from './redis-target.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('verify or export the hash-chained audit ledger');

  audit
    .command('verify')
    .description('prove the chain; exit 0 when intact, 1 at the first changed, removed or reordered event')
    .option('--redis-url <url>', 'Redis URL (default: REDIS_URL, or the Redis of the running npm start)')
    .option('--prefix <prefix>', "key prefix (default: AI_HANDOFF_PREFIX, the running npm start's, or aih)")
    .option('--json', 'print the result as JSON')
    .action(async (opts: { redisUrl?: string; prefix?: string; json?: boolean }) => {
      const { url, prefix } = redisTarget(opts);
      const redis = await connectOnce(url);
      try {
        const progress = createProgress(process.stderr);
        const result = await createAuditLedger({ redis, prefix }).verify({ onProgress: (checked, total) => progress.update(`verifying the audit chain: ${checked} of ${total} events`) });
        progress.done();
        if (opts.json) console.log(JSON.stringify(result));
        else if (result.ok) console.log(`audit chain intact: ${result.events} events, head seq ${result.headSeq}, head hash ${result.headHash}`);
        else console.log(`audit chain BROKEN at event ${result.problem?.seq ?? '?'} (position ${(result.problem?.index ?? 0) + 1}): ${result.problem?.kind}: ${result.problem?.message}`);
        process.exitCode = result.ok ? 0 : 1;
      } finally {
        redis.disconnect();
      }
    });

  audit
    .command('export')
    .description('write every event as JSON lines, then the head')
    .option('--redis-url <url>', 'Redis URL (default: REDIS_URL, or the Redis of the running npm start)')
    .option('--prefix <prefix>', "key prefix (default: AI_HANDOFF_PREFIX, the running npm start's, or aih)")
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(async (opts: { redisUrl?: string; prefix?: string; out?: string }) => {
      const { url, prefix } = redisTarget(opts);
      const redis = await connectOnce(url);
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      try {
        const ledger = createAuditLedger({ redis, prefix });
        let count = 0;
        for await (const event of ledger.events()) {
          if (!out.write(`${JSON.stringify(event)}\n`)) await once(out, 'drain');
          count++;
        }
        const head = await ledger.head();
        out.write(`${JSON.stringify({ head: { seq: head.seq, hash: head.hash }, events: count })}\n`);
        if (opts.out) {
          (out as ReturnType<typeof createWriteStream>).end();
          await once(out, 'finish');
          console.error(`exported ${count} events to ${opts.out}`);
        }
      } finally {
        redis.disconnect();
      }
    });
}
