import { aiBench } from './ai.bench.js';
import { auditBench } from './audit.bench.js';
import { handoffBench } from './handoff.bench.js';
import type { Bench } from './harness.js';
import { policyBench } from './policy.bench.js';
import { sandboxBench } from './sandbox.bench.js';
import { scopeReviewBench } from './scope-review.js';
import { servicenowPullBench } from './servicenow-pull.bench.js';

/** Every benchmark, in the order `npm run bench` runs them. */
export const benches: readonly Bench[] = [policyBench, scopeReviewBench, aiBench, sandboxBench, servicenowPullBench, handoffBench, auditBench];
