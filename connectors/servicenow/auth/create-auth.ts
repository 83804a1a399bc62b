/**
 * The auth provider a configuration describes. OAuth's token requests go
 * through the same transport as Table API calls (same timeout, retry rules
 * and concurrency cap); Entra's go through msal-node's own HTTP client.
 */
import type { Logger } from '../../../src/util/log.js';
import type { AuthConfig } from '../config.js';
import type { Transport } from '../http-transport.js';
import type { AuthProvider } from './auth-provider.js';
import { createBasicAuth } from './basic-auth.js';
import { createEntraAuth } from './entra-auth.js';
import { createOAuthAuth } from './oauth-auth.js';

export interface CreateAuthOptions {
  readonly transport: Transport;
  readonly timeoutMs: number;
  readonly log: Logger;
  readonly now?: () => number;
}

export function createAuth(config: AuthConfig, { transport, timeoutMs, log, now }: CreateAuthOptions): AuthProvider {
  const clock = now === undefined ? {} : { now };
  switch (config.kind) {
    case 'basic':
      return createBasicAuth(config);
    case 'oauth-password':
      return createOAuthAuth({ transport, log, clientId: config.clientId, clientSecret: config.clientSecret, grant: { type: 'password', username: config.username, password: config.password }, ...clock });
    case 'oauth-client-credentials':
      return createOAuthAuth({ transport, log, clientId: config.clientId, clientSecret: config.clientSecret, grant: { type: 'client_credentials' }, ...clock });
    case 'entra':
      return createEntraAuth({
        tenantId: config.tenantId,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        scope: config.scope,
        timeoutMs,
        log,
        ...(config.authorityHost === undefined ? {} : { authorityHost: config.authorityHost }),
        ...clock,
      });
  }
}
