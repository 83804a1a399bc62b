/**
 * How a ServiceNow call gets its credentials. One provider per instance; the
 * table client asks for a header before every attempt and tells the provider
 * about a 401, after which it tries once more (../shared/reference/
 * servicenow.md, "Authentication": after a 401, re-authenticate once).
 */

export type AuthKind = 'basic' | 'oauth-password' | 'oauth-client-credentials' | 'entra';

export interface AuthProvider {
  readonly kind: AuthKind;
  /** The `Authorization` header value for the next call (fetching or refreshing a token when needed). */
  authorization(signal?: AbortSignal): Promise<string>;
  /**
   * Called after a 401: forget cached tokens. Returns whether a fresh attempt
   * can succeed (false for basic auth: the same password would fail again).
   */
  unauthorized(): boolean;
}
