/**
 * Which instance and config the admin commands use (src/cli/commands/instance.ts),
 * and what an unreachable local sandbox says.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { instanceTarget, withInstance } from '../../../src/cli/commands/instance.js';
import { isHandoffError } from '../../../src/errors.js';
import { fromRoot } from '../../../src/util/paths.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the admin commands’ instance', () => {
  it('SN_INSTANCE_URL set: that instance, and production.yaml unless a config is named', () => {
    const env = { SN_INSTANCE_URL: 'https://acme.service-now.com', SN_USERNAME: 'admin.jane', SN_PASSWORD: 'x' };
    const real = instanceTarget({ env });
    expect(real.realInstance).toBe(true);
    expect(real.sn.instanceUrl).toBe('https://acme.service-now.com');
    expect(real.loaded.file).toBe(fromRoot('config', 'production.yaml'));
    expect(instanceTarget({ env: { ...env, AI_HANDOFF_CONFIG: fromRoot('config', 'sandbox.yaml') } }).loaded.file).toBe(fromRoot('config', 'sandbox.yaml'));
  });

  it('SN_INSTANCE_URL unset: the local sandbox of npm start, with sandbox.yaml', () => {
    const local = instanceTarget({ env: {} });
    expect(local.realInstance).toBe(false);
    expect(local.sn.instanceUrl).toBe('http://127.0.0.1:8090');
    expect(local.loaded.file).toBe(fromRoot('config', 'sandbox.yaml'));
  });

  it('an unreachable local sandbox says how to start one', async () => {
    const local = instanceTarget({ env: {} });
    const sn = parseServiceNowConfig({ instanceUrl: `http://127.0.0.1:${await closedPort()}`, auth: { kind: 'basic', username: 'u', password: 'p' }, retry: { maxAttempts: 1 } });
    const error: unknown = await withInstance({ ...local, sn }, (connector) => connector.describeTable('incident')).catch((e: unknown) => e);
    expect(isHandoffError(error, 'SN_NETWORK')).toBe(true);
    expect((error as Error).message).toBe(`no sandbox answers at ${sn.instanceUrl} and SN_INSTANCE_URL is not set`);
    expect((error as { remedy?: string }).remedy).toContain('start it (npm start, or ai-handoff sandbox)');
  });
});
