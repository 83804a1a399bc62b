/**
 * deploy/: every file and environment variable the container image, the
 * compose file, the systemd unit and the Prometheus configuration name exists
 * and is documented in docs/deploy.md (and the product reads it); and the
 * image's own commands (ENTRYPOINT, CMD, HEALTHCHECK), run as the
 * Containerfile writes them on a layout assembled from its COPY lines
 * (no container engine runs on the build machines), start a worker against the
 * sandbox, pass the health check, and stop cleanly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, type Sandbox } from '../../connectors/servicenow/sandbox/index.js';
import { fromRoot } from '../../src/util/paths.js';
import { TEST_AUDIT_KEY, testAuditKeys } from '../support/audit.js';
import { freePort } from '../support/redis-server.js';
import { redisUrl } from '../support/redis.js';
import { baseEnv } from './support/cli-process.js';

const read = (...parts: string[]): string => readFileSync(fromRoot(...parts), 'utf8');
const containerfile = read('deploy', 'Containerfile');
const compose = parse(read('deploy', 'compose.yaml')) as { services: Record<string, { build?: { context: string; dockerfile: string }; environment?: Record<string, string>; volumes?: string[] }> };
const unit = read('deploy', 'systemd', 'ai-handoff-worker.service');
const envExample = read('deploy', 'systemd', 'worker.env.example');
const deployDoc = read('docs', 'deploy.md');

/** The runtime stage of the Containerfile (after the last FROM), its instructions joined across line continuations. */
function runtimeStage(): string[] {
  const lines = containerfile.replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const from = lines.map((l, i) => (l.startsWith('FROM ') ? i : -1)).filter((i) => i >= 0).pop()!;
  return lines.slice(from);
}
const instruction = (name: string): string[] => runtimeStage().filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1).trim());
const execForm = (text: string): string[] => JSON.parse(text.slice(text.indexOf('['))) as string[];
/** ENV name=value pairs of the runtime stage. */
function imageEnv(): Record<string, string> {
  return Object.fromEntries(instruction('ENV').flatMap((l) => [...l.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)].map((m) => [m[1]!, m[2]!])));
}

/** Every environment variable the deploy files name. */
function namedVariables(): Set<string> {
  const names = new Set<string>(Object.keys(imageEnv()));
  for (const service of Object.values(compose.services)) for (const key of Object.keys(service.environment ?? {})) names.add(key);
  for (const m of read('deploy', 'compose.yaml').matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)) names.add(m[1]!);
  for (const m of unit.matchAll(/^Environment=([A-Z_][A-Z0-9_]*)=/gm)) names.add(m[1]!);
  for (const m of envExample.matchAll(/^#?([A-Z_][A-Z0-9_]*)=/gm)) names.add(m[1]!);
  return names;
}

/** Whether the product's sources mention the name (src/ and connectors/, not the app or the sandbox). */
function readByProduct(name: string): boolean {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (!['app', 'sandbox', 'node_modules'].includes(entry)) walk(path);
      } else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(fromRoot('src'));
  walk(fromRoot('connectors'));
  // Variables read as <NAME>_FILE are built from the name (`${name}_FILE`).
  const base = name.replace(/_FILE$/, '');
  return files.some((f) => {
    const text = readFileSync(f, 'utf8');
    return text.includes(`'${name}'`) || text.includes(`env.${name}`) || text.includes(`'${base}'`) || text.includes(`env.${base}`);
  });
}

