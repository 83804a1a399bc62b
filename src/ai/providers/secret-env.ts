/**
 * Reads a secret named by the config from the environment, or from the file
 * `<NAME>_FILE` points to (OWASP prefers files to variables for secrets;
 * ../shared/reference/llm-security.md, "Secrets in our own sinks"), and
 * registers it so every sink scrubs it by value.
 */
import { readFileSync } from 'node:fs';
import { HandoffError } from '../../errors.js';
import { registerSecret } from '../../util/secrets.js';

export type Env = Readonly<Record<string, string | undefined>>;

export function readSecret(env: Env, name: string): string {
  const direct = env[name];
  let value = direct !== undefined && direct.trim() !== '' ? direct.trim() : undefined;
  const file = env[`${name}_FILE`];
  if (value === undefined && file !== undefined && file.trim() !== '') {
    try {
      value = readFileSync(file.trim(), 'utf8').trim();
    } catch (error) {
      throw new HandoffError('SECRET_MISSING', `cannot read ${name}_FILE`, { details: { variable: `${name}_FILE` }, remedy: 'point it at a readable file holding only the secret', cause: error });
    }
  }
  if (value === undefined || value === '') {
    throw new HandoffError('SECRET_MISSING', `the AI provider needs ${name} (or ${name}_FILE) and it is not set`, { details: { variable: name }, remedy: `set ${name}_FILE to a file holding the secret, or ${name} itself` });
  }
  registerSecret(value);
  return value;
}
