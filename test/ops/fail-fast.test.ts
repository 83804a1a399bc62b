/**
 * Issue 14, "Fail fast, exit clearly": `ai-handoff worker` and `start`, run as
 * a user would (child processes), end non-zero within 15 s with one error line
 * naming the cause, the target (host and port, never credentials) and the
 * fix, when Redis is unreachable or unsafe, the instance refuses the
 * credentials or cannot be reached, or a mapping names a field the instance
 * lacks.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, type Sandbox } from '../../connectors/servicenow/sandbox/index.js';
import { loadRuntimeConfig } from '../../src/config/load-runtime-config.js';
import { fromRoot } from '../../src/util/paths.js';
import { auditEnv } from '../support/audit.js';
import { redisUrl } from '../support/redis.js';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { writeConfig } from '../support/worker-process.js';
import { runCliProcess, startCli, type CliExit } from './support/cli-process.js';

const WRONG_PASSWORD = 'not-the-password-7c1e';

/** The one error line (and its fix line) and nothing that looks like a stack trace or a credential. */
function expectOneClearError(exit: CliExit, code: string, target: RegExp): void {
  expect(exit.code, exit.stderr).not.toBe(0);
  expect(exit.code).not.toBeNull();
  expect(exit.ms).toBeLessThan(15_000);
  const errors = exit.stderr.split('\n').filter((line) => line.startsWith('ai-handoff:'));
  expect(errors, exit.stderr).toHaveLength(1);
  expect(errors[0]).toContain(`ai-handoff: ${code}: `);
  expect(errors[0]).toMatch(target);
  expect(exit.stderr).toMatch(/^ {2}fix: \S/m);
  expect(exit.stderr).not.toMatch(/\n\s+at /);
  for (const secret of [WRONG_PASSWORD, INTEGRATION_PASSWORD]) expect(exit.stdout + exit.stderr).not.toContain(secret);
}