describe('the deploy files', () => {
  it('name only files that exist', () => {
    // Container: every COPY source, the health check and the entry point, the config file its ENV names.
    for (const line of runtimeStage().concat(containerfile.split('\n').filter((l) => l.startsWith('COPY ')))) {
      if (!line.startsWith('COPY ') || line.includes('--from=')) continue;
      const sources = line.slice(5).trim().split(/\s+/).slice(0, -1);
      for (const source of sources) expect(existsSync(fromRoot(source)), `Containerfile COPY ${source}`).toBe(true);
    }
    expect(existsSync(fromRoot(execForm(instruction('HEALTHCHECK')[0]!)[1]!))).toBe(true);
    expect(existsSync(fromRoot(execForm(instruction('ENTRYPOINT')[0]!)[1]!))).toBe(true);
    expect(existsSync(fromRoot(imageEnv().AI_HANDOFF_CONFIG!.replace(/^\/app\//, '')))).toBe(true);
    // Compose: the build, the mounted Prometheus folder, the worker's config.
    const worker = compose.services.worker!;
    expect(existsSync(join(fromRoot('deploy'), worker.build!.context, worker.build!.dockerfile))).toBe(true);
    for (const volume of compose.services.prometheus!.volumes!) expect(existsSync(join(fromRoot('deploy'), volume.split(':')[0]!))).toBe(true);
    expect(existsSync(fromRoot(worker.environment!.AI_HANDOFF_CONFIG!.replace(/^\/app\//, '')))).toBe(true);
    // systemd: what it runs and the documentation it points at, under the install folder.
    for (const m of unit.matchAll(/\/opt\/ai-handoff\/([\w./-]+)/g)) expect(existsSync(fromRoot(m[1]!)), `unit names /opt/ai-handoff/${m[1]}`).toBe(true);
    // Prometheus: the rules file the example loads.
    const prometheus = parse(read('deploy', 'prometheus', 'prometheus.yml')) as { rule_files: string[] };
    for (const rules of prometheus.rule_files) expect(existsSync(fromRoot('deploy', 'prometheus', rules))).toBe(true);
  });

  it('name only environment variables that docs/deploy.md documents and the product reads', () => {
    const names = namedVariables();
    expect([...names]).toEqual(expect.arrayContaining(['SN_INSTANCE_URL', 'SN_PASSWORD_FILE', 'REDIS_URL', 'REDIS_SENTINELS', 'AI_HANDOFF_HTTP', 'AI_HANDOFF_HTTP_TOKEN_FILE', 'AI_HANDOFF_CONFIG', 'AI_HANDOFF_AUDIT_KEY_FILE', 'AI_HANDOFF_AUDIT_DIR']));
    for (const name of names) {
      expect(deployDoc, `docs/deploy.md documents ${name}`).toMatch(new RegExp(`\`${name}\``));
      if (name !== 'NODE_ENV') expect(readByProduct(name), `the product reads ${name}`).toBe(true);
    }
  });
});

describe("the image's commands, as the Containerfile writes them", () => {
  let sandbox: Sandbox | undefined;
  let root: string | undefined;
  afterAll(async () => {
    await sandbox?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('start a worker that passes the health check and stops cleanly on SIGTERM', async () => {
    const app = mkdtempSync(join(tmpdir(), 'aih-image-'));
    root = app;
    // The runtime stage's files: COPY --from=build gives the compiled dist/ and the dependencies, the rest the checkout's.
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', fromRoot('tsconfig.build.json'), '--outDir', join(app, 'dist')], { encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    for (const line of instruction('COPY')) {
      const parts = line.split(/\s+/).filter((p) => !p.startsWith('--'));
      const target = parts.pop()!;
      for (const source of parts) {
        const name = source.replace(/^\/app\//, '');
        if (name === 'dist') continue;
        const destination = join(app, target.endsWith('/') || target === './' ? name : target.replace(/^\.\//, ''));
        mkdirSync(dirname(destination), { recursive: true });
        if (existsSync(destination)) continue;
        // Copies, so that bin/ai-handoff.js imports this layout's dist/ (Node follows a symbolic link to the checkout's); the dependencies are linked.
        if (name === 'node_modules') symlinkSync(fromRoot(name), destination);
        else cpSync(fromRoot(name), destination, { recursive: true });
      }
    }
    sandbox = await createSandbox({ port: 0 });
    // The image's secrets, as files of this layout.
    const secrets: Record<string, string> = { 'ai-handoff-http-token': 'image-test-token-9b2f4c1e', 'ai-handoff-audit-key': `${TEST_AUDIT_KEY}\n` };
    mkdirSync(join(app, 'secrets'));
    for (const [name, value] of Object.entries(secrets)) writeFileSync(join(app, 'secrets', name), value, { mode: 0o600 });
    const port = await freePort();
    // The image's ENV, with /app/, /run/secrets/ and /var/lib/ where this layout has them, and loopback instead of 0.0.0.0 (tests stay on 127.0.0.1).
    const env: Record<string, string> = {
      ...Object.fromEntries(Object.entries(imageEnv()).map(([k, v]) => [k, v.replace(/^\/app\//, `${app}/`).replace(/^\/run\/secrets\//, `${app}/secrets/`).replace(/^\/var\/lib\//, `${app}/var/lib/`)])),
      AI_HANDOFF_HTTP: `127.0.0.1:${port}`,
      SN_INSTANCE_URL: sandbox.url,
      SN_USERNAME: INTEGRATION_USER,
      SN_PASSWORD: INTEGRATION_PASSWORD,
      REDIS_URL: redisUrl(),
      AI_HANDOFF_PREFIX: `t-image-${process.pid}`,
    };
    const command = [...execForm(instruction('ENTRYPOINT')[0]!), ...execForm(instruction('CMD')[0]!)];
    expect(command).toEqual(['node', 'bin/ai-handoff.js', 'worker']);
    const child = spawn(process.execPath, command.slice(1), { cwd: app, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const health = execForm(instruction('HEALTHCHECK')[0]!.replace(/^.*?CMD\s+/, ''));
      expect(health[0]).toBe('node');
      const deadline = Date.now() + 60_000;
      let status: number | null = null;
      while (Date.now() < deadline && status !== 0) {
        status = spawnSync(process.execPath, health.slice(1), { cwd: app, env: baseEnv(env) }).status;
        if (status !== 0) await new Promise((r) => setTimeout(r, 500));
      }
      expect(status, output).toBe(0);
      // The endpoint is up a moment before the start line is logged.
      while (!output.includes('"msg":"worker started"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain('"msg":"worker started"');
      // Signing with the key from its secret, into the audit folder the image names (its volume).
      expect(output).toContain(`"auditKey":"${testAuditKeys().current.id}","auditDir":"${app}/var/lib/ai-handoff/audit"`);
      // The image's NODE_OPTIONS reaches node: the 64 MB young generation (docs/performance.md).
      expect(output).toContain('"semiSpaceMb":64');
      // Without its token the dashboard is refused; the health check needs none.
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // And the health check fails once the worker is gone.
    const after = spawnSync(process.execPath, ['deploy/healthcheck.mjs'], { cwd: app, env: baseEnv(env) });
    expect(after.status).toBe(1);
  }, 150_000);
});
