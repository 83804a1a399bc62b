import type { Bench } from './harness.js';
import { sandboxBench } from './sandbox.bench.js';
import { scopeReviewBench } from './scope-review.js';

/** Every benchmark, in the order `npm run bench` runs them. */
export const benches: readonly Bench[] = [scopeReviewBench, sandboxBench];
