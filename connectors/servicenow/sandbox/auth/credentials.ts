/**
 * Passwords and OAuth clients of the sandbox. Only salted hashes are kept (in
 * memory and in the persisted file): a sandbox still should not write
 * passwords in clear text to disk.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface OAuthClient {
  readonly clientId: string;
  readonly secretHash: string;
  /** The user the client_credentials grant acts as; undefined: that grant is off for this client. */
  readonly clientCredentialsUser: string | undefined;
}

export interface CredentialsSnapshot {
  readonly salt: string;
  readonly passwords: Readonly<Record<string, string>>;
  readonly clients: readonly OAuthClient[];
}

export interface Credentials {
  setPassword(userName: string, password: string): void;
  verifyPassword(userName: string, password: string): boolean;
  addClient(clientId: string, secret: string, clientCredentialsUser?: string): void;
  /** The client if id and secret match. */
  verifyClient(clientId: string, secret: string): OAuthClient | undefined;
  snapshot(): CredentialsSnapshot;
  restore(snapshot: CredentialsSnapshot): void;
}

export function createCredentials(): Credentials {
  let salt = randomBytes(16).toString('hex');
  let passwords = new Map<string, string>();
  let clients = new Map<string, OAuthClient>();
  const hash = (text: string): string => createHash('sha256').update(`${salt}:${text}`).digest('hex');
  const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

  return {
    setPassword(userName, password) {
      passwords.set(userName.toLowerCase(), hash(password));
    },
    verifyPassword(userName, password) {
      const stored = passwords.get(userName.toLowerCase());
      return stored !== undefined && same(stored, hash(password));
    },
    addClient(clientId, secret, clientCredentialsUser) {
      clients.set(clientId, { clientId, secretHash: hash(secret), clientCredentialsUser });
    },
    verifyClient(clientId, secret) {
      const client = clients.get(clientId);
      return client !== undefined && same(client.secretHash, hash(secret)) ? client : undefined;
    },
    snapshot: () => ({ salt, passwords: Object.fromEntries(passwords), clients: [...clients.values()] }),
    restore(snapshot) {
      salt = snapshot.salt;
      passwords = new Map(Object.entries(snapshot.passwords));
      clients = new Map(snapshot.clients.map((c) => [c.clientId, c]));
    },
  };
}
