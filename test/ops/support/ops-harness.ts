/**
 * The flow harness (sandbox, real Redis, the wired worker) with operations
 * attached as `worker` and `start` attach them: the ops runtime's hooks in
 * the wiring and the connector's transport, and its HTTP endpoints on a free
 * loopback port.
 */
import { createServiceNowConnector, type ServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { parseServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import { attachOps } from '../../../src/cli/worker-ops.js';
import type { RuntimeConfig } from '../../../src/config/runtime-config.js';
import type { HandoffTracing } from '../../../src/ops/handoff-traces.js';
import { createOpsRuntime, type OpsRuntime } from '../../../src/ops/ops-runtime.js';
import { startWiredWorker, type WiredWorker } from '../../../src/queue/wiring.js';
import { silentLogger } from '../../../src/util/log.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { redisUrl as sharedRedisUrl } from '../../support/redis.js';
import { testAuditSetup } from '../../support/audit.js';

export interface OpsHarness {
  readonly h: FlowHarness;
  readonly ops: OpsRuntime;
  readonly worker: WiredWorker;
  readonly connector: ServiceNowConnector;
  readonly config: RuntimeConfig;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; text: string; headers: Headers }>;
  close(): Promise<void>;
}

export interface OpsHarnessOptions {
  readonly config?: (config: RuntimeConfig) => RuntimeConfig;
  readonly token?: string;
  readonly redisUrl?: string;
  readonly syncIntervalMs?: number;
  readonly tracing?: HandoffTracing;
}

export async function startOpsHarness(options: OpsHarnessOptions = {}): Promise<OpsHarness> {
  const redisUrl = options.redisUrl ?? sharedRedisUrl();
  const h = await startFlowHarness({ noWorker: true, redisUrl });
  const config = options.config ? options.config(h.config) : h.config;
  const ops = createOpsRuntime({ config, redisUrl, prefix: h.prefix, instanceId: h.connector.instanceId, http: { host: '127.0.0.1', port: 0, token: options.token ?? null }, log: silentLogger, tracing: options.tracing ?? null });
  const connector = createServiceNowConnector({
    config: parseServiceNowConfig({ instanceUrl: h.sandbox.url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } }),
    log: silentLogger,
    observe: ops.observeInstanceCall,
  });
  const worker = await startWiredWorker({ ...ops.hooks, config, connector, audit: testAuditSetup(), redisUrl, integrationUser: INTEGRATION_USER, log: silentLogger, syncIntervalMs: options.syncIntervalMs ?? 250, prefix: h.prefix });
  await attachOps(ops, worker, connector, INTEGRATION_USER);
  const url = ops.url!;
  return {
    h,
    ops,
    worker,
    connector,
    config,
    url,
    async get(path, headers = {}) {
      const res = await fetch(`${url}${path}`, { headers });
      return { status: res.status, text: await res.text(), headers: res.headers };
    },
    async close() {
      await ops.close();
      await worker.close(5_000);
      connector.close();
      await h.close();
    },
  };
}
