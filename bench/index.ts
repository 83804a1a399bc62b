import type { Bench } from './harness.js';
import { sandboxBench } from './sandbox.bench.js';

/** Every benchmark, in the order `npm run bench` runs them. */
export const benches: readonly Bench[] = [sandboxBench];
