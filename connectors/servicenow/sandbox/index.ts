/**
 * The sandbox instance: a local, ServiceNow-compatible Table API with the
 * sandbox cast and tickets (docs/sandbox.md).
 */
export { createSandbox, type Sandbox, type SandboxOptions, type SandboxParts } from './server.js';
export { spawnSandbox, type SpawnedSandbox, type SpawnOptions } from './spawn.js';
export { PEOPLE, TEAMS, ROLES, INTEGRATION_USER, INTEGRATION_PASSWORD, PERSON_PASSWORD, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, type Person } from './seed/cast.js';
export { ILLUSTRATIVE } from './seed/index.js';
export { stableSysId } from './prng.js';
export type { AppFields } from './schema/app-fields.js';
export type { FaultRule } from './faults.js';
export type { RateLimitConfig } from './rate-limit.js';
export type { WriteLogEntry, WriteFilter } from './write-log.js';
export type { SeedOptions } from './seed/index.js';
export type { GenerateOptions, GenerationStats } from './generator.js';
