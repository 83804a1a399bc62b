/**
 * Builds a running worker from the runtime config and a connector: loads the
 * policy and mappings, the AI provider and budgets, and wires the flow's ports
 * to the real modules. The `worker` and `start` commands and the integration
 * tests all start the product through here, so they run the same thing.
 */
import type { Redis } from 'ioredis';
import { createBudget, createProvider, createRedisUsageStore, type Budget, type BudgetState as AiBudgetState, type Provider } from '../ai/index.js';
import type { Connector } from '../connector/connector.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { appNames } from '../domain/app-names.js';
import { describeCause, HandoffError, isHandoffError } from '../errors.js';
import { createAiExecutor } from '../handoff/ai-executor.js';
import type { AuditSetup } from '../handoff/audit-setup.js';
import type { AuditEvent } from '../handoff/audit-event.js';
import type { FaultPoint } from '../handoff/flow-deps.js';
import { writtenByUs } from '../handoff/journal-trust.js';
import { createNotePort } from '../handoff/note-port.js';
import { createPolicyPort } from '../handoff/policy-port.js';
import type { PanelPolicy } from '../handoff/ports.js';
import type { SyncStats } from '../handoff/sync.js';
import { loadConfigBundle, type ConfigBundle } from '../config/config-bundle.js';
import { loadMappings, type MappingSet } from '../mapping/load-mappings.js';
import { loadPolicy, SPECIFIC_PROVIDER_KINDS, type BudgetState, type ProviderKind } from '../policy/index.js';
import type { Logger } from '../util/log.js';
import { createLiveConfig } from './live-config.js';
import { createRedis } from './redis-connection.js';
import { createReloader, type ReloadOutcome, type ReloadTrigger } from './reloader.js';
import { createReloadState, type ReloadState } from './reload-state.js';
import { startWorkerRuntime, type RunningWorker } from './worker-runtime.js';

export interface WorkerWiringOptions {
  readonly config: RuntimeConfig;
  readonly connector: Connector;
  readonly redisUrl: string;
  /** user_name of the integration user (SN_USERNAME, or SN_INTEGRATION_USER for token auth). */
  readonly integrationUser: string;
  readonly log: Logger;
  /** Overrides config.worker.syncIntervalMs (SYNC_INTERVAL_MS). */
  readonly syncIntervalMs?: number;
  /** Overrides config.worker.prefix (AI_HANDOFF_PREFIX). */
  readonly prefix?: string;
  /** Environment for provider secrets; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
  readonly fault?: (point: FaultPoint) => void | Promise<void>;
  readonly onSync?: (stats: SyncStats) => void;
  /** After each page of a sync pass (the first sync's progress line on a terminal). */
  readonly onSyncPage?: (stats: SyncStats) => void;
  /** Told of every audit event this process appends (src/ops metrics). */
  readonly onAudit?: (event: AuditEvent) => void;
  /** A provider instead of the configured one (tests: the obedient stand-in model). */
  readonly provider?: Provider;
  /** Listen for the app's doorbell (AI_HANDOFF_DOORBELL; port 0 picks one). */
  readonly doorbell?: { readonly host: string; readonly port: number; readonly token?: string };
  /** The audit key, folder and checkpoint sinks (src/handoff/audit-setup.ts); the config's `audit` section says how often. */
  readonly audit: AuditSetup;
  /** Where a reload reads the config again (the file `config` came from), and the environment's overrides to apply to it; without it a reload is refused. */
  readonly reloadFrom?: { readonly file: string; readonly adjust?: (config: RuntimeConfig) => RuntimeConfig };
}

export interface WiredWorker extends RunningWorker {
  /** The current policy (it follows reloads). */
  readonly policy: PanelPolicy;
  readonly prefix: string;
  /** Reads the config file, policy and mappings again; a bad file keeps the running ones (src/queue/reloader.ts). */
  reload(trigger: ReloadTrigger): Promise<ReloadOutcome>;
  /** What the worker runs and how the last reload went (readiness, /metrics). */
  readonly reloads: Pick<ReloadState, 'snapshot'>;
  /** The current mappings (they follow reloads). */
  readonly mappings: MappingSet;
}

