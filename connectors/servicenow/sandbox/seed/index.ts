/**
 * Loads the whole seed: metadata, the cast, configuration items, the four
 * illustrative tickets, the tickets around them (neighbours.ts: those outside
 * the read boundary), the tickets of a custom table (custom.ts), and
 * optionally generated tickets for load.
 */
import type { AppNames } from '../../../../src/domain/app-names.js';
import type { Credentials } from '../auth/credentials.js';
import type { Records } from '../records.js';
import type { Store } from '../store.js';
import { generateTickets, type GenerateOptions, type GenerationStats } from '../generator.js';
import { seedInstalledApp } from './app-install.js';
import { seedCis } from './cis.js';
import { CUSTOM } from './custom.js';
import { ILLUSTRATIVE } from './illustrative.js';
import { seedMetadata } from './metadata.js';
import { MORE } from './more.js';
import { NEIGHBOURS } from './neighbours.js';
import { seedPeople } from './people.js';
import { RELATED } from './related.js';
import { createSeeder } from './seeder.js';
import { seedTicket } from './ticket-seed.js';

export interface SeedOptions {
  /** Whether to load the hand-written tickets (the four illustrative ones and those around them); default true. */
  readonly handWritten?: boolean;
  /** Generated tickets to add after the hand-written seed; default 0. */
  readonly tickets?: number;
  /** Options for the generator (seed, active share). */
  readonly generator?: Omit<GenerateOptions, 'count'>;
}


export interface SeedResult {
  readonly generated: GenerationStats | undefined;
}

/** Seeds the instance; `app` names the installed app (the cast's app roles, the data classification field). */
export function loadSeed(store: Store, records: Records, credentials: Credentials, now: number, app: AppNames, options: SeedOptions = {}): SeedResult {
  const seed = createSeeder(store, records, now, app);
  let generated: GenerationStats | undefined;
  store.bulk(() => {
    seedMetadata(seed, store.schema);
    seedInstalledApp(seed, app);
    seedPeople(seed, credentials, app.scope);
    seedCis(seed);
    if (options.handWritten ?? true) for (const ticket of [...RELATED, ...NEIGHBOURS, ...ILLUSTRATIVE, ...MORE, ...CUSTOM]) seedTicket(seed, ticket);
    const count = options.tickets ?? 0;
    if (count > 0) generated = generateTickets(seed, { ...options.generator, count });
  });
  return { generated };
}

export { CUSTOM, ILLUSTRATIVE, MORE, NEIGHBOURS, RELATED };
export { NEIGHBOUR_MARKERS } from './neighbours.js';
