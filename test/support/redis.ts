import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/** The URL of the test run's Redis (test/support/global-setup.ts). */
export function redisUrl(): string {
  return inject('redisUrl');
}

/** A fresh key prefix per test, so tests never see each other's queues or keys. */
export function testPrefix(name: string): string {
  return `t-${name}-${randomBytes(4).toString('hex')}`;
}
