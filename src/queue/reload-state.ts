/**
 * What the worker knows of its configuration: what it runs (policy version,
 * config file, since when) and how the last reload went. The reloader
 * (reloader.ts) writes it; readiness and /metrics (src/ops) read it, so a
 * refused reload is visible there while the previous configuration keeps
 * running. Nothing here does I/O.
 */

export interface ReloadProblem {
  readonly code: string;
  /** Names the file and the key (the loaders' message). */
  readonly message: string;
  readonly remedy: string | null;
}

export interface ReloadAttempt {
  /** ISO 8601. */
  readonly at: string;
  /** What asked for it: SIGHUP, a file change. */
  readonly trigger: string;
  readonly ok: boolean;
  /** Why it was refused; null when applied. */
  readonly problem: ReloadProblem | null;
}

export interface ConfigSnapshot {
  /** The runtime config file the worker runs. */
  readonly file: string;
  /** The policy version it runs. */
  readonly policyVersion: string;
  /** When the running configuration was loaded (ISO 8601): the start, or the last applied reload. */
  readonly loadedAt: string;
  /** The last reload asked for; null when none was. */
  readonly lastAttempt: ReloadAttempt | null;
  readonly applied: number;
  readonly refused: number;
}

export interface ReloadState {
  snapshot(): ConfigSnapshot;
  applied(at: Date, trigger: string, running: { readonly file: string; readonly policyVersion: string }): void;
  refused(at: Date, trigger: string, problem: ReloadProblem): void;
}

export function createReloadState(running: { readonly file: string; readonly policyVersion: string }, at: Date): ReloadState {
  let state: ConfigSnapshot = Object.freeze({ ...running, loadedAt: at.toISOString(), lastAttempt: null, applied: 0, refused: 0 });
  return {
    snapshot: () => state,
    applied(when, trigger, next) {
      const iso = when.toISOString();
      state = Object.freeze({ ...state, ...next, loadedAt: iso, lastAttempt: { at: iso, trigger, ok: true, problem: null }, applied: state.applied + 1 });
    },
    refused(when, trigger, problem) {
      state = Object.freeze({ ...state, lastAttempt: { at: when.toISOString(), trigger, ok: false, problem }, refused: state.refused + 1 });
    },
  };
}
