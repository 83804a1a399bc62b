/**
 * The connector's configuration from environment variables, for the common
 * case (docs/servicenow-connector.md, "Configuration"). Which auth mode runs
 * follows from which variables are set:
 *
 * - `SN_ENTRA_*`                                   → Microsoft Entra ID token
 * - `SN_CLIENT_ID` + secret + `SN_USERNAME` + password → OAuth password grant
 * - `SN_CLIENT_ID` + secret                        → OAuth client_credentials
 * - `SN_USERNAME` + password                       → basic
 *
 * Every secret (`*_PASSWORD`, `*_SECRET`) may instead come from a file named by
 * `<NAME>_FILE` (container secrets); each is registered for scrubbing the
 * moment it is read. A missing or invalid variable fails with CONFIG_INVALID
 * or SECRET_MISSING naming the variable and the fix.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { HandoffError } from '../../src/errors.js';
import { registerSecret } from '../../src/util/secrets.js';
import { formatIssues } from '../../src/util/zod-issues.js';
import { InstanceUrl, parseServiceNowConfig, type AuthConfig, type ServiceNowConfig } from './config.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvConfigDeps {
  /** Reads a `*_FILE` secret; default fs.readFileSync as UTF-8. */
  readonly readFile?: (path: string) => string;
}

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .optional();

const Name = z.string().trim().min(1).optional();

const EnvSchema = z.strictObject({
  SN_INSTANCE_URL: InstanceUrl,
  SN_USERNAME: Name,
  SN_CLIENT_ID: Name,
  SN_ENTRA_TENANT_ID: Name,
  SN_ENTRA_CLIENT_ID: Name,
  SN_ENTRA_SCOPE: Name,
  SN_ENTRA_AUTHORITY_HOST: z.string().trim().regex(/^[a-z0-9.-]+(?::\d+)?$/i, 'use a host name such as login.microsoftonline.com').optional(),
  SN_PAGE_SIZE: whole(1, 10_000),
  SN_TIMEOUT_MS: whole(100, 600_000),
  SN_MAX_CONCURRENCY: whole(1, 64),
  SN_SETTLE_SECONDS: whole(0, 3600),
  SN_RETRY_MAX_ATTEMPTS: whole(1, 20),
  SN_BATCH: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => v === 'on' || v === 'off', 'must be on or off')
    .transform((v) => v === 'on')
    .optional(),
});
type EnvValues = z.infer<typeof EnvSchema>;

/** Every variable the connector reads, for docs and `--help`. */
export const ENV_VARIABLES: readonly string[] = [
  ...Object.keys(EnvSchema.shape),
  'SN_PASSWORD', 'SN_PASSWORD_FILE', 'SN_CLIENT_SECRET', 'SN_CLIENT_SECRET_FILE', 'SN_ENTRA_CLIENT_SECRET', 'SN_ENTRA_CLIENT_SECRET_FILE',
];

export function serviceNowConfigFromEnv(env: Env = process.env, deps: EnvConfigDeps = {}): ServiceNowConfig {
  const readFile = deps.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const picked: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') picked[key] = value;
  }
  if (picked.SN_INSTANCE_URL === undefined) {
    throw invalid('SN_INSTANCE_URL is not set', 'set SN_INSTANCE_URL to the instance origin, e.g. https://acme.service-now.com (http://127.0.0.1:<port> for the sandbox)', 'SN_INSTANCE_URL');
  }
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = formatIssues('environment', parsed.error).map((line) => line.replace(/^environment: /, ''));
    throw new HandoffError('CONFIG_INVALID', `ServiceNow settings in the environment are invalid:\n  ${problems.join('\n  ')}`, {
      details: { problems },
      remedy: 'set each listed variable (docs/servicenow-connector.md, "Configuration")',
    });
  }
  const values = parsed.data;
  const secret = (name: string): string | undefined => readSecret(env, name, readFile);
  return parseServiceNowConfig(
    {
      instanceUrl: values.SN_INSTANCE_URL,
      auth: authFrom(values, secret),
      ...(values.SN_PAGE_SIZE === undefined ? {} : { pageSize: values.SN_PAGE_SIZE }),
      ...(values.SN_TIMEOUT_MS === undefined ? {} : { timeoutMs: values.SN_TIMEOUT_MS }),
      ...(values.SN_MAX_CONCURRENCY === undefined ? {} : { maxConcurrency: values.SN_MAX_CONCURRENCY }),
      ...(values.SN_SETTLE_SECONDS === undefined ? {} : { settleSeconds: values.SN_SETTLE_SECONDS }),
      ...(values.SN_RETRY_MAX_ATTEMPTS === undefined ? {} : { retry: { maxAttempts: values.SN_RETRY_MAX_ATTEMPTS } }),
      ...(values.SN_BATCH === undefined ? {} : { batch: values.SN_BATCH }),
    },
    'ServiceNow settings from the environment',
  );
}

