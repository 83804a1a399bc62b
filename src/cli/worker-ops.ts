/**
 * Operations around a worker as `worker` and `start` run it (src/ops): the
 * ops runtime created before the worker (its hooks go into the wiring and
 * the connector), attached after it, and the process kept until a signal
 * stops it or a dependency has been away longer than ops.giveUpAfterMs.
 */
import type { ServiceNowConnector } from '../../connectors/servicenow/servicenow-connector.js';
import type { HandoffError } from '../errors.js';
import type { OpsRuntime } from '../ops/ops-runtime.js';
import type { WiredWorker } from '../queue/wiring.js';
import type { Logger } from '../util/log.js';
import { stopOnSignals } from './commands/worker.js';

/** Longest a stop may take before the process ends anyway, in ms. */
const STOP_BOUND_MS = 20_000;

/** Starts the watchdog and the endpoints for a started worker. */
export async function attachOps(ops: OpsRuntime, worker: WiredWorker, connector: ServiceNowConnector, integrationUser: string): Promise<void> {
  await ops.attach({ queues: worker.queues, policy: worker.policy, connector, probe: () => connector.user({ userName: integrationUser }) });
}

/**
 * Waits for SIGTERM/SIGINT, then `stop`; or, when ops gives up on a
 * dependency, stops (bounded) and throws its error, which the command line
 * prints as its one line and exits non-zero.
 */
export async function superviseWorker(ops: OpsRuntime, stop: () => Promise<void>, log: Logger): Promise<void> {
  const stopAll = async (): Promise<void> => {
    await stop();
    await ops.close();
  };
  const outcome = await Promise.race([stopOnSignals(stopAll, log).then(() => null), ops.gaveUp]);
  if (outcome === null) return;
  const error: HandoffError = outcome;
  await Promise.race([stopAll().catch(() => undefined), new Promise((r) => setTimeout(r, STOP_BOUND_MS).unref())]);
  throw error;
}
