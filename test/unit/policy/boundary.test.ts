/**
 * The read boundary in the policy: the scope's boundary (classes, provider
 * kind, other-group rule, read-check requirement) and its plain words, that
 * the scope digest covers it, the panel's read check, the policy keys and
 * their defaults, and the class the panel carries across lowerings.
 */
import { describe, expect, it } from 'vitest';
import { isHandoffError } from '../../../src/errors.js';
import { scopeDigest } from '../../../src/domain/scope.js';
import { ReadCheck, readCheckId } from '../../../src/domain/read-check.js';
import { readCheckFor } from '../../../src/policy/read-check.js';
import { canonicalJson } from '../../../src/util/canonical-json.js';
import { mappingFor } from '../../../src/mapping/load-mappings.js';
import { buildPanel, decideTicket } from '../../../src/policy/index.js';
import { carryLowering, recordedClass } from '../../../src/policy/class-lowering.js';
import { context, mappings, policy, policyTexts, policyWith, seedTicket } from './support.js';
import { parsePolicy } from '../../../src/policy/load-policy.js';

const incident = mappingFor(mappings, 'incident');
const INC = (change: Record<string, string> = {}) => seedTicket('INC-2041', change);
const CLASS_FIELD = 'x_acme_aihandoff_data_classification';

describe("a scope's boundary", () => {
  it('lets through classes up to the ticket\'s, never restricted, for the built-in provider', () => {
    const ctx = context({ providerKind: 'builtin' });
    const classesOf = (c: string) => buildPanel(INC({ [CLASS_FIELD]: c }), ctx).operations[0]!.boundary.classes;
    expect(classesOf('public')).toEqual(['public']);
    expect(classesOf('internal')).toEqual(['public', 'internal']);
    expect(classesOf('confidential')).toEqual(['public', 'internal', 'confidential']);
    expect(classesOf('restricted')).toEqual(['public', 'internal', 'confidential']);
    expect(classesOf('top secret')).toEqual([]);
  });

  it('leaves out the classes the provider kind may not receive (policy providers)', () => {
    const publicOnly = policyWith('policy.yaml', (t) => t.replace('external: [public, internal, confidential]', 'external: [public]'));
    const ops = buildPanel(INC({ [CLASS_FIELD]: 'confidential' }), context({ policy: publicOnly, providerKind: 'azure-openai' })).operations;
    expect(ops[0]!.boundary).toEqual({ classes: ['public'], provider: 'azure-openai', otherGroups: false, requesterMustRead: true });
  });

  it('names the other-group rule from the policy, off by default', () => {
    expect(policy.boundary.otherGroupsAsEvidence).toBe(false);
    const open = policyWith('policy.yaml', (t) => t.replace('otherGroupsAsEvidence: false', 'otherGroupsAsEvidence: true'));
    expect(buildPanel(INC(), context({ policy: open })).operations[0]!.boundary.otherGroups).toBe(true);
  });

  it('states the boundary in plain words before Confirm, only for operations that read beyond the ticket', () => {
    const ops = buildPanel(INC(), context({ providerKind: 'builtin' })).operations;
    const words = new Map(ops.map((o) => [o.id, o.boundaryText]));
    expect(words.get('gather-diagnostics')).toBe(
      'Related tickets on the same configuration item, related tickets from the same caller and the configuration item record: up to Internal, only from groups that use AI, only those you can open.',
    );
    expect(words.get('draft-status-update')).toBe('');
    const open = policyWith('policy.yaml', (t) => t.replace('otherGroupsAsEvidence: false', 'otherGroupsAsEvidence: true'));
    expect(buildPanel(INC(), context({ policy: open })).operations.find((o) => o.id === 'compare-baseline')!.boundaryText).toContain('from any group (read-only)');
  });

  it('says plainly when the ticket\'s class lets nothing beyond it through', () => {
    const op = buildPanel(INC({ [CLASS_FIELD]: 'top secret' }), context()).operations.find((o) => o.id === 'compare-baseline')!;
    expect(op.boundaryText).toBe("Related tickets on the same configuration item and the configuration item record: none used, since this ticket's class allows no other record to reach the AI.");
  });
});

