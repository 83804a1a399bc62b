/**
 * `neutralise` on adversarial input (issue 11: to a fixed point, with no
 * round limit, in time linear-ish in the input): CPU time per input of
 * 100,000 and 200,000 characters for each shape in
 * test/fixtures/ai/adversarial-markup.ts. Linear work shows as a 200k/100k
 * ratio near 2 (a quadratic one near 4). Target: every 100,000-character
 * input within 250 ms of one core. The round-by-round rules this replaced
 * took 3.0 s of CPU on "code openings without a close", had not finished
 * "brackets only" after ten minutes, and left the character references of
 * the two reference shapes live. Ordinary note text is reported in
 * characters per CPU-millisecond.
 */
import { neutraliseWithFlags } from '../src/ai/render/neutralise.js';
import { adversarialMarkup } from '../test/fixtures/ai/adversarial-markup.js';
import { atMost, info, type Bench, type BenchResult, type Figure } from './harness.js';

/** CPU milliseconds of one call, the best of `runs` (the machine is shared; the best is the least disturbed). */
function cpuMs(input: string, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    neutraliseWithFlags(input);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const ORDINARY = 'Remote access latency at the Lisbon branch since 08:40; see https://kb.example.com/kb/KB0012 and <b>ticket</b> INC0002041 &amp; the vendor\'s [runbook](https://kb.example.com/r). ';

export const neutraliseBench: Bench = {
  name: 'neutralise',
  async run(): Promise<BenchResult> {
    await Promise.resolve();
    const small = adversarialMarkup(100_000);
    const large = adversarialMarkup(200_000);
    const figures: Figure[] = [];
    let worstRatio = 0;
    for (const [name, input] of Object.entries(small)) {
      const ms = cpuMs(input, 5);
      const ratio = cpuMs(large[name] ?? '', 5) / Math.max(ms, 0.001);
      worstRatio = Math.max(worstRatio, ratio);
      figures.push(atMost(`${name}, 100k characters (CPU)`, Math.round(ms * 10) / 10, 'ms', 250));
      figures.push(info(`${name}, 200k / 100k`, Math.round(ratio * 100) / 100, 'x'));
    }
    const text = ORDINARY.repeat(500);
    figures.push(info('ordinary note text, characters per CPU-millisecond', Math.round(text.length / cpuMs(text, 5)), 'chars/ms'));
    figures.push(info('rounds on the nested-tag input (the second confirms)', neutraliseWithFlags(small['nested tags'] ?? '').rounds, ''));
    return { bench: 'neutralise: fixed point on adversarial input', figures, notes: [`worst 200k/100k ratio ${worstRatio.toFixed(2)} (2 is linear, 4 quadratic)`] };
  },
};
