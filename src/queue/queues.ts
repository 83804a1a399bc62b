/**
 * The queues and their job options. Job ids come from business keys, so a
 * repeated add is ignored by BullMQ while the job is kept; completed jobs are
 * kept for a day to cover that window (../shared/reference/bullmq-redis.md,
 * "Job ids and deduplication"). Ids never contain ':'.
 */
import type { JobsOptions } from 'bullmq';
import { HANDOFF_BACKOFF } from './job-errors.js';

/**
 * The queues. Requests and reviews have none: they wait as pending rows on
 * the instance, which the intake polls (src/handoff/intake.ts), so nothing
 * that waits for them can be lost with Redis.
 */
export const QUEUE_NAMES = {
  sync: 'sync',
  execute: 'execute',
  writeback: 'writeback',
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Completed jobs are kept this long (s) so a redelivered add is recognised. */
const KEEP_COMPLETED_S = 24 * 60 * 60;
/** Failed jobs are kept a week for inspection. */
const KEEP_FAILED_S = 7 * 24 * 60 * 60;

function options(attempts: number): JobsOptions {
  return {
    attempts,
    backoff: { type: HANDOFF_BACKOFF },
    removeOnComplete: { age: KEEP_COMPLETED_S, count: 100_000 },
    removeOnFail: { age: KEEP_FAILED_S },
  };
}

/** Attempts per queue: write-back outlasts an instance outage. */
export const JOB_OPTIONS = {
  sync: { ...options(1), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  execute: options(5),
  writeback: options(12),
  maintenance: { ...options(1), removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
} satisfies Record<QueueName, JobsOptions>;

export interface HandoffJob {
  readonly table: string;
  readonly handoffId: string;
}

export interface SyncJob {
  readonly table: string;
}

export const executeJobId = (handoffId: string): string => `execute-${handoffId}`;
export const writebackJobId = (handoffId: string): string => `writeback-${handoffId}`;
