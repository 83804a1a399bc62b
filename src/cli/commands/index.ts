/**
 * The subcommands of `ai-handoff`. Each module registers its commands on the
 * program; main.ts only wires them together.
 */
import type { Command } from 'commander';
import { registerApp } from './app-check.js';
import { registerAudit } from './audit.js';
import { registerEvidence } from './evidence.js';
import { registerMappings } from './mappings.js';
import { registerPolicy } from './policy.js';
import { registerReport } from './report.js';
import { registerSandbox } from './sandbox.js';
import { registerStart } from './start.js';
import { registerWorker } from './worker.js';

export type Registrar = (program: Command) => void;

export const registrars: readonly Registrar[] = [registerStart, registerWorker, registerSandbox, registerPolicy, registerMappings, registerReport, registerAudit, registerEvidence, registerApp];
