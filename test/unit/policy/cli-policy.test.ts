/**
 * `ai-handoff policy check` and `ai-handoff policy explain`, run in-process
 * through main() with stdout and stderr captured.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { fromRoot } from '../../../src/util/paths.js';
import { fixturePath, policy, seedRecord } from './support.js';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const run = (...args: string[]) => main(['node', 'ai-handoff', ...args]);
const sandboxConfig = fromRoot('config', 'sandbox.yaml');

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cli-')), name);
  writeFileSync(file, text);
  return file;
}

interface ExplainJson {
  classification: string;
  policyVersion: string;
  operations: { id: string; decision: string; approval: { required: boolean; role: string | null; approver: { name?: string } | null }; reasons: { rule: string; message: string; remedy: string }[]; scopeDigest: string; boundary: { classes: string[] } | null }[];
  blockedActions: string[];
}

describe('ai-handoff policy check', () => {
  it('exits 0 with a one-line summary', async () => {
    expect(await run('policy', 'check', '--config', sandboxConfig)).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toContain(`policy ${policy.version} OK: 4 classes, 13 operations`);
    expect(out).toContain('6 of 7 listed groups opted in');
  });

  it('exits 2 with the error, the file and the fix for a bad policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-policy-'));
    for (const name of ['policy.yaml', 'classes.yaml']) writeFileSync(join(dir, name), readFileSync(fromRoot('config', 'policy', name), 'utf8'));
    writeFileSync(join(dir, 'catalog.yaml'), readFileSync(fromRoot('config', 'policy', 'catalog.yaml'), 'utf8').replace('class: evidence_gathering', 'class: guessing'));
    const config = tempFile('c.yaml', `paths: { policy: ${dir}, mappings: ${fromRoot('mappings', 'servicenow')} }\ngroups:\n  default: { enabled: false, tier: none }\n`);
    expect(await run('policy', 'check', '--config', config)).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('ai-handoff: POLICY_INVALID: policy in');
    expect(err).toContain('catalog.yaml: operations[0].class');
    expect(err).toContain('fix: fix each listed key');
  });

  it('exits 2 for a config error and for a switch naming an unknown operation', async () => {
    expect(await run('policy', 'check', '--config', tempFile('c.yaml', 'paths: {}\n'))).toBe(2);
    expect(err).toContain('CONFIG_INVALID');
    err = '';
    const config = tempFile('c.yaml', `paths: { policy: ${fromRoot('config', 'policy')}, mappings: ${fromRoot('mappings', 'servicenow')} }\nswitches: { operations: { close-ticket: false } }\ngroups:\n  default: { enabled: false, tier: none }\n`);
    expect(await run('policy', 'check', '--config', config)).toBe(2);
    expect(err).toContain("switches.operations names 'close-ticket'");
  });

  it('reports an approver role that no mapping of the ticket type resolves', async () => {
    const maps = mkdtempSync(join(tmpdir(), 'cli-maps-'));
    writeFileSync(join(maps, 'incident.yaml'), readFileSync(fromRoot('mappings', 'servicenow', 'incident.yaml'), 'utf8').replace(/approvers:\n {2}incident_commander:\n.*\n/, 'approvers: {}\n'));
    const config = tempFile('c.yaml', `paths: { policy: ${fromRoot('config', 'policy')}, mappings: ${maps} }\ngroups:\n  default: { enabled: false, tier: none }\n`);
    expect(await run('policy', 'check', '--config', config)).toBe(2);
    expect(err).toContain('incident.yaml: approvers.incident_commander: missing, so operation draft-vendor-escalation');
  });
});

describe('ai-handoff policy explain', () => {
  it('--json prints exactly one object of the documented shape', async () => {
    expect(await run('policy', 'explain', '--table', 'incident', '--record', fixturePath('INC-2041'), '--json', '--config', sandboxConfig)).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as ExplainJson;
    expect(Object.keys(json)).toEqual(['classification', 'policyVersion', 'operations', 'blockedActions']);
    expect(json.classification).toBe('eligible');
    expect(json.policyVersion).toBe(policy.version);
    for (const op of json.operations) {
      expect(Object.keys(op)).toEqual(['id', 'decision', 'approval', 'reasons', 'scopeDigest', 'boundary']);
      expect(Object.keys(op.approval)).toEqual(['required', 'role', 'approver']);
      expect(op.scopeDigest).toMatch(/^[0-9a-f]{32}$/);
      expect(op.boundary).toMatchObject({ classes: ['public', 'internal'], requesterMustRead: true });
      for (const reason of op.reasons) expect(Object.keys(reason)).toEqual(['rule', 'message', 'remedy']);
    }
    const escalation = json.operations.find((o) => o.id === 'draft-vendor-escalation');
    expect(escalation).toMatchObject({ decision: 'approval-bound', approval: { required: true, role: 'incident_commander', approver: { name: 'Irene Costa' } } });
    expect(json.blockedActions).toEqual(expect.arrayContaining(['routing', 'failover', 'closure']));
  });

  it('accepts the bare record as well as the Table API envelope, and a one-record list', async () => {
    await run('policy', 'explain', '--table', 'incident', '--record', fixturePath('INC-2041'), '--json', '--config', sandboxConfig);
    const enveloped = out;
    out = '';
    await run('policy', 'explain', '--table', 'incident', '--record', tempFile('bare.json', JSON.stringify(seedRecord('INC-2041'))), '--json', '--config', sandboxConfig);
    expect(out).toBe(enveloped);
    out = '';
    await run('policy', 'explain', '--table', 'incident', '--record', tempFile('list.json', JSON.stringify({ result: [seedRecord('INC-2041')] })), '--json', '--config', sandboxConfig);
    expect(out).toBe(enveloped);
  });

  it('prints one readable block per operation', async () => {
    expect(await run('policy', 'explain', '--table', 'sn_si_incident', '--record', fixturePath('SEC-2274'), '--config', sandboxConfig)).toBe(0);
    expect(out).toContain('SIR0002274 · security (sn_si_incident) · MFA exception review');
    expect(out).toContain('classification: approval-bound');
    expect(out).toContain('compile-exception-history: Compile exception history\n  decision   approval-bound');
    expect(out).toContain('approval   security_owner: Samira Haddad');
    expect(out).toContain('evidence-pack: Evidence pack\n  decision   blocked');
    expect(out).toContain('fix: Use an operation that goes to the security owner for approval');
    expect(out).toContain('8 catalog operations for other ticket types are not shown.');
    // The read boundary in the scope's words: a confidential ticket lets records up to confidential through.
    expect(out).toContain('  beyond     Related tickets on the same configuration item and the configuration item record: up to Confidential, only from groups that use AI, only those you can open.');
  });

  it('--note blocks the operations with the reason; --provider applies the allowance', async () => {
    await run('policy', 'explain', '--table', 'rm_enhancement', '--record', fixturePath('ENH-2219'), '--json', '--note', 'and reprioritise: set priority to 1', '--config', sandboxConfig);
    const noted = JSON.parse(out) as ExplainJson;
    expect(noted.classification).toBe('blocked');
    for (const op of noted.operations) expect(op.reasons.map((r) => r.rule)).toContain('forbid.note.state-change');
    out = '';
    const restricted = tempFile('r.json', JSON.stringify({ ...seedRecord('ENH-2219'), x_acme_aihandoff_data_classification: 'restricted' }));
    expect(await run('policy', 'explain', '--table', 'rm_enhancement', '--record', restricted, '--json', '--provider', 'external', '--config', sandboxConfig)).toBe(0);
    const json = JSON.parse(out) as ExplainJson;
    expect(json.operations[0]?.reasons.map((r) => r.rule)).toEqual(['forbid.data-class.restricted', 'forbid.provider.data-class']);
    out = '';
    expect(await run('policy', 'explain', '--table', 'rm_enhancement', '--record', restricted, '--json', '--provider', 'azure-openai', '--config', sandboxConfig)).toBe(0);
    const azure = JSON.parse(out) as ExplainJson;
    expect(azure.operations[0]?.reasons.map((r) => r.message)).toContain('Restricted data may not be sent to the configured azure-openai AI provider.');
  });

  it('exits 2 with a clear error for an unknown table, a bad file, a bad record and a bad provider', async () => {
    expect(await run('policy', 'explain', '--table', 'problem', '--record', fixturePath('INC-2041'), '--config', sandboxConfig)).toBe(2);
    expect(err).toContain("INPUT_INVALID: no mapping for table 'problem'");
    expect(err).toContain('fix: use one of: incident,');
    err = '';
    expect(await run('policy', 'explain', '--table', 'incident', '--record', tempFile('x.json', '{"result":'), '--config', sandboxConfig)).toBe(2);
    expect(err).toContain('is not valid JSON');
    err = '';
    expect(await run('policy', 'explain', '--table', 'incident', '--record', tempFile('x.json', JSON.stringify({ ...seedRecord('INC-2041'), priority: 2 })), '--config', sandboxConfig)).toBe(2);
    expect(err).toContain('RECORD_INVALID: incident record: priority: is number, not a string');
    err = '';
    expect(await run('policy', 'explain', '--table', 'incident', '--record', tempFile('x.json', JSON.stringify({ result: [] })), '--config', sandboxConfig)).toBe(2);
    expect(err).toContain('holds 0 records');
    err = '';
    expect(await run('policy', 'explain', '--table', 'incident', '--record', fixturePath('INC-2041'), '--provider', 'cloud', '--config', sandboxConfig)).toBe(2);
    expect(err).toContain("--provider: 'cloud' is not a provider kind");
    expect(err).toContain('use one of: builtin, azure-openai, openai-compatible, external');
    expect(out).toBe('');
  });

  it('says a missing record file is missing, and a folder is not a file', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'cli-')), 'nope.json');
    expect(await run('policy', 'explain', '--table', 'incident', '--record', missing, '--config', sandboxConfig)).toBe(2);
    expect(err).toBe(`ai-handoff: INPUT_INVALID: --record: the file ${missing} does not exist\n  fix: give the path of a JSON file holding one record (save the Table API response body)\n`);
    expect(err).not.toContain('ENOENT');
    err = '';
    expect(await run('policy', 'explain', '--table', 'incident', '--record', tmpdir(), '--config', sandboxConfig)).toBe(2);
    expect(err).toContain('is a folder, not a file');
    expect(out).toBe('');
  });

  it('refuses a record of another mapped table instead of reading it under the wrong mapping', async () => {
    const incident = fromRoot('test', 'fixtures', 'records', 'incident-INC0002041.json');
    expect(await run('policy', 'explain', '--table', 'sn_si_incident', '--record', incident, '--config', sandboxConfig)).toBe(2);
    expect(err).toContain('INPUT_INVALID: --table sn_si_incident, but the record INC0002041 belongs to table incident (its sys_class_name)');
    expect(err).toContain('fix: use --table incident');
    expect(out).toBe('');
    err = '';
    // The same record under its own table is explained; a record of an unmapped child table (no mapping of its own) is read under the table given.
    expect(await run('policy', 'explain', '--table', 'incident', '--record', incident, '--config', sandboxConfig)).toBe(0);
    const child = tempFile('child.json', JSON.stringify({ ...(JSON.parse(readFileSync(incident, 'utf8')) as { result: object }).result, sys_class_name: 'u_major_incident' }));
    expect(await run('policy', 'explain', '--table', 'incident', '--record', child, '--config', sandboxConfig)).toBe(0);
    expect(err).toBe('');
  });

  it('a missing required option is a usage error', async () => {
    expect(await run('policy', 'explain', '--table', 'incident')).toBe(1);
    expect(err).toContain("required option '--record <file>' not specified");
  });
});
