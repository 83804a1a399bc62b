/**
 * The provider interface: one call, `generate`, from the gathered sources to
 * a raw JSON answer. Whatever a provider returns is untrusted until the
 * output guard (guard/guard.ts) accepts it; providers have no tools, change
 * nothing, and never see credentials of the ITSM.
 *
 * `kind` is what policy needs to decide which data classes may reach a
 * provider: `builtin` keeps everything in the process; `external` sends text
 * to a model service.
 */
import type { Logger } from '../util/log.js';
import { createBuiltinProvider } from './builtin/provider.js';
import type { ProviderConfig } from './config.js';
import type { Provider } from './provider-types.js';
import { createAzureOpenAiProvider } from './providers/azure-openai.js';
import { createOpenAiCompatibleProvider } from './providers/openai-compatible.js';

export type { GenerateOptions, GenerateResult, Provider, ProviderInput, ProviderKind, ProviderOperation, TicketSummary, Usage } from './provider-types.js';

export interface ProviderDeps {
  /** Where secrets named by the config are read (also `<NAME>_FILE`); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly log?: Logger;
}

/** The provider the config names. Secrets are read (and registered for scrubbing) here, at start-up. */
export function createProvider(config: ProviderConfig, deps: ProviderDeps = {}): Provider {
  const shared = { ...(deps.env === undefined ? {} : { env: deps.env }), ...(deps.log === undefined ? {} : { log: deps.log }) };
  switch (config.kind) {
    case 'builtin':
      return createBuiltinProvider();
    case 'azure-openai':
      return createAzureOpenAiProvider(config, shared);
    case 'openai-compatible':
      return createOpenAiCompatibleProvider(config, shared);
  }
}
