/**
 * The rendered-reason cache: a cached reason is the one rendered afresh, its
 * JSON is the reason's canonical JSON, the key covers every placeholder the
 * reason depends on (and no two value lists share a key), the cache stays
 * bounded, and what it shares cannot be changed by a caller.
 */
import { describe, expect, it } from 'vitest';
import { buildPanel, decideTicket, loadPolicy, type PolicyContext } from '../../../src/policy/index.js';
import type { CompiledRule } from '../../../src/policy/compile.js';
import { PLACEHOLDERS, type Placeholder } from '../../../src/policy/policy-schema.js';
import { REASON_CACHE_LIMIT, reasonFor, reasonJson, reasonKey, renderReason } from '../../../src/policy/reason-cache.js';
import { compileTemplate, type Values } from '../../../src/policy/template.js';
import { canonicalJson } from '../../../src/util/canonical-json.js';
import { context, policy, sandbox, SEED_FILES, seedTicket, type SeedName } from './support.js';

const rules = Object.values(policy.compiled.checkRule).concat(policy.compiled.operations.flatMap((c) => c.rules.map((r) => r.rule)));
const templated = [...new Set(rules)].filter((r) => r.fixedReason === null);

/** A rule of its own (own cache) with the given templates. */
function ruleOf(message: string, remedy: string): CompiledRule {
  const m = compileTemplate(message);
  const r = compileTemplate(remedy);
  return {
    id: 'forbid.test',
    effect: 'forbid',
    check: null,
    message: m,
    remedy: r,
    decisive: false,
    fixedReason: null,
    fixedReasonJson: null,
    fixed: null,
    slots: [...new Set([...m.slots, ...r.slots])],
    rendered: new Map(),
  };
}

const valuesFrom =
  (map: Partial<Record<Placeholder, string>>, fallback = 'x'): Values =>
  (name) =>
    map[name] ?? fallback;

describe('reason cache', () => {
  it('the shipped policy has rules with placeholders, so the cache is exercised', () => {
    expect(templated.length).toBeGreaterThan(3);
  });

  it('gives, for every templated rule and many value lists, the reason rendered afresh and its canonical JSON', () => {
    const samples: Values[] = [
      valuesFrom({}),
      valuesFrom({ group: 'Service Desk', tier: 'assist', severity: '2', dataClass: 'internal' }),
      valuesFrom({ group: 'group 1a2b', tier: 'unknown', severity: 'unknown', approver: 'Irene "Q" Costa' }, 'y'),
      valuesFrom({ number: 'INC0001\u2028', intent: 'close the ticket' }, ''),
    ];
    for (const rule of templated) {
      for (const values of [...samples, ...samples]) {
        const got = reasonFor(rule, values);
        const fresh = renderReason(rule, values);
        expect(got.reason).toEqual(fresh);
        expect(got.json).toBe(canonicalJson(fresh));
        expect(got.json).toBe(reasonJson(fresh));
      }
    }
  });

  it('keys on every placeholder: changing any one value gives that value’s reason, not a cached one', () => {
    const rule = ruleOf('{group} on {tier} at {severity}', 'ask {approver} about {number}');
    const base = Object.fromEntries(PLACEHOLDERS.map((p) => [p, 'a'])) as Record<Placeholder, string>;
    expect(reasonFor(rule, valuesFrom(base)).reason.message).toBe('A on a at a');
    for (const slot of rule.slots) {
      const changed = valuesFrom({ ...base, [slot]: 'b' });
      expect(reasonFor(rule, changed).reason).toEqual(renderReason(rule, changed));
      expect(reasonFor(rule, changed).reason).not.toEqual(reasonFor(rule, valuesFrom(base)).reason);
    }
  });

  it('never gives two different value lists the same key', () => {
    const rule = ruleOf('{group}{tier}', 'fix it');
    const a = reasonKey(rule, valuesFrom({ group: 'ab', tier: '' }));
    const b = reasonKey(rule, valuesFrom({ group: 'a', tier: 'b' }));
    const c = reasonKey(rule, valuesFrom({ group: '1:a', tier: '' }));
    const d = reasonKey(rule, valuesFrom({ group: '', tier: '1:a' }));
    expect(new Set([a, b, c, d]).size).toBe(4);
  });

  it('stays bounded when a placeholder takes ever new values, and stays correct', () => {
    const rule = ruleOf('Ticket {number} has no owner.', 'Set one on {number}.');
    for (let i = 0; i < REASON_CACHE_LIMIT * 2 + 7; i++) {
      const values = valuesFrom({ number: `INC${i}` });
      expect(reasonFor(rule, values).reason.message).toBe(`Ticket INC${i} has no owner.`);
      expect(rule.rendered.size).toBeLessThanOrEqual(REASON_CACHE_LIMIT);
    }
  });

  it('shares only frozen reasons', () => {
    const rule = ruleOf('{group} is off.', 'Ask {group}.');
    const reason = reasonFor(rule, valuesFrom({ group: 'ops' })).reason;
    expect(Object.isFrozen(reason)).toBe(true);
    expect(() => {
      (reason as { message: string }).message = 'changed';
    }).toThrow(TypeError);
    expect(reasonFor(rule, valuesFrom({ group: 'ops' })).reason.message).toBe('Ops is off.');
  });

  it('gives the same decisions and panels from a warm cache as from a freshly loaded policy', () => {
    const names = Object.keys(SEED_FILES) as SeedName[];
    const tickets = names.flatMap((name) => [
      seedTicket(name),
      seedTicket(name, { priority: '1' }),
      seedTicket(name, { x_acme_aihandoff_data_classification: 'restricted' }),
      seedTicket(name, { 'assignment_group.name': 'Payroll Systems' }),
      seedTicket(name, { assignment_group: '' }),
    ]);
    const run = (ctx: PolicyContext) => tickets.map((t) => [decideTicket(t, ctx), buildPanel(t, ctx)]);
    const shared = context();
    run(shared);
    const warm = run(shared);
    const fresh = loadPolicy(sandbox.paths.policy);
    expect(fresh.compiled.checkRule['no-permit'].rendered.size).toBe(0);
    const cold = run(context({ policy: fresh }));
    expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));
  });
});
