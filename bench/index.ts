import type { Bench } from './harness.js';

/** Every benchmark, in the order `npm run bench` runs them. */
export const benches: readonly Bench[] = [];
