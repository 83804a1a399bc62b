// Builds the app for one scope and set of parts, offline (npm run build).
//
//   AIH_APP_SCOPE=x_foo_aihandoff AIH_APP_PARTS=security,enhancement npm run build
//
//   --out DIR   where the records go (default dist/app; a manifest, build.json, goes with them)
//   --pack      also pack the installable zip into target/ (npm run pack)
//   --keys      refresh src/fluent/generated/keys.ts after adding a record (npm run build:keys)
//   --if-stale  skip the build when DIR already holds a build of these exact inputs
//   --install   then install it with the SDK (npm run deploy -- --auth <alias>; the rest of the line goes to `now-sdk install`)
//
// A bad parameter ends with one line naming the variable and the fix, exit 2.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppParamError, APP_DIR, readParams } from './app-params.mjs';
import { staleFiles, TEMPLATE } from './generate.mjs';
import { sourceFiles, stage, stageDir } from './stage.mjs';
import { vendorShared } from './vendor-shared.mjs';

const SDK = join(APP_DIR, 'node_modules', '@servicenow', 'sdk', 'bin', 'index.js');
const LOCK_WAIT_MS = 300_000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` holding the lock of one stage directory (builds of the same parameters take turns). */
export function withBuildLock(params, fn) {
  const lock = `${stageDir(params)}.lock`;
  mkdirSync(join(APP_DIR, 'build'), { recursive: true });
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() > until) throw new Error(`another build of the app has held ${lock} for ${LOCK_WAIT_MS / 1000} s; if none is running, remove that directory`);
      sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A digest of everything a build reads, and its parameters. */
export function inputsDigest(params) {
  const hash = createHash('sha256').update(JSON.stringify({ scope: params.scope, parts: params.parts }));
  for (const path of [...sourceFiles(), TEMPLATE, join(APP_DIR, 'ticket-tables.json')]) hash.update(path).update(readFileSync(path));
  return hash.digest('hex');
}

function sdk(dir, args) {
  if (!existsSync(SDK)) {
    throw new AppParamError("the ServiceNow SDK is not installed: run `npm ci --prefix connectors/servicenow/app`, then build again");
  }
  const result = spawnSync(process.execPath, [SDK, ...args], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0 || /ERROR/.test(result.stdout ?? '')) {
    throw new Error(`now-sdk ${args.join(' ')} failed in ${dir}:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
}

/** Builds into `out` and returns the manifest written beside the records. */
export function build(params, { out = join(APP_DIR, 'dist', 'app'), pack = false, ifStale = false } = {}) {
  const digest = inputsDigest(params);
  const manifestPath = join(out, 'build.json');
  if (ifStale && !pack && existsSync(manifestPath) && JSON.parse(readFileSync(manifestPath, 'utf8')).inputs === digest) {
    return JSON.parse(readFileSync(manifestPath, 'utf8'));
  }
  const dir = stage(params);
  sdk(dir, ['build', '--frozenKeys']);
  rmSync(out, { recursive: true, force: true });
  cpSync(join(dir, 'dist', 'app'), out, { recursive: true });
  const manifest = { scope: params.scope, parts: params.parts, tables: params.tables.map((t) => t.name), inputs: digest };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  if (pack) {
    sdk(dir, ['pack']);
    mkdirSync(join(APP_DIR, 'target'), { recursive: true });
    for (const name of readdirSync(join(dir, 'target'))) cpSync(join(dir, 'target', name), join(APP_DIR, 'target', name));
  }
  return manifest;
}

/**
 * Everything `npm run build` does for one set of parameters, holding the build
 * lock: the shared module copied in, the generated files checked, the build.
 * `then(out, manifest)` runs before the lock is released (a test reads the
 * records there, so no other build replaces them meanwhile).
 */
export function buildApp(params, { out = join(APP_DIR, 'dist', 'app'), pack = false, ifStale = false, then = () => undefined } = {}) {
  return withBuildLock(params, () => {
    vendorShared();
    const stale = staleFiles();
    if (stale.length > 0) {
      throw new AppParamError(`src/fluent/tables is not current (${stale.join(', ')}): run \`npm run generate\` in connectors/servicenow/app`);
    }
    const manifest = build(params, { out, pack, ifStale });
    return then(out, manifest) ?? manifest;
  });
}

const FLAGS = ['--pack', '--keys', '--if-stale'];

/** The command line up to --install (whose rest goes to `now-sdk install`), checked. */
function options(argv) {
  const install = argv.indexOf('--install');
  const own = install < 0 ? argv : argv.slice(0, install);
  const parsed = { flags: new Set(), out: undefined, install: install < 0 ? undefined : argv.slice(install + 1) };
  for (let i = 0; i < own.length; i++) {
    if (own[i] === '--out' && own[i + 1] !== undefined && !own[i + 1].startsWith('--')) parsed.out = resolve(own[++i]);
    else if (FLAGS.includes(own[i])) parsed.flags.add(own[i]);
    else throw new AppParamError(`unknown option ${JSON.stringify(own[i])}: use --out <dir>, ${FLAGS.join(', ')} or --install [now-sdk install options]`);
  }
  return parsed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const params = readParams();
    const opts = options(process.argv.slice(2));
    if (opts.flags.has('--keys')) {
      // Every table and the default scope: the committed keys file covers all records of every part.
      vendorShared();
      sdk(APP_DIR, ['build']);
    } else {
      const manifest = buildApp(params, { out: opts.out, pack: opts.flags.has('--pack') || opts.install !== undefined, ifStale: opts.flags.has('--if-stale') });
      console.log(`built scope ${manifest.scope}, tables ${manifest.tables.join(', ')}${opts.out ? ` into ${opts.out}` : ''}`);
      if (opts.install !== undefined) {
        const result = spawnSync(process.execPath, [SDK, 'install', ...opts.install], { cwd: stageDir(params), stdio: 'inherit' });
        process.exit(result.status ?? 1);
      }
    }
  } catch (error) {
    console.error(error instanceof AppParamError ? `app build: ${error.message}` : error);
    process.exit(error instanceof AppParamError ? 2 : 1);
  }
}
