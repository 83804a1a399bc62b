/**
 * The runtime config: one zod schema composed of sections, each defined in its
 * own module. To add a section (worker, provider, approval timeout...), define
 * its strict schema in src/config/<section>.ts and add one line to
 * `RUNTIME_CONFIG_SECTIONS`; the loader, the error messages and the type follow.
 * A section that may be left out of the file gives its schema a `.default(...)`.
 */
import { z } from 'zod';
import { AiConfig } from '../ai/config.js';
import { App } from './app.js';
import { Audit } from './audit.js';
import { Groups } from './groups.js';
import { Ops } from './ops.js';
import { Paths } from './paths.js';
import { Switches } from './switches.js';
import { Worker } from './worker.js';

export const RUNTIME_CONFIG_SECTIONS = {
  paths: Paths,
  switches: Switches.default({ ai: true, operations: {}, groups: {} }),
  groups: Groups,
  worker: Worker.prefault({}),
  app: App.prefault({}),
  ai: AiConfig.prefault({}),
  audit: Audit.prefault({}),
  ops: Ops.prefault({}),
} as const;

export const RuntimeConfig = z.strictObject(RUNTIME_CONFIG_SECTIONS);
export type RuntimeConfig = z.infer<typeof RuntimeConfig>;
