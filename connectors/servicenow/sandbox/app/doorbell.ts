/**
 * The app's after-insert rule on its request and review tables
 * (docs/contract.md, "The doorbell"): when a row is created it posts
 * `{"table", "sys_id"}` to the configured URL (the app's system property
 * `S.doorbell_url`), with `X-AIH-Doorbell: <token>` when a token is set.
 * Asynchronous and best effort, as `RESTMessageV2.executeAsync` is: the
 * insert never waits for it and never fails because of it.
 */
import { z } from 'zod';
import { describeCause } from '../../../../src/errors.js';
import type { Logger } from '../../../../src/util/log.js';

export const DoorbellConfig = z.strictObject({
  /** Where to ring: an http(s) URL. */
  url: z.url({ protocol: /^https?$/, error: 'url must be an http or https URL' }),
  /** Sent as X-AIH-Doorbell when set. */
  token: z.string().min(1).max(200).optional(),
});
export type DoorbellConfig = z.infer<typeof DoorbellConfig>;

/** The header the ring carries its token in. */
export const DOORBELL_HEADER = 'X-AIH-Doorbell';
/** How long one ring may take before it is abandoned, in ms. */
const RING_TIMEOUT_MS = 3_000;

export interface Doorbell {
  set(config: DoorbellConfig | null): void;
  config(): DoorbellConfig | null;
  /** Rings for a new row, after the current request is answered; never throws. */
  ring(table: string, sysId: string): void;
  /** Rings sent, and those that failed (no answer, or not 2xx). */
  readonly stats: { readonly sent: number; readonly failed: number };
}

export function createDoorbell(log: Logger, initial: DoorbellConfig | null = null): Doorbell {
  let current = initial === null ? null : DoorbellConfig.parse(initial);
  const stats = { sent: 0, failed: 0 };
  return {
    set(config) {
      current = config === null ? null : DoorbellConfig.parse(config);
    },
    config: () => current,
    ring(table, sysId) {
      const target = current;
      if (target === null) return;
      setImmediate(() => {
        stats.sent++;
        fetch(target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(target.token === undefined ? {} : { [DOORBELL_HEADER]: target.token }) },
          body: JSON.stringify({ table, sys_id: sysId }),
          signal: AbortSignal.timeout(RING_TIMEOUT_MS),
        })
          .then(async (res) => {
            await res.arrayBuffer();
            if (!res.ok) throw new Error(`the doorbell answered ${res.status}`);
          })
          .catch((error: unknown) => {
            stats.failed++;
            log.warn('sandbox: doorbell ring failed', { table, error: describeCause(error) });
          });
      });
    },
    stats,
  };
}
