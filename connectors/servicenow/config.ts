/**
 * The connector's configuration: which instance, how to authenticate, and the
 * limits it keeps. Validated once (strict at every depth) and frozen; built
 * from the environment by env-config.ts or handed over by a caller.
 */
import { z } from 'zod';
import { HandoffError } from '../../src/errors.js';
import { formatIssues } from '../../src/util/zod-issues.js';
import { DEFAULT_RETRY_POLICY } from './retry.js';

const NonEmpty = z.string().trim().min(1);

export const AuthConfig = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('basic'), username: NonEmpty, password: NonEmpty }),
  z.strictObject({ kind: z.literal('oauth-password'), clientId: NonEmpty, clientSecret: NonEmpty, username: NonEmpty, password: NonEmpty }),
  z.strictObject({ kind: z.literal('oauth-client-credentials'), clientId: NonEmpty, clientSecret: NonEmpty }),
  z.strictObject({
    kind: z.literal('entra'),
    tenantId: NonEmpty,
    clientId: NonEmpty,
    clientSecret: NonEmpty,
    /** e.g. `api://<app id>/.default`: the token's audience must be the Client ID ServiceNow's OIDC provider expects. */
    scope: NonEmpty,
    /** Host (and port) of the Entra authority; default login.microsoftonline.com. */
    authorityHost: z.string().regex(/^[a-z0-9.-]+(?::\d+)?$/i, 'use a host name such as login.microsoftonline.com').optional(),
  }),
]);
export type AuthConfig = z.infer<typeof AuthConfig>;

/** Loopback hosts, where plain http is allowed (the sandbox instance). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const InstanceUrl = z
  .string()
  .trim()
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `'${text}' is not a URL: use https://<instance>.service-now.com` });
      return z.NEVER;
    }
    if (url.username !== '' || url.password !== '') {
      ctx.addIssue({ code: 'custom', message: 'must not carry a user name or password: use SN_USERNAME and SN_PASSWORD' });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      ctx.addIssue({ code: 'custom', message: 'must use https (plain http only on 127.0.0.1 or localhost, for the sandbox)' });
      return z.NEVER;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
      ctx.addIssue({ code: 'custom', message: 'must be the instance origin only, without a path or query: e.g. https://acme.service-now.com' });
      return z.NEVER;
    }
    return url.origin;
  });

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const RetryConfig = z.strictObject({
  maxAttempts: int(1, 20).default(DEFAULT_RETRY_POLICY.maxAttempts),
  baseDelayMs: int(1, 60_000).default(DEFAULT_RETRY_POLICY.baseDelayMs),
  maxDelayMs: int(1, 600_000).default(DEFAULT_RETRY_POLICY.maxDelayMs),
  maxInlineWaitMs: int(0, 3_600_000).default(DEFAULT_RETRY_POLICY.maxInlineWaitMs),
});

export const ServiceNowConfig = z.strictObject({
  /** The instance origin, e.g. https://acme.service-now.com. */
  instanceUrl: InstanceUrl,
  auth: AuthConfig,
  /** Rows per Table API page. Default 500; ServiceNow's own default of 10,000 hurts the instance. */
  pageSize: int(1, 10_000).default(500),
  /** Deadline of one HTTP attempt, in ms. Default 30,000 (ServiceNow cancels Table API transactions at 60 s). */
  timeoutMs: int(100, 600_000).default(30_000),
  /** Calls in flight at once against the instance. Default 4: ServiceNow serves integrations from 4 threads per node. */
  maxConcurrency: int(1, 64).default(4),
  /**
   * Seconds a change must be old before the stored watermark moves past it.
   * ServiceNow stamps sys_updated_on when a transaction starts, so a record
   * can become visible after later ones; changes younger than this are read
   * again on the next pull. Default 60; must exceed the clock skew between
   * the worker and the instance.
   */
  settleSeconds: int(0, 3600).default(60),
  /**
   * Send the small reads that start together (a hand-off's sources, pickup's
   * ticket and sys_audit reads) as one Batch API call (batch.ts). Default
   * true; an instance that refuses the Batch API turns it off by itself.
   */
  batch: z.boolean().default(true),
  retry: RetryConfig.default(() => RetryConfig.parse({})),
});
export type ServiceNowConfig = Readonly<z.infer<typeof ServiceNowConfig>>;
export type ServiceNowConfigInput = z.input<typeof ServiceNowConfig>;

/** Validates and freezes a configuration; an invalid one throws CONFIG_INVALID listing every problem. */
export function parseServiceNowConfig(input: unknown, source = 'ServiceNow config'): ServiceNowConfig {
  const parsed = ServiceNowConfig.safeParse(input);
  if (!parsed.success) {
    const problems = formatIssues(source, parsed.error);
    throw new HandoffError('CONFIG_INVALID', `${source} is invalid:\n  ${problems.join('\n  ')}`, {
      details: { problems },
      remedy: 'fix each listed key (docs/servicenow-connector.md, "Configuration")',
    });
  }
  return Object.freeze({ ...parsed.data, auth: Object.freeze(parsed.data.auth), retry: Object.freeze(parsed.data.retry) });
}

/** The instance's stable id for keys and locks: its host (with port when not the default). */
export function instanceIdOf(instanceUrl: string): string {
  return new URL(instanceUrl).host;
}
