/**
 * The worker's young generation (V8's semi-space). A hand-off keeps tens of
 * KB of parsed answers alive while it waits on the instance and Redis, and
 * with V8's default semi-space (16 MB) every scavenge copied that in-flight
 * data again: at 32 hand-offs in flight, scavenges took about 0.8 ms of the
 * worker's CPU per hand-off, and 0.4 ms with 64 MB (issue 13,
 * docs/performance.md). V8 sizes it when the process starts, so it is a
 * flag of the `node` command, not a setting the worker can change: the
 * shipped launchers pass it (`npm start`, the image's and the systemd unit's
 * `NODE_OPTIONS`), and the worker says at start whether it has it.
 */

/** The flag the shipped launchers start the worker with. */
export const SEMI_SPACE_FLAG = '--max-semi-space-size=64';

/** The semi-space the process was started with, in MB, from its flags or NODE_OPTIONS; 'default' when neither sets it. */
export function semiSpaceSetting(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): number | 'default' {
  // Node reads NODE_OPTIONS before the command line's flags: the command line's last one wins.
  const flags = [...(nodeOptions ?? '').split(/\s+/), ...execArgv];
  let found: number | 'default' = 'default';
  for (const flag of flags) {
    const m = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(flag);
    if (m !== null) found = Number(m[1]);
  }
  return found;
}
