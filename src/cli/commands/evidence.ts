/**
 * `ai-handoff evidence --from <date> --to <date> [--format html|json|md]
 * [--out <file>]`: the governance evidence report over the audit ledger and
 * its archived parts (docs/evidence.md). Dates are UTC days (`2026-11-01`;
 * `--to` includes its whole day) or ISO 8601 times (`--to` exclusive).
 * `--print-schema` prints the JSON Schema the JSON report validates against.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { HandoffError } from '../../errors.js';
import { buildEvidenceReport } from '../../evidence/build-report.js';
import { DEFAULT_CONTROL_MAP, loadControlMap } from '../../evidence/control-map.js';
import { renderEvidenceHtml } from '../../evidence/render-html.js';
import { renderEvidenceMarkdown } from '../../evidence/render-md.js';
import { evidenceJsonSchema, lastDayOf } from '../../evidence/report-schema.js';
import { ledgerOptions, openLedgerFromFlags, type LedgerFlags } from './audit-open.js';

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const FORMATS = ['html', 'json', 'md'] as const;

/** A flag's date: a UTC day (its start; `endOfDay` gives the next day's start) or an ISO 8601 time. */
export function parseDateFlag(flag: string, text: string | undefined, endOfDay: boolean): Date {
  if (text === undefined || text.trim() === '') throw new HandoffError('INPUT_INVALID', `${flag} is required`, { remedy: `pass ${flag} 2026-11-01 (a UTC day) or an ISO 8601 time` });
  const value = text.trim();
  const day = DAY_ONLY.test(value);
  const parsed = day ? new Date(`${value}T00:00:00.000Z`) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(parsed.getTime()) || (day && parsed.toISOString().slice(0, 10) !== value)) {
    throw new HandoffError('INPUT_INVALID', `${flag} '${value.slice(0, 40)}' is not a date`, { remedy: `pass ${flag} as YYYY-MM-DD (a UTC day) or an ISO 8601 time such as 2026-11-01T00:00:00Z` });
  }
  return day && endOfDay ? new Date(parsed.getTime() + 86_400_000) : parsed;
}

interface EvidenceFlags extends LedgerFlags {
  readonly from?: string;
  readonly to?: string;
  readonly format: string;
  readonly out?: string;
  readonly controls: string;
  readonly printSchema?: boolean;
}

export function registerEvidence(program: Command): void {
  ledgerOptions(program.command('evidence').description('the governance evidence report for a period: controls, figures, gaps, acceptance (docs/evidence.md)'))
    .option('--from <date>', 'first day of the period (YYYY-MM-DD, UTC) or an ISO 8601 time')
    .option('--to <date>', 'last day of the period, included (YYYY-MM-DD) or an ISO 8601 time, excluded')
    .option('--format <format>', 'html, json or md', 'html')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--controls <file>', 'the control map (controls and framework clauses)', DEFAULT_CONTROL_MAP)
    .option('--print-schema', 'print the JSON Schema of the JSON report and exit')
    .action(async (opts: EvidenceFlags) => {
      if (opts.printSchema) {
        console.log(JSON.stringify(evidenceJsonSchema(), null, 2));
        return;
      }
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new HandoffError('INPUT_INVALID', `--format '${opts.format}' is not one of ${FORMATS.join(', ')}`, { remedy: 'pass --format html, json or md' });
      const from = parseDateFlag('--from', opts.from, false);
      const to = parseDateFlag('--to', opts.to, true);
      if (to.getTime() <= from.getTime()) throw new HandoffError('INPUT_INVALID', `--to (${to.toISOString()}) is not after --from (${from.toISOString()})`, { remedy: 'pass a --to on or after --from' });
      const controls = loadControlMap(opts.controls);
      const opened = await openLedgerFromFlags(opts);
      try {
        const report = await buildEvidenceReport({ ledger: opened.ledger, period: { from, to }, controls, now: new Date() });
        const text = opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : opts.format === 'md' ? renderEvidenceMarkdown(report) : renderEvidenceHtml(report);
        if (opts.out) {
          writeFileSync(opts.out, text);
          const thin = report.controls.filter((c) => c.status !== 'operated').map((c) => `${c.id}: ${c.status}`);
          console.error(`evidence report for ${from.toISOString().slice(0, 10)} to ${lastDayOf(report.period)} written to ${opts.out}: ${report.controls.length - thin.length} of ${report.controls.length} controls operated${thin.length ? ` (${thin.join(', ')})` : ''}, ${report.gaps.length} gap(s)`);
        } else {
          process.stdout.write(text);
        }
      } finally {
        opened.close();
      }
    });
}
