/**
 * Builds the evidence report for a period: verifies the whole ledger, reads
 * every retrievable event once (archive and Redis), and computes the
 * controls, acceptance and policy versions. The result is checked against
 * the report schema before it is returned, so what is written always
 * validates against the shipped JSON Schema.
 */
import { basename } from 'node:path';
import { describeCause } from '../errors.js';
import type { AuditLedger } from '../handoff/audit-ledger.js';
import { acceptance } from './acceptance.js';
import { createCollector, type Period } from './collect.js';
import type { LoadedControlMap } from './control-map.js';
import { controlReports } from './controls.js';
import { EvidenceReport, SCHEMA_ID, type Gap } from './report-schema.js';

export interface BuildReportOptions {
  readonly ledger: AuditLedger;
  readonly period: Period;
  readonly controls: LoadedControlMap;
  readonly now: Date;
}

export async function buildEvidenceReport(options: BuildReportOptions): Promise<EvidenceReport> {
  const { ledger, period, now } = options;
  const verify = await ledger.verify();
  const collector = createCollector(period);
  const readGaps: Gap[] = [];
  try {
    for await (const event of ledger.events()) collector.add(event);
  } catch (error) {
    // A ledger that cannot be read to its end still gets a report: what was read, and this gap.
    readGaps.push({ kind: 'chain', control: null, message: `the ledger could not be read past event ${collector.result().newest?.seq ?? 0}: ${describeCause(error)}` });
  }
  const collected = collector.result();
  const controls = controlReports({ collected, verify, map: options.controls.map, now });
  const from = period.from.getTime();
  const report: EvidenceReport = {
    $schema: SCHEMA_ID,
    kind: 'ai-handoff evidence report',
    generatedAt: now.toISOString(),
    period: { from: period.from.toISOString(), to: period.to.toISOString(), days: Math.round(((period.to.getTime() - from) / 86_400_000) * 100) / 100 },
    controlMap: { file: basename(options.controls.file), version: options.controls.map.version },
    ledger: {
      name: ledger.name,
      events: collected.inPeriod.events,
      retrievable: collected.retrievable,
      oldest: collected.oldest,
      newest: collected.newest,
      chain: {
        ok: verify.ok,
        anchored: verify.checkpoints.latest !== null,
        problem: verify.problem ? { kind: verify.problem.kind, seq: verify.problem.seq, message: verify.problem.message } : null,
        checkpoints: verify.checkpoints.found,
        latestCheckpointAt: verify.checkpoints.latest?.at ?? null,
        unanchored: verify.checkpoints.unanchored,
      },
    },
    controls,
    acceptance: acceptance(collected),
    policyVersions: [...collected.versions.entries()]
      .filter(([, v]) => v.inPeriod > 0 || (Date.parse(v.firstSeen) < from && Date.parse(v.lastSeen) >= from))
      .sort(([, a], [, b]) => a.firstSeen.localeCompare(b.firstSeen))
      .map(([version, v]) => ({ version, firstSeen: v.firstSeen, lastSeen: v.lastSeen, events: v.inPeriod, inForceAtStart: Date.parse(v.firstSeen) < from })),
    reloads: collected.reloads,
    gaps: [...readGaps, ...controls.flatMap((c) => c.gaps)],
  };
  return EvidenceReport.parse(report);
}
