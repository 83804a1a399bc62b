/**
 * What asks a running worker to reload (src/queue/reloader.ts): SIGHUP, and,
 * when `worker.reload.watch` is on, a change to the config file or to a file
 * in the policy or mappings folder. Node does not tell a process who sent it
 * a signal (libuv hands the handler the signal number only), so the audit
 * names what the platform does guarantee: kill(2) lets only a process of the
 * same user, or a privileged one, signal this process.
 */
import { watch, type FSWatcher } from 'node:fs';
import { userInfo } from 'node:os';
import type { ReloadOutcome, ReloadTrigger } from '../queue/reloader.js';
import type { Logger } from '../util/log.js';

export interface ReloadTriggerOptions {
  readonly reload: (trigger: ReloadTrigger) => Promise<ReloadOutcome>;
  readonly log: Logger;
  /** Watch these files and folders too (worker.reload.watch); default none. */
  readonly watch?: { readonly paths: readonly string[]; readonly settleMs: number };
}

/** The SIGHUP trigger: the sender is this process's OS user or root; its pid is not visible. */
export function signalTrigger(): ReloadTrigger {
  const me = userInfo();
  return {
    via: 'SIGHUP',
    by: `os:${me.username}`,
    sender: { osUser: me.username, uid: me.uid, pid: null, receiverPid: process.pid, rule: 'kill(2): only this OS user or root may signal this process' },
  };
}

/** Starts listening; returns the function that stops. */
export function startReloadTriggers(options: ReloadTriggerOptions): () => void {
  const { log } = options;
  const run = (trigger: ReloadTrigger): void => {
    void options.reload(trigger).catch((error: unknown) => log.error('reload failed', { error }));
  };
  const onHup = (): void => run(signalTrigger());
  process.on('SIGHUP', onHup);
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  if (options.watch) {
    const { settleMs } = options.watch;
    for (const path of options.watch.paths) {
      try {
        const watcher = watch(path, { persistent: false }, (_event, name) => {
          clearTimeout(timer);
          const changed = name ? `${path}/${name}` : path;
          timer = setTimeout(() => run({ via: 'file-change', by: 'file-change', sender: { path: changed } }), settleMs);
        });
        watcher.on('error', (error) => log.warn('cannot watch for changes; SIGHUP still reloads', { path, error }));
        watchers.push(watcher);
      } catch (error) {
        log.warn('cannot watch for changes; SIGHUP still reloads', { path, error });
      }
    }
    log.info('reloading on file changes', { paths: options.watch.paths.join(', ') });
  }
  return () => {
    process.off('SIGHUP', onHup);
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
