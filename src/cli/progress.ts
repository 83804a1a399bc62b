/**
 * A progress line for long command-line work (start-up checks, `audit
 * verify` over a long ledger, `mappings check`, a first sync): rewritten in
 * place on a terminal, and nothing at all when the stream is not one (a
 * pipe, a log file, a service manager's journal), so logs stay clean.
 */

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** Shows `line` in place of the previous one (at most every `minIntervalMs`, except the first). */
  update(line: string): void;
  /** Clears the line. */
  done(): void;
}

export function createProgress(stream: ProgressStream, options: { readonly minIntervalMs?: number; readonly now?: () => number } = {}): Progress {
  if (stream.isTTY !== true) return { update: () => undefined, done: () => undefined };
  const now = options.now ?? Date.now;
  const minIntervalMs = options.minIntervalMs ?? 100;
  let shown = false;
  let last = 0;
  return {
    update(line) {
      const at = now();
      if (shown && at - last < minIntervalMs) return;
      last = at;
      shown = true;
      // \r back to the start, ESC[K erase to the end of the line (ECMA-48 EL).
      stream.write(`\r\x1b[K${line}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
