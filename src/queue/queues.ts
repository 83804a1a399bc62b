/**
 * The queues and their job options. Job ids come from business keys, so a
 * repeated add is ignored by BullMQ while the job is kept; completed jobs are
 * kept for a day to cover that window (../shared/reference/bullmq-redis.md,
 * "Job ids and deduplication"). Ids never contain ':'.
 */
import type { JobsOptions } from 'bullmq';
import type { RawRecord } from '../connector/connector.js';
import { digestOf } from '../util/canonical-json.js';
import { HANDOFF_BACKOFF } from './job-errors.js';

export const QUEUE_NAMES = {
  sync: 'sync',
  intake: 'intake',
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

/** Attempts per queue: intake waits out audit lag; write-back outlasts an instance outage. */
export const JOB_OPTIONS = {
  sync: { ...options(1), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  intake: options(8),
  execute: options(5),
  writeback: options(12),
  maintenance: { ...options(1), removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
} satisfies Record<QueueName, JobsOptions>;

export interface IntakeJob {
  readonly kind: 'pickup' | 'review';
  readonly table: string;
  readonly sysId: string;
}

export interface HandoffJob {
  readonly table: string;
  readonly handoffId: string;
}

export interface SyncJob {
  readonly table: string;
}

/**
 * One intake job per change of the ticket: the same request seen twice (a
 * redelivery, a re-pull of the same version) is one job, while the same value
 * set again later is a new one. `sys_mod_count` rises on every update, even
 * two within one second of `sys_updated_on`.
 */
export function intakeJobId(kind: IntakeJob['kind'], table: string, record: RawRecord, field: string): string {
  const version = record.sys_mod_count ?? (record.sys_updated_on ?? '').replace(/\D/g, '');
  return `${kind}-${table}-${record.sys_id ?? ''}-${version}-${digestOf(record[field] ?? '').slice(0, 12)}`;
}

export const executeJobId = (handoffId: string): string => `execute-${handoffId}`;
export const writebackJobId = (handoffId: string): string => `writeback-${handoffId}`;
