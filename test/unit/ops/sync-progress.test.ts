/**
 * The full sync's progress line: shown on a terminal while a full pass reads
 * each table, naming the tables still being read with their counts, cleared
 * when the last one ends; nothing for an incremental pass, nothing off a
 * terminal.
 */
import { describe, expect, it } from 'vitest';
import { createSyncProgress } from '../../../src/cli/sync-progress.js';
import type { SyncStats } from '../../../src/handoff/sync.js';

function stats(table: string, pulled: number, pages: number, fullResync = true): SyncStats {
  return { table, pulled, pages, panelsWritten: 0, inFlight: 0, unreadable: 0, alreadyCurrent: 0, fullResync };
}

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('the full sync progress line', () => {
  it('names each table being read with its tickets and pages, and clears the line when the last pass ends', () => {
    const t = terminal(true);
    let clock = 0;
    const progress = createSyncProgress(t.stream, { now: () => (clock += 1_000) });
    progress.page(stats('incident', 12_000, 24));
    progress.page(stats('sc_request', 500, 1));
    progress.passEnded(stats('incident', 12_400, 25));
    progress.passEnded(stats('sc_request', 500, 1));
    expect(t.written).toEqual([
      '\r\x1b[Kfull sync: incident 12,000 tickets (24 pages)',
      '\r\x1b[Kfull sync: incident 12,000 tickets (24 pages), sc_request 500 tickets (1 page)',
      '\r\x1b[Kfull sync: sc_request 500 tickets (1 page)',
      '\r\x1b[K',
    ]);
  });

  it('shows nothing for an incremental pass, nor off a terminal', () => {
    const tty = terminal(true);
    const quiet = createSyncProgress(tty.stream);
    quiet.page(stats('incident', 3, 1, false));
    quiet.passEnded(stats('incident', 3, 1, false));
    expect(tty.written).toEqual([]);

    const pipe = terminal(false);
    const piped = createSyncProgress(pipe.stream);
    piped.page(stats('incident', 12_000, 24));
    piped.passEnded(stats('incident', 12_000, 24));
    expect(pipe.written).toEqual([]);
  });
});
