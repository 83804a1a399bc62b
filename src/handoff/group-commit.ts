/**
 * Group commit: callers submit items one at a time; while one batch is being
 * committed, new items wait and then go together in the next batch. Used
 * where every commit must be serialised (the audit chain: each event names
 * the hash of the one before), so that concurrent jobs cost one round trip
 * per batch instead of racing for the same head and retrying. Items
 * submitted in the same turn (a flow step's events) go in one batch too.
 */

export type Submit<I, O> = (item: I) => Promise<O>;

interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * `commit` receives the items of one batch in submission order and returns
 * one result per item, in the same order; if it throws, every item of that
 * batch fails with the error (later batches still run).
 */
export function createGroupCommit<I, O>(commit: (items: readonly I[]) => Promise<readonly O[]>, maxBatch: number): Submit<I, O> {
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  let queue: Waiting<I, O>[] = [];
  let running = false;

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await commit(batch.map((w) => w.item));
        if (results.length !== batch.length) throw new Error(`group commit returned ${results.length} results for ${batch.length} items`);
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    running = false;
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) {
        running = true;
        // After the current microtasks: items submitted together (a step's events, Promise.all) share the first batch.
        queueMicrotask(() => void drain());
      }
    });
}