describe('the scope digest covers the boundary', () => {
  const digests = (ctx = context(), change: Record<string, string> = {}) => new Map(buildPanel(INC(change), ctx).operations.map((o) => [o.id, o.scopeDigest]));

  it('equals the domain digest of the scope, boundary included', () => {
    const decided = decideTicket(INC(), context({ providerKind: 'builtin' }));
    for (const entry of decided.scopes) {
      expect(entry.scope.boundary.requesterMustRead).toBe(true);
      expect(scopeDigest(entry.scope)).toBe(entry.digest);
    }
    expect(digests(context({ providerKind: 'builtin' }))).toEqual(new Map(decided.scopes.map((s) => [s.operation, s.digest])));
  });

  it('changes when the ticket is reclassified, the provider kind changes, or the other-group rule is switched', () => {
    const base = digests(context({ providerKind: 'builtin' }));
    const reclassified = digests(context({ providerKind: 'builtin' }), { [CLASS_FIELD]: 'public' });
    const otherKind = digests(context({ providerKind: 'azure-openai' }));
    const open = policyWith('policy.yaml', (t) => t.replace('otherGroupsAsEvidence: false', 'otherGroupsAsEvidence: true'));
    const openDigests = digests(context({ policy: open, providerKind: 'builtin' }));
    for (const [id, digest] of base) {
      expect(reclassified.get(id)).not.toBe(digest);
      expect(otherKind.get(id)).not.toBe(digest);
      expect(openDigests.get(id)).not.toBe(digest);
    }
  });
});

describe("the panel's read check", () => {
  const record = INC();

  it('lists one query per kind the ticket\'s operations read, with the mapping\'s fields, newest first from the app\'s side, and the CI record', () => {
    const panel = buildPanel(record, context(), { related: incident });
    const sysId = record.ref.sysId;
    expect(panel.readCheck.queries).toEqual([
      { source: 'related_by_ci', table: 'incident', field: 'cmdb_ci', value: record.configurationItem!.id, exclude: sysId, limit: 20 },
      { source: 'related_by_caller', table: 'incident', field: 'caller_id', value: record.caller!.id, exclude: sysId, limit: 20 },
      { source: 'related_by_group', table: 'incident', field: 'assignment_group', value: record.owner.group!.id, exclude: sysId, limit: 20 },
      { source: 'ci_record', table: 'cmdb_ci', sysId: record.configurationItem!.id },
    ]);
    expect(panel.readCheck.id).toBe(readCheckId(panel.readCheck.queries));
  });

  it('checks only the CI record without the mapping, and nothing the ticket has no sys_id for', () => {
    expect(buildPanel(record, context()).readCheck.queries.map((q) => q.source)).toEqual(['ci_record']);
    const noCi = buildPanel(INC({ cmdb_ci: '', 'cmdb_ci.name': '' }), context(), { related: incident });
    expect(noCi.readCheck.queries.map((q) => q.source)).toEqual(['related_by_caller', 'related_by_group']);
    const odd = buildPanel(INC({ cmdb_ci: 'VPN^NQactive=true' }), context(), { related: incident });
    expect(odd.readCheck.queries.map((q) => q.source)).toEqual(['related_by_caller', 'related_by_group']);
  });

  it('keeps its id while only decisions change, and changes it with the ticket\'s CI', () => {
    const id = buildPanel(record, context(), { related: incident }).readCheck.id;
    expect(buildPanel(record, context({ switches: { operations: { 'gather-diagnostics': false } } }), { related: incident }).readCheck.id).toBe(id);
    expect(buildPanel(INC({ cmdb_ci: 'f'.repeat(32) }), context(), { related: incident }).readCheck.id).not.toBe(id);
  });

  it('assembles the canonical JSON the id is the digest of, as canonicalJson would', () => {
    const sources = new Set(['related_by_ci', 'related_by_caller', 'related_by_group', 'ci_record'] as const);
    for (const ticket of [record, INC({ cmdb_ci: '' }), INC({ caller_id: '"quoted"' })]) {
      const entry = readCheckFor(ticket, sources, incident);
      expect(entry.json).toBe(canonicalJson(entry.readCheck));
      expect(entry.readCheck.id).toBe(readCheckId(entry.readCheck.queries));
      expect(ReadCheck.safeParse(entry.readCheck).success).toBe(true);
    }
    expect(readCheckFor(record, new Set(), incident).json).toBe(canonicalJson({ id: readCheckId([]), queries: [] }));
  });

  it('is covered by the panel digest', () => {
    const with_ = buildPanel(record, context(), { related: incident });
    const without = buildPanel(record, context());
    expect(with_.digest).not.toBe(without.digest);
  });
});