describe('ai-handoff worker exits within 15 s with one clear line', () => {
  let sandbox: Sandbox;
  const dirs: string[] = [];
  let config: string;
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    SN_INSTANCE_URL: sandbox.url,
    SN_USERNAME: INTEGRATION_USER,
    SN_PASSWORD: INTEGRATION_PASSWORD,
    REDIS_URL: redisUrl(),
    AI_HANDOFF_PREFIX: `t-failfast-${process.pid}`,
    AI_HANDOFF_CONFIG: config,
    ...auditEnv(),
    ...extra,
  });

  beforeAll(async () => {
    sandbox = await createSandbox({ port: 0 });
    config = writeConfig(loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') }).config);
  });
  afterAll(async () => {
    await sandbox.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('when no audit key is set, before any network check (Redis and the instance both unreachable too)', async () => {
    const [redisPort, instancePort] = [await freePort(), await freePort()];
    const { AI_HANDOFF_AUDIT_KEY: _key, ...withoutKey } = env({ REDIS_URL: `redis://127.0.0.1:${redisPort}`, SN_INSTANCE_URL: `http://127.0.0.1:${instancePort}` });
    const exit = await runCliProcess(['worker'], withoutKey);
    expectOneClearError(exit, 'SECRET_MISSING', /neither AI_HANDOFF_AUDIT_KEY nor AI_HANDOFF_AUDIT_KEY_FILE is set/);
  });

  it('when nothing listens on the Redis port', async () => {
    const port = await freePort();
    const exit = await runCliProcess(['worker'], env({ REDIS_URL: `redis://:${WRONG_PASSWORD}@127.0.0.1:${port}` }));
    expectOneClearError(exit, 'REDIS_UNAVAILABLE', new RegExp(`Redis at 127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
  });

  it('when Redis may evict keys', async () => {
    let unsafe: RedisServer | undefined;
    try {
      unsafe = await startRedisServer({ maxmemoryPolicy: 'allkeys-lru' });
      const exit = await runCliProcess(['worker'], env({ REDIS_URL: unsafe.url }));
      expectOneClearError(exit, 'REDIS_UNSAFE', new RegExp(`Redis at 127\\.0\\.0\\.1:${unsafe.port}: .*allkeys-lru`));
      expect(exit.stderr).toContain('fix: set maxmemory-policy noeviction');
    } finally {
      await unsafe?.stop();
    }
  });

  it('when the instance refuses the credentials', async () => {
    const exit = await runCliProcess(['worker'], env({ SN_PASSWORD: WRONG_PASSWORD }));
    expectOneClearError(exit, 'SN_AUTH_FAILED', new RegExp(`ServiceNow at ${new URL(sandbox.url).host}: the instance refused the credentials of svc\\.aihandoff`));
  });

  it('when the instance cannot be reached', async () => {
    const port = await freePort();
    const exit = await runCliProcess(['worker'], env({ SN_INSTANCE_URL: `http://127.0.0.1:${port}` }));
    expectOneClearError(exit, 'SN_NETWORK', new RegExp(`ServiceNow at 127\\.0\\.0\\.1:${port}: the instance is unreachable`));
  });

  it('when a mapping names a field the instance lacks, unless the check is turned off', async () => {
    const mappings = mkdtempSync(join(tmpdir(), 'aih-mappings-'));
    dirs.push(mappings);
    cpSync(fromRoot('mappings', 'servicenow'), mappings, { recursive: true });
    const incident = join(mappings, 'incident.yaml');
    writeFileSync(incident, readFileSync(incident, 'utf8').replace('title: short_description', 'title: short_descriptoin'));
    const base = loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') }).config;
    const badConfig = writeConfig({ ...base, paths: { ...base.paths, mappings } });

    const exit = await runCliProcess(['worker'], env({ AI_HANDOFF_CONFIG: badConfig }));
    expectOneClearError(exit, 'MAPPING_FIELD_MISSING', /1 mapped field\(s\) missing on ServiceNow at 127\.0\.0\.1:\d+: incident\.short_descriptoin \(no field 'short_descriptoin' on incident/);

    // Turned off, the worker starts (and stops cleanly on SIGTERM).
    const running = startCli(['worker', '--no-mappings-check'], env({ AI_HANDOFF_CONFIG: badConfig }));
    await running.waitFor(/"msg":"worker started"/);
    const stopped = await running.stop();
    expect(stopped.code).toBe(0);
  });
});

describe('a running worker whose instance keeps refusing its credentials', () => {
  it('exits non-zero with one line once the outage outlasts ops.giveUpAfterMs, and not before', async () => {
    const sandbox = await createSandbox({ port: 0 });
    try {
      const base = loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') }).config;
      const config = writeConfig({ ...base, ops: { ...base.ops, giveUpAfterMs: 10_000, checkEveryMs: 300, readiness: { ...base.ops.readiness, instanceFreshMs: 2_000 } } });
      const running = startCli(['worker'], { SN_INSTANCE_URL: sandbox.url, SN_USERNAME: INTEGRATION_USER, SN_PASSWORD: INTEGRATION_PASSWORD, REDIS_URL: redisUrl(), AI_HANDOFF_PREFIX: `t-giveup-${process.pid}`, AI_HANDOFF_CONFIG: config, SYNC_INTERVAL_MS: '500', ...auditEnv() });
      await running.waitFor(/"msg":"worker started"/);
      const revokedAt = Date.now();
      sandbox.faults.set([{ kind: 'unauthorized', user: INTEGRATION_USER }]);
      const exit = await running.exited;
      const after = Date.now() - revokedAt;
      expect(after).toBeGreaterThanOrEqual(10_000);
      expect(after).toBeLessThan(25_000);
      expect(exit.code).toBe(2);
      const errors = exit.stderr.split('\n').filter((line) => line.startsWith('ai-handoff:'));
      expect(errors).toEqual([expect.stringMatching(/^ai-handoff: SN_AUTH_FAILED: ServiceNow at 127\.0\.0\.1:\d+: credentials refused \(401\) for 1\d s; giving up after ops\.giveUpAfterMs$/)]);
      expect(exit.stderr).not.toContain(INTEGRATION_PASSWORD);
    } finally {
      sandbox.faults.clear();
      await sandbox.close();
    }
  }, 60_000);
});

describe('ai-handoff start exits within 15 s with one clear line', () => {
  it('when the audit key is malformed, before starting a Redis or the sandbox', async () => {
    const data = mkdtempSync(join(tmpdir(), 'aih-start-'));
    try {
      const exit = await runCliProcess(['start', '--port', '0', '--data', data, '--fresh', '--redis-port', String(await freePort())], { AI_HANDOFF_AUDIT_KEY: 'not-a-key' });
      expectOneClearError(exit, 'CONFIG_INVALID', /AI_HANDOFF_AUDIT_KEY, line 1: an audit key must be at least 32 random bytes/);
      expect(readdirSync(data)).toEqual([]);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('when REDIS_URL names a Redis nobody runs', async () => {
    const data = mkdtempSync(join(tmpdir(), 'aih-start-'));
    try {
      const port = await freePort();
      const exit = await runCliProcess(['start', '--port', '0', '--data', data, '--fresh'], { REDIS_URL: `redis://127.0.0.1:${port}`, AI_HANDOFF_PREFIX: `t-failfast-start-${process.pid}` });
      expectOneClearError(exit, 'REDIS_UNAVAILABLE', new RegExp(`Redis at 127\\.0\\.0\\.1:${port}`));
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
