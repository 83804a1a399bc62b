/**
 * Fault injection for crash tests: when AI_HANDOFF_FAULT names a fault point
 * (src/handoff/flow-deps.ts `FaultPoint`), the process kills itself with
 * SIGKILL when it reaches that point, as a crash or an OOM kill would. Unset in
 * production: the hook then does nothing.
 */
import type { FaultPoint } from '../../handoff/flow-deps.js';
import type { Logger } from '../../util/log.js';

export function faultFromEnv(env: Readonly<Record<string, string | undefined>>, log: Logger): (point: FaultPoint) => void {
  const wanted = env.AI_HANDOFF_FAULT?.trim();
  if (!wanted) return () => undefined;
  log.warn('fault injection armed', { point: wanted });
  return (point) => {
    if (point === wanted) process.kill(process.pid, 'SIGKILL');
  };
}