describe('the boundary keys of policy.yaml', () => {
  it('default to the strictest reading when the block is left out', () => {
    const texts = policyTexts();
    const without = parsePolicy({ ...texts, 'policy.yaml': texts['policy.yaml'].replace(/\nboundary:\n(?: {2}.*\n|\s*\n)*?(?=# The rules)/, '\n') }, 'edited');
    expect(without.boundary).toEqual({ otherGroupsAsEvidence: false, ciRecordClass: 'confidential', classLowering: { coolDownHours: 24, refuse: 'everyone' } });
    expect(policy.boundary).toEqual({ otherGroupsAsEvidence: false, ciRecordClass: 'internal', classLowering: { coolDownHours: 24, refuse: 'everyone' } });
  });

  it('refuses an unknown key or value, naming it', () => {
    const problem = (edit: (t: string) => string): string => {
      try {
        policyWith('policy.yaml', edit);
      } catch (error) {
        if (isHandoffError(error, 'POLICY_INVALID')) return error.message;
        throw error;
      }
      return 'loaded';
    };
    expect(problem((t) => t.replace('otherGroupsAsEvidence: false', 'otherGroupsAsEvidence: false\n  readAnything: true'))).toContain("boundary: unknown key 'readAnything'");
    expect(problem((t) => t.replace('    refuse: everyone\n', '    refuse: nobody\n'))).toContain('boundary.classLowering.refuse');
    expect(problem((t) => t.replace('ciRecordClass: internal', 'ciRecordClass: secret'))).toContain('boundary.ciRecordClass');
  });
});

describe('the class the panel carries across a lowering', () => {
  const DAY = 86_400_000;
  const now = new Date('2026-03-02T10:00:00Z');
  const panelText = (dataClass: string | null, classLowered: unknown = null) => JSON.stringify({ ticket: { dataClass, classLowered } });

  it('records a lowering from the class the ticket\'s panel was computed for', () => {
    expect(carryLowering(panelText('restricted'), 'public', now, DAY)).toEqual({ from: 'restricted', to: 'public', at: now.toISOString() });
    expect(carryLowering(panelText('internal'), 'confidential', now, DAY)).toBeNull();
    expect(carryLowering(panelText('internal'), 'internal', now, DAY)).toBeNull();
  });

  it('carries it, with its first time, until the cool-down ends, through later panels', () => {
    const lowered = { from: 'restricted', to: 'public', at: new Date(now.getTime() - DAY / 2).toISOString() };
    expect(carryLowering(panelText('public', lowered), 'public', now, DAY)).toEqual(lowered);
    expect(carryLowering(panelText('public', lowered), 'internal', now, DAY)).toEqual({ ...lowered, to: 'internal' });
    expect(carryLowering(panelText('public', lowered), 'restricted', now, DAY)).toBeNull();
    expect(carryLowering(panelText('public', lowered), 'public', new Date(now.getTime() + DAY), DAY)).toBeNull();
  });

  it('carries nothing when the cool-down is off, or from a panel it cannot read', () => {
    expect(carryLowering(panelText('restricted'), 'public', now, 0)).toBeNull();
    for (const previous of [null, undefined, '', 'not json', '{"schema":1}', panelText('secret')]) expect(carryLowering(previous, 'public', now, DAY)).toBeNull();
    expect(recordedClass(panelText('internal', { from: 'restricted', to: 'public', at: 'yesterday' }))).toEqual({ dataClass: 'internal', lowered: null });
  });

  it('is in the panel the worker writes when it is given the panel the ticket holds', () => {
    const ctx = context();
    const previous = JSON.stringify(buildPanel(INC({ [CLASS_FIELD]: 'restricted' }), ctx));
    const panel = buildPanel(INC({ [CLASS_FIELD]: 'public' }), ctx, { lowering: { previous, now } });
    expect(panel.ticket.dataClass).toBe('public');
    expect(panel.ticket.classLowered).toEqual({ from: 'restricted', to: 'public', at: now.toISOString() });
    expect(panel.digest).not.toBe(buildPanel(INC({ [CLASS_FIELD]: 'public' }), ctx).digest);
  });
});
