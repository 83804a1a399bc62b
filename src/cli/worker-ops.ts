/**
 * Operations around a worker as `worker` and `start` run it (src/ops): the
 * ops runtime created before the worker (its hooks go into the wiring and
 * the connector), attached after it, and the process kept until a signal
 * stops it or a dependency has been away longer than ops.giveUpAfterMs.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceNowConnector } from '../../connectors/servicenow/servicenow-connector.js';
import { HandoffError } from '../errors.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import type { OpsRuntime } from '../ops/ops-runtime.js';
import type { WiredWorker } from '../queue/wiring.js';
import type { Logger } from '../util/log.js';
import { stopOnSignals } from './commands/worker.js';
import { startReloadTriggers } from './reload-triggers.js';

/** Longest a stop may take before the process ends anyway, in ms (systemd's default TimeoutStopSec is 90 s). */
const STOP_BOUND_MS = 20_000;

/** Starts the watchdog and the endpoints for a started worker. */
export async function attachOps(ops: OpsRuntime, worker: WiredWorker, connector: ServiceNowConnector, integrationUser: string): Promise<void> {
  await ops.attach({ queues: worker.queues, policy: worker.policy, connector, probe: () => connector.user({ userName: integrationUser }), health: worker.health, ledger: worker.ledger, reloads: worker.reloads, mappings: worker.mappings });
}

/** Reloads on SIGHUP, and on file changes when worker.reload.watch is on (the config file and the folders it names at start); returns the function that stops listening. */
export function reloadTriggersFor(worker: WiredWorker, config: RuntimeConfig, file: string, log: Logger): () => void {
  const { watch, settleMs } = config.worker.reload;
  return startReloadTriggers({ reload: (trigger) => worker.reload(trigger), log, ...(watch ? { watch: { paths: [file, config.paths.policy, config.paths.mappings], settleMs } } : {}) });
}

/**
 * Waits for SIGTERM/SIGINT, then `stop`; or, when ops gives up on a
 * dependency, stops and throws its error, which the command line prints as
 * its one line and exits non-zero. A stop that cannot finish (Redis away:
 * closing its connections waits for it) is given STOP_BOUND_MS, then the
 * process ends with a line saying so; nothing is lost, since a job whose
 * worker vanished is taken over once its lock lapses.
 */
export async function superviseWorker(ops: OpsRuntime, stop: () => Promise<void>, log: Logger): Promise<void> {
  let finished = true;
  const boundedStop = async (): Promise<void> => {
    const stopAll = stop().then(() => ops.close());
    finished = await Promise.race([stopAll.then(() => true), sleep(STOP_BOUND_MS, false, { ref: false })]);
    stopAll.catch((error: unknown) => log.error('shutdown failed', { error }));
  };
  const outcome = await Promise.race([stopOnSignals(boundedStop, log).then(() => null), ops.gaveUp]);
  if (outcome !== null) {
    await boundedStop().catch(() => undefined);
    throw outcome;
  }
  if (!finished) {
    const redisAway = ops.health.snapshot().redis.state === 'unreachable';
    throw new HandoffError(redisAway ? 'REDIS_UNAVAILABLE' : 'SN_UNAVAILABLE', `the worker did not close its connections within ${STOP_BOUND_MS / 1000} s (${redisAway ? 'Redis is not answering' : 'a call did not end'}); exiting anyway`, {
      retryable: false,
      remedy: 'nothing is lost: the jobs it held are taken over by the next worker once their locks lapse (worker.lockDurationMs)',
    });
  }
}
