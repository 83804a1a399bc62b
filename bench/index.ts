import { aiBench } from './ai.bench.js';
import { auditBench } from './audit.bench.js';
import { handoffBench } from './handoff.bench.js';
import { handoffScaleBench } from './handoff-scale.bench.js';
import type { Bench } from './harness.js';
import { neutraliseBench } from './neutralise.bench.js';
import { policyBench } from './policy.bench.js';
import { sandboxBench } from './sandbox.bench.js';
import { scopeReviewBench } from './scope-review.js';
import { servicenowPullBench } from './servicenow-pull.bench.js';
import { whatIfBench } from './what-if.bench.js';

/** Every benchmark, in the order `npm run bench` runs them. */
export const benches: readonly Bench[] = [policyBench, scopeReviewBench, aiBench, neutraliseBench, sandboxBench, servicenowPullBench, whatIfBench, handoffBench, handoffScaleBench, auditBench];
