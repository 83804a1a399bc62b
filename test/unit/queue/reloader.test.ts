import { describe, expect, it } from 'vitest';
import { bundleOf, type ConfigBundle } from '../../../src/config/config-bundle.js';
import { loadRuntimeConfig, SANDBOX_CONFIG_FILE } from '../../../src/config/load-runtime-config.js';
import type { RuntimeConfig } from '../../../src/config/runtime-config.js';
import type { AuditEventInput } from '../../../src/handoff/audit-event.js';
import { createPolicyPort } from '../../../src/handoff/policy-port.js';
import type { PanelPolicy } from '../../../src/handoff/ports.js';
import { createLiveConfig } from '../../../src/queue/live-config.js';
import { changesOf, createReloader } from '../../../src/queue/reloader.js';
import { createReloadState } from '../../../src/queue/reload-state.js';
import { silentLogger } from '../../../src/util/log.js';

const base = loadRuntimeConfig({ file: SANDBOX_CONFIG_FILE });
const bundle = (change: (c: RuntimeConfig) => RuntimeConfig = (c) => c): ConfigBundle => bundleOf(base.file, change(base.config));
const port = (b: ConfigBundle): PanelPolicy => createPolicyPort({ policy: b.policy, config: b.config, providerKind: 'builtin', mappings: b.mappings });

describe('what a reload changes', () => {
  it('names the keys read only at start that differ, two levels deep, and nothing for the swapped sections', () => {
    const next = bundle((c) => ({ ...c, worker: { ...c.worker, concurrency: { ...c.worker.concurrency, execute: 2 } }, groups: { ...c.groups, Extra: { enabled: true, tier: 'assist' } }, switches: { ...c.switches, ai: false } }));
    const changes = changesOf(bundle(), next);
    expect(changes).toEqual({ policy: null, tables: { added: [], removed: [], changed: [] }, switches: true, groups: true, restartNeeded: ['worker.concurrency'] });
  });

  it('refuses without swapping when the load throws, and runs reloads one at a time', async () => {
    const start = bundle();
    const live = createLiveConfig(start, port);
    const state = createReloadState({ file: start.file, policyVersion: start.policy.version }, new Date(0));
    const events: AuditEventInput[] = [];
    let calls = 0;
    const reloader = createReloader({
      load: () => {
        calls++;
        if (calls === 2) throw new Error('disk on fire');
        return bundle((c) => ({ ...c, ai: { ...c.ai, maxOutputTokens: 123 } as unknown as RuntimeConfig['ai'] }));
      },
      live,
      ledger: { append: (e) => Promise.resolve(events.push(e)).then(() => ({}) as never) },
      state,
      log: silentLogger,
    });
    const outcomes = await Promise.all([1, 2, 3].map(() => reloader.reload({ via: 'test', by: 'os:me' })));
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toEqual({ ok: false, problem: { code: 'INTERNAL', message: 'disk on fire', remedy: null } });
    expect(outcomes[0]).toMatchObject({ ok: true, changes: { restartNeeded: ['ai.maxOutputTokens'] } });
    expect(events.map((e) => e.type)).toEqual(['reload', 'reload']);
    expect(state.snapshot()).toMatchObject({ applied: 2, refused: 1, lastAttempt: { ok: true } });
    expect(live.policy.lastReload?.()).toMatchObject({ policyVersion: start.policy.version });
  });
});
