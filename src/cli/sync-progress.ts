/**
 * The full sync's progress line (issue 14): a full pass (the first one, or
 * one after the policy context changed) reads every active ticket, which
 * takes minutes on an instance with 100,000; on a terminal the worker shows
 * how far each table has got, and clears the line when the pass ends. Later passes read only what changed and show nothing;
 * off a terminal nothing is shown at all (createProgress).
 */
import type { SyncStats } from '../handoff/sync.js';
import { createProgress, type ProgressStream } from './progress.js';

export interface SyncProgress {
  /** Pass as the worker's `onSyncPage`. */
  page(stats: SyncStats): void;
  /** Call from the worker's `onSync` (a pass ended). */
  passEnded(stats: SyncStats): void;
}

export function createSyncProgress(stream: ProgressStream, options: { readonly now?: () => number } = {}): SyncProgress {
  const progress = createProgress(stream, options);
  const reading = new Map<string, SyncStats>();
  const show = (): void => {
    const parts = [...reading.values()].map((s) => `${s.table} ${s.pulled.toLocaleString('en-US')} tickets (${s.pages} ${s.pages === 1 ? 'page' : 'pages'})`);
    if (parts.length === 0) progress.done();
    else progress.update(`full sync: ${parts.join(', ')}`);
  };
  return {
    page(stats) {
      if (!stats.fullResync) return;
      reading.set(stats.table, stats);
      show();
    },
    passEnded(stats) {
      if (!reading.delete(stats.table)) return;
      show();
    },
  };
}

/** The ops runtime's hooks with the full sync's progress line added (what `worker` and `start` pass to the wiring). */
export function withSyncProgress<H extends { readonly onSync: (stats: SyncStats) => void }>(hooks: H, stream: ProgressStream): H & { readonly onSyncPage: (stats: SyncStats) => void } {
  const progress = createSyncProgress(stream);
  return {
    ...hooks,
    onSync: (stats: SyncStats) => {
      hooks.onSync(stats);
      progress.passEnded(stats);
    },
    onSyncPage: (stats: SyncStats) => progress.page(stats),
  };
}