/**
 * Reads the budget state of every group that spent anything this period,
 * whatever caps it (its own or `ai.budgets.default`), keyed as its usage is
 * recorded (budgetGroupKey: the name, else the sys_id), which the policy
 * context matches against each ticket's owning group. `ok` groups are left out.
 */
export function budgetStates(budget: Budget): () => Promise<Record<string, BudgetState>> {
  return async () => {
    const out: Record<string, BudgetState> = {};
    for (const status of await budget.statuses()) {
      const state: AiBudgetState = status.state;
      if (state !== 'ok') out[status.group] = state;
    }
    return out;
  };
}

/** The policy port as the worker builds it, for commands that decide panels without running a worker (report). */
export function policyPortFor(config: RuntimeConfig, redis: Redis, prefix: string): PanelPolicy {
  const budget = createBudget({ store: createRedisUsageStore(redis, { prefix }), config: config.ai });
  return createPolicyPort({ policy: loadPolicy(config.paths.policy), config, providerKind: config.ai.provider.kind, budgets: budgetStates(budget), mappings: loadMappings(config.paths.mappings) });
}

/**
 * The kind policy decides a provider passed in by: a real provider's name is
 * its config kind; any other external one (the obedient stand-in) has no key
 * of its own, so the generic `external` allowance applies to it.
 */
export function policyKindOf(provider: Provider): ProviderKind {
  if (provider.kind === 'builtin') return 'builtin';
  return (SPECIFIC_PROVIDER_KINDS as readonly string[]).includes(provider.name) ? (provider.name as ProviderKind) : 'external';
}

/**
 * One poll of the app's request table at start: an instance without the app
 * (or with it under another scope) answers `Invalid table`, and the worker
 * would otherwise poll a table that is not there every few seconds. Any other
 * failure is the intake's to retry.
 */
async function checkAppInstalled(connector: Connector, scope: string, log: Logger): Promise<void> {
  try {
    await connector.pendingRows('request');
  } catch (error) {
    if (isHandoffError(error, 'SN_BAD_REQUEST')) {
      throw new HandoffError('CONFIG_INVALID', `the instance has no table ${appNames(scope).tables.request}: the AI Handoff app is not installed in scope ${scope}`, {
        remedy: 'install the app (docs/servicenow-app.md), or set SN_APP_SCOPE (app.scope) to the scope it was built with',
      });
    }
    log.warn('the first poll of the request table failed; the intake tries again', { error: describeCause(error) });
  }
}