function authFrom(values: EnvValues, secret: (name: string) => string | undefined): AuthConfig {
  const entraSet = values.SN_ENTRA_TENANT_ID !== undefined || values.SN_ENTRA_CLIENT_ID !== undefined || values.SN_ENTRA_SCOPE !== undefined;
  const snSet = values.SN_USERNAME !== undefined || values.SN_CLIENT_ID !== undefined;
  if (entraSet && snSet) {
    throw invalid('both SN_ENTRA_* and SN_USERNAME or SN_CLIENT_ID are set', 'choose one way to authenticate: unset the SN_ENTRA_* variables, or SN_USERNAME and SN_CLIENT_ID');
  }
  if (entraSet) {
    const tenantId = required(values.SN_ENTRA_TENANT_ID, 'SN_ENTRA_TENANT_ID', 'the Entra tenant id (a GUID or domain)');
    const clientId = required(values.SN_ENTRA_CLIENT_ID, 'SN_ENTRA_CLIENT_ID', 'the application (client) id of the app registration the worker signs in as');
    const scope = required(values.SN_ENTRA_SCOPE, 'SN_ENTRA_SCOPE', 'the scope to request, e.g. api://<ServiceNow API app id>/.default');
    const clientSecret = needSecret(secret('SN_ENTRA_CLIENT_SECRET'), 'SN_ENTRA_CLIENT_SECRET');
    return { kind: 'entra', tenantId, clientId, clientSecret, scope, ...(values.SN_ENTRA_AUTHORITY_HOST === undefined ? {} : { authorityHost: values.SN_ENTRA_AUTHORITY_HOST }) };
  }
  if (values.SN_CLIENT_ID !== undefined) {
    const clientSecret = needSecret(secret('SN_CLIENT_SECRET'), 'SN_CLIENT_SECRET');
    if (values.SN_USERNAME === undefined) return { kind: 'oauth-client-credentials', clientId: values.SN_CLIENT_ID, clientSecret };
    const password = needSecret(secret('SN_PASSWORD'), 'SN_PASSWORD');
    return { kind: 'oauth-password', clientId: values.SN_CLIENT_ID, clientSecret, username: values.SN_USERNAME, password };
  }
  if (values.SN_USERNAME !== undefined) {
    return { kind: 'basic', username: values.SN_USERNAME, password: needSecret(secret('SN_PASSWORD'), 'SN_PASSWORD') };
  }
  throw new HandoffError('SECRET_MISSING', 'no ServiceNow credentials in the environment', {
    details: { variables: ['SN_USERNAME', 'SN_PASSWORD', 'SN_CLIENT_ID', 'SN_CLIENT_SECRET', 'SN_ENTRA_TENANT_ID'] },
    remedy: 'set SN_USERNAME and SN_PASSWORD (basic), or SN_CLIENT_ID and SN_CLIENT_SECRET (OAuth), or SN_ENTRA_TENANT_ID, SN_ENTRA_CLIENT_ID, SN_ENTRA_CLIENT_SECRET and SN_ENTRA_SCOPE (Entra ID)',
  });
}

/** A secret from `NAME` or the file named by `NAME_FILE` (not both), registered for scrubbing. */
export function readSecret(env: Env, name: string, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): string | undefined {
  const direct = env[name];
  const path = env[`${name}_FILE`];
  const hasDirect = direct !== undefined && direct !== '';
  const hasPath = path !== undefined && path.trim() !== '';
  if (hasDirect) registerSecret(direct);
  if (hasDirect && hasPath) throw invalid(`both ${name} and ${name}_FILE are set`, `unset one of ${name} and ${name}_FILE`);
  if (hasDirect) return direct;
  if (!hasPath) return undefined;
  let text: string;
  try {
    text = readFile(path.trim());
  } catch (cause) {
    throw new HandoffError('SECRET_MISSING', `cannot read ${name}_FILE (${path.trim()})`, {
      details: { variable: `${name}_FILE` },
      cause,
      remedy: `point ${name}_FILE at a readable file holding only the secret`,
    });
  }
  // Files written by `echo` or editors end in a newline that is not part of the secret.
  const value = text.replace(/[\r\n]+$/, '');
  registerSecret(value);
  if (value.trim() === '') {
    throw new HandoffError('SECRET_MISSING', `${name}_FILE (${path.trim()}) is empty`, { details: { variable: `${name}_FILE` }, remedy: `write the secret into the file named by ${name}_FILE` });
  }
  return value;
}

function required(value: string | undefined, name: string, what: string): string {
  if (value === undefined) throw invalid(`${name} is not set`, `set ${name} to ${what}`, name);
  return value;
}

function needSecret(value: string | undefined, name: string): string {
  if (value === undefined) {
    throw new HandoffError('SECRET_MISSING', `${name} is not set`, { details: { variable: name }, remedy: `set ${name}, or ${name}_FILE to a file holding it` });
  }
  return value;
}

function invalid(what: string, remedy: string, variable?: string): HandoffError {
  return new HandoffError('CONFIG_INVALID', `ServiceNow settings in the environment: ${what}`, { details: variable === undefined ? {} : { variable }, remedy });
}
