/**
 * The sandbox (hand-written seed, in this process) that the admin commands'
 * tests run against, named to them the way an admin names an instance:
 * SN_INSTANCE_URL and the integration user's credentials; AI_HANDOFF_CONFIG
 * cleared so each test names its config. Also a temp folder for candidate files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, type Sandbox, type SandboxOptions } from '../../../connectors/servicenow/sandbox/index.js';
import { fromRoot } from '../../../src/util/paths.js';

export const sandboxConfig = fromRoot('config', 'sandbox.yaml');

export interface AdminWorld {
  readonly sandbox: Sandbox;
  readonly temp: string;
}

/** Starts the sandbox before the file's tests and stops it after; read the world inside tests. */
export function useAdminSandbox(options: Omit<SandboxOptions, 'page'> = {}): () => AdminWorld {
  let world: AdminWorld | undefined;
  beforeAll(async () => {
    const sandbox = await createSandbox({ ...options, page: false });
    world = { sandbox, temp: mkdtempSync(join(tmpdir(), 'admin-')) };
    vi.stubEnv('SN_INSTANCE_URL', sandbox.url);
    vi.stubEnv('SN_USERNAME', INTEGRATION_USER);
    vi.stubEnv('SN_PASSWORD', INTEGRATION_PASSWORD);
    vi.stubEnv('AI_HANDOFF_CONFIG', '');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await world?.sandbox.close();
    if (world) rmSync(world.temp, { recursive: true, force: true });
  });
  return () => {
    if (world === undefined) throw new Error('the admin sandbox is not started yet: read it inside a test');
    return world;
  };
}
