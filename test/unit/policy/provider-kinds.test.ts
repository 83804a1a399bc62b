/**
 * Provider kinds in policy: a configured kind's own `providers` key decides
 * for it, else `external` does; `builtin` has its own. The evaluator and the
 * `{provider}` placeholder use the configured kind, and the worker's context
 * digest follows it.
 */
import { describe, expect, it } from 'vitest';
import { parseAiConfig } from '../../../src/ai/config.js';
import { createObedientProvider } from '../../../src/ai/obedient/obedient-provider.js';
import { createProvider } from '../../../src/ai/provider.js';
import { createPolicyPort } from '../../../src/handoff/policy-port.js';
import { decide, providerClasses, providerMayReceive, type Policy } from '../../../src/policy/index.js';
import type { PolicyFile } from '../../../src/policy/policy-schema.js';
import { policyKindOf } from '../../../src/queue/wiring.js';
import { clearSecretsForTest } from '../../../src/util/secrets.js';
import { context, policy, policyWith, sandbox, seedTicket } from './support.js';

const ALL = ['public', 'internal', 'confidential', 'restricted'] as const;
const CLOUD = ['public', 'internal', 'confidential'] as const;

/** The shipped policy with the on-premises example switched on and the blanket restricted rule removed. */
function onPremises(): Policy {
  return policyWith('policy.yaml', (t) =>
    t
      .replace('  # openai-compatible: [public, internal, confidential, restricted]', '  openai-compatible: [public, internal, confidential, restricted]')
      .replace(/ {2}forbid\.data-class\.restricted:\n(?: {4}.*\n){4}/, ''),
  );
}

describe('resolving a provider kind', () => {
  const providers: PolicyFile['providers'] = { builtin: [...ALL], external: ['public'], 'openai-compatible': [...ALL] };

  it('a kind with its own key gets that key', () => {
    expect(providerClasses(providers, 'openai-compatible')).toEqual(ALL);
  });

  it('a kind without one falls back to external, as does the generic external kind', () => {
    expect(providerClasses(providers, 'azure-openai')).toEqual(['public']);
    expect(providerClasses(providers, 'external')).toEqual(['public']);
  });

  it('builtin has its own key and never falls back', () => {
    expect(providerClasses({ builtin: ['public'], external: [...ALL] }, 'builtin')).toEqual(['public']);
  });

  it('a specific key narrower than external wins too', () => {
    expect(providerClasses({ builtin: [...ALL], external: [...CLOUD], 'azure-openai': ['public'] }, 'azure-openai')).toEqual(['public']);
  });

  it('the shipped policy keeps restricted data from every non-builtin kind', () => {
    for (const kind of ['azure-openai', 'openai-compatible', 'external'] as const) {
      expect(providerMayReceive(policy, kind, 'restricted')).toBe(false);
      expect(providerMayReceive(policy, kind, 'confidential')).toBe(true);
    }
    expect(providerMayReceive(policy, 'builtin', 'restricted')).toBe(true);
  });

  it('the compiled policy resolves each kind from the file', () => {
    const edited = onPremises();
    expect(edited.providers['openai-compatible']).toEqual(ALL);
    expect(edited.providers['azure-openai']).toBeUndefined();
    expect(providerMayReceive(edited, 'openai-compatible', 'restricted')).toBe(true);
    expect(providerMayReceive(edited, 'azure-openai', 'restricted')).toBe(false);
    expect(providerMayReceive(edited, 'external', 'restricted')).toBe(false);
  });
});

describe('deciding with a provider kind', () => {
  const restricted = seedTicket('INC-2041', { x_acme_aihandoff_data_classification: 'restricted' });

  it('restricted data is allowed for openai-compatible when the policy says so, and still blocked for azure-openai', () => {
    const edited = onPremises();
    const onPrem = decide(restricted, 'gather-diagnostics', context({ policy: edited, providerKind: 'openai-compatible' }));
    expect(onPrem.outcome).toBe('eligible');
    expect(onPrem.rules).toEqual(['permit.class.evidence']);

    const azure = decide(restricted, 'gather-diagnostics', context({ policy: edited, providerKind: 'azure-openai' }));
    expect(azure.outcome).toBe('blocked');
    expect(azure.rules).toEqual(['forbid.provider.data-class']);
    expect(azure.reasons[0]?.message).toBe('Restricted data may not be sent to the configured azure-openai AI provider.');
  });

  it('under the shipped policy restricted data stays blocked for openai-compatible', () => {
    const d = decide(restricted, 'gather-diagnostics', context({ providerKind: 'openai-compatible' }));
    expect(d.rules).toEqual(['forbid.data-class.restricted', 'forbid.provider.data-class']);
    expect(d.reasons.map((r) => r.message)).toContain('Restricted data may not be sent to the configured openai-compatible AI provider.');
  });
});

describe('the configured kind in the worker', () => {
  it('the context digest changes when the provider kind does', async () => {
    const digest = (providerKind: 'builtin' | 'azure-openai' | 'openai-compatible') => createPolicyPort({ policy, config: sandbox, providerKind }).contextDigest();
    const [builtin, azure, onPrem] = await Promise.all([digest('builtin'), digest('azure-openai'), digest('openai-compatible')]);
    expect(new Set([builtin, azure, onPrem]).size).toBe(3);
    expect(await digest('azure-openai')).toBe(azure);
  });

  it('a provider passed to the worker is decided by its config kind; a stand-in model by external', () => {
    const env = { AZURE_OPENAI_API_KEY: 'azure-key-for-the-kind-test' };
    const created = (provider: Record<string, unknown>) => createProvider(parseAiConfig({ provider }).provider, { env });
    try {
      expect(policyKindOf(created({ kind: 'builtin' }))).toBe('builtin');
      expect(policyKindOf(created({ kind: 'azure-openai', endpoint: 'https://contoso.openai.azure.com', deployment: 'gpt4o', auth: { type: 'api-key' } }))).toBe('azure-openai');
      expect(policyKindOf(created({ kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3' }))).toBe('openai-compatible');
    } finally {
      clearSecretsForTest();
    }
    expect(policyKindOf(createObedientProvider())).toBe('external');
    expect(policyKindOf(createObedientProvider({ kind: 'builtin' }))).toBe('builtin');
  });
});
