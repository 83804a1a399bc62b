import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { HandoffError } from '../../src/errors.js';
import { BACKOFF_CAP_MS, backoffStrategy, toJobFailure } from '../../src/queue/job-errors.js';

describe('job error mapping', () => {
  it('fails non-retryable errors at once and keeps retryable ones', () => {
    expect(toJobFailure(new HandoffError('SN_FORBIDDEN', 'ACL'))).toBeInstanceOf(UnrecoverableError);
    expect(toJobFailure(new HandoffError('WRITE_FORBIDDEN_FIELD', 'state'))).toBeInstanceOf(UnrecoverableError);
    const retry = new HandoffError('SN_UNAVAILABLE', '503');
    expect(toJobFailure(retry)).toBe(retry);
    expect(toJobFailure(new TypeError('x'))).not.toBeInstanceOf(UnrecoverableError);
  });

  it('honours the server hint, else backs off exponentially with full jitter under a cap', () => {
    expect(backoffStrategy(1, 'handoff', new HandoffError('SN_RATE_LIMITED', '429', { retryAfterMs: 7_000 }))).toBe(7_000);
    expect(backoffStrategy(1, 'handoff', new Error('x'), () => 1)).toBe(1_000);
    expect(backoffStrategy(3, 'handoff', new Error('x'), () => 1)).toBe(4_000);
    expect(backoffStrategy(30, 'handoff', new Error('x'), () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffStrategy(3, 'handoff', new Error('x'), () => 0)).toBe(0);
  });
});
