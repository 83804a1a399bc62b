/**
 * The shared scope-review module's cost per call, which every form load pays
 * (the app's button conditions build the review from the panel field) and
 * every dialog open: a typical panel, and a panel near the field's 65,000
 * character limit. Baseline in the same run: JSON.parse of the same text,
 * which the module must do anyway; the ratio is what its checks and texts add.
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { MAX_PANEL_LENGTH } from '../src/connector/write-guard.js';
import { sealPanel, type Panel, type PanelOperation } from '../src/domain/panel.js';
import { readCheckOf } from '../src/domain/read-check.js';
import { atMost, info, type Bench, type BenchResult } from './harness.js';

interface ScopeReviewModule {
  buildScopeReview(panel: unknown, user: unknown): { operations: unknown[] };
  reviewableHandoffs(panel: unknown, user: unknown): unknown[];
}
const scopeReview = createRequire(import.meta.url)('../connectors/servicenow/shared/scope-review.js') as ScopeReviewModule;

const user = { sysId: 'a'.repeat(32), userName: 'alex.rivera', roles: ['x_acme_aihandoff.agent', 'x_acme_aihandoff.reviewer'], groups: ['b'.repeat(32)] };

function op(i: number, words: number): PanelOperation {
  return {
    id: `operation-${i}`,
    title: `Operation ${i}`,
    class: 'evidence_gathering',
    outcome: i % 3 === 0 ? 'blocked' : 'eligible',
    approval: { required: i % 2 === 0, role: 'incident_commander', approver: { kind: 'user', id: 'c'.repeat(32), name: 'Irene Costa' } },
    scopeDigest: i.toString(16).padStart(32, '0'),
    sources: ['ticket_fields', 'work_notes', 'related_by_ci', 'ci_record'],
    outputKind: 'evidence_pack',
    expectedOutput: 'Evidence pack with cited sources. '.repeat(words),
    stopConditions: ['Stop when sources are incomplete or contradict each other.', 'Stop when the ticket is restricted.'],
    blockedActions: ['routing', 'failover', 'closure', 'outbound_send'],
    reasons: i % 3 === 0 ? [{ rule: 'tier', message: 'The group is cleared for assist only.', remedy: 'Ask the governance board.' }] : [],
    boundary: { classes: ['public', 'internal'], provider: 'builtin', otherGroups: false, requesterMustRead: true },
    boundaryText: 'Related tickets on the same configuration item and the configuration item record: up to Internal, only from groups that use AI, only those you can open.',
  };
}

function panel(operations: PanelOperation[]): Panel {
  return sealPanel({
    schema: 2,
    ticket: { number: 'INC0002041', table: 'incident', sysId: 'd'.repeat(32), owner: { assignee: 'e'.repeat(32), group: 'f'.repeat(32) }, dataClass: 'internal', classLowered: null },
    policyVersion: 'bench',
    classification: 'eligible',
    operations,
    blockedActions: ['routing'],
    handoffs: [{ id: `ho_${'a'.repeat(26)}`, operation: 'operation-1', status: 'awaiting_review', requestedBy: 'e'.repeat(32), approval: operations[0]!.approval, updatedAt: '2025-11-20T10:00:00Z' }],
    notice: null,
    readCheck: readCheckOf([
      { source: 'related_by_ci', table: 'incident', field: 'cmdb_ci', value: 'a'.repeat(32), exclude: 'd'.repeat(32), limit: 20 },
      { source: 'ci_record', table: 'cmdb_ci', sysId: 'a'.repeat(32) },
    ]),
  });
}

function largestPanel(): string {
  let count = 1;
  let text = JSON.stringify(panel([op(0, 40)]));
  for (;;) {
    const next = JSON.stringify(panel(Array.from({ length: count + 1 }, (_, i) => op(i, 40))));
    if (next.length > MAX_PANEL_LENGTH) return text;
    text = next;
    count += 1;
  }
}

/** Median microseconds per call over `rounds` rounds of `calls` calls. */
function perCall(calls: number, rounds: number, fn: () => void): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) fn();
    samples.push(((performance.now() - start) * 1000) / calls);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export const scopeReviewBench: Bench = {
  name: 'scope-review',
  run(): Promise<BenchResult> {
    const typical = JSON.stringify(panel([op(1, 2), op(2, 2), op(3, 2), op(4, 2)]));
    const largest = largestPanel();
    const operations = (JSON.parse(largest) as Panel).operations.length;
    for (let i = 0; i < 200; i++) scopeReview.buildScopeReview(largest, user); // warm up
    const typicalUs = perCall(2000, 9, () => scopeReview.buildScopeReview(typical, user));
    const largestUs = perCall(100, 9, () => scopeReview.buildScopeReview(largest, user));
    const parseUs = perCall(100, 9, () => void JSON.parse(largest));
    const reviewUs = perCall(100, 9, () => scopeReview.reviewableHandoffs(largest, user));
    return Promise.resolve({
      bench: 'scope-review',
      figures: [
        info('typical panel (4 operations) size', typical.length, 'chars'),
        info('buildScopeReview, typical panel', typicalUs, 'µs/call'),
        info(`largest panel (${operations} operations) size`, largest.length, 'chars'),
        atMost('buildScopeReview, largest panel', largestUs, 'µs/call', 1000),
        info('JSON.parse alone, largest panel (baseline)', parseUs, 'µs/call'),
        info('buildScopeReview / JSON.parse, largest panel', largestUs / parseUs, 'x'),
        info('reviewableHandoffs, largest panel', reviewUs, 'µs/call'),
      ],
      notes: ['Node figures; the instance runs the same code in its own engine, typically several times slower: the target leaves room for that on a form load.'],
    });
  },
};