export async function startWiredWorker(options: WorkerWiringOptions): Promise<WiredWorker> {
  const { config, connector, log } = options;
  const policy = loadPolicy(config.paths.policy);
  const initial: ConfigBundle = { file: options.reloadFrom?.file ?? '(given in code)', config, policy, mappings: loadMappings(config.paths.mappings) };
  const prefix = options.prefix ?? config.worker.prefix;
  const provider = options.provider ?? createProvider(config.ai.provider, { ...(options.env ? { env: options.env } : {}), log });

  // Auto-pipelined, as the flow's connection is: a usage update is one small script call, and a write of its own per call cost more than the script.
  const budgetRedis = createRedis(options.redisUrl, 'store', { enableAutoPipelining: true });
  const budget = createBudget({ store: createRedisUsageStore(budgetRedis, { prefix }), config: config.ai });
  const budgets = budgetStates(budget);

  const providerKind = options.provider === undefined ? config.ai.provider.kind : policyKindOf(options.provider);
  // The operations' titles, kept current with the policy a reload brings (the executor and the notes read them).
  const titles = new Map<string, string>();
  const live = createLiveConfig(initial, (bundle) => {
    const port = createPolicyPort({ policy: bundle.policy, config: bundle.config, providerKind, budgets, mappings: bundle.mappings, ...(options.now ? { now: options.now } : {}) });
    titles.clear();
    for (const op of bundle.policy.operations) titles.set(op.id, op.title);
    return port;
  });
  const { policy: panelPolicy, mappings } = live;
  const integration = await connector.user({ userName: options.integrationUser });
  await checkAppInstalled(connector, config.app.scope, log);
  const settings = {
    reviewWindowMs: config.worker.reviewWindowHours * 3_600_000,
    writeLeaseMs: config.worker.lockDurationMs,
    integrationUser: options.integrationUser,
    ...(integration ? { integrationUserDisplayName: integration.name } : {}),
  };
  const executor = createAiExecutor({ connector, provider, config: config.ai, budget, log, titles, ours: (entry) => writtenByUs({ settings }, entry) });
  const notes = createNotePort({ allowedHosts: config.ai.links.allowedHosts, reviewWindowHours: config.worker.reviewWindowHours, titles });

  const running = await startWorkerRuntime({
    redisUrl: options.redisUrl,
    prefix,
    mappings,
    ...(config.worker.tables ? { tables: config.worker.tables } : {}),
    connector,
    policy: panelPolicy,
    executor,
    notes,
    settings,
    app: appNames(config.app.scope),
    syncIntervalMs: options.syncIntervalMs ?? config.worker.syncIntervalMs,
    intake: config.worker.intake,
    userCacheMs: config.worker.userCacheMs,
    ticketFreshMs: config.worker.ticketFreshMs,
    ...(options.doorbell ? { doorbell: options.doorbell } : {}),
    concurrency: config.worker.concurrency,
    redisSafety: config.worker.redis,
    redisRecheckMs: config.worker.redis.recheckEveryMs,
    redisCheckMs: config.ops.checkEveryMs,
    lockDurationMs: config.worker.lockDurationMs,
    stuckAfterMs: config.worker.stuckAfterMs,
    maintenanceEveryMs: config.worker.maintenanceEveryMs,
    audit: { ...options.audit, ...(config.audit.ledger === undefined ? {} : { name: config.audit.ledger }) },
    auditUpkeep: { checkpointEveryMs: config.audit.checkpointEveryMs, hotMs: config.audit.retention.hotDays * 86_400_000, segmentMaxEvents: config.audit.retention.segmentMaxEvents },
    log,
    ...(options.now ? { now: options.now } : {}),
    ...(options.fault ? { fault: options.fault } : {}),
    ...(options.onSync ? { onSync: options.onSync } : {}),
    ...(options.onSyncPage ? { onSyncPage: options.onSyncPage } : {}),
    ...(options.onAudit ? { onAudit: options.onAudit } : {}),
  });
  const now = options.now ?? (() => new Date());
  const reloads = createReloadState({ file: initial.file, policyVersion: policy.version }, now());
  const reloadFrom = options.reloadFrom;
  const reloader = createReloader({
    load: () => {
      if (!reloadFrom) throw new HandoffError('CONFIG_INVALID', 'this worker was given its config in code, not from a file: there is nothing to read again', { remedy: 'restart the worker to change its configuration' });
      // The mappings' AI fields must stay the running app scope's: the connector writes that scope's fields until a restart.
      return loadConfigBundle(reloadFrom.file, { ...(reloadFrom.adjust ? { adjust: reloadFrom.adjust } : {}), scope: config.app.scope });
    },
    live,
    ledger: running.ledger,
    state: reloads,
    syncTables: (tables) => running.syncTables(tables),
    log,
    now,
  });
  return {
    ...running,
    policy: panelPolicy,
    prefix,
    reload: (trigger) => reloader.reload(trigger),
    reloads,
    mappings,
    async close(deadlineMs) {
      await running.close(deadlineMs);
      await budgetRedis.quit().catch(() => budgetRedis.disconnect());
    },
  };
}
