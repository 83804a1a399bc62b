/**
 * Basic auth: `Authorization: Basic base64(user:password)`; ACLs apply as to
 * an interactive user (../shared/reference/servicenow.md, "Authentication").
 * The password and the encoded pair are registered as secrets so neither can
 * reach a log line or an error.
 */
import { registerBasicCredentials } from '../../../src/util/secrets.js';
import type { AuthProvider } from './auth-provider.js';

export interface BasicAuthOptions {
  readonly username: string;
  readonly password: string;
}

export function createBasicAuth({ username, password }: BasicAuthOptions): AuthProvider {
  registerBasicCredentials(username, password);
  const header = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  return {
    kind: 'basic',
    authorization: () => Promise.resolve(header),
    unauthorized: () => false,
  };
}
