import type { Bench } from './harness.js';
import { aiBench } from './ai.bench.js';

/** Every benchmark, in the order `npm run bench` runs them. */
export const benches: readonly Bench[] = [aiBench];
