import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHandoffError } from '../../src/errors.js';
import { readFields } from '../../src/mapping/fields.js';
import { DEFAULT_MAPPINGS_DIR, loadMappings } from '../../src/mapping/load-mappings.js';

describe('default ServiceNow mappings', () => {
  it('load for the five ticket tables with their ticket types', () => {
    const set = loadMappings();
    expect([...set.byTable.keys()].sort()).toEqual(['incident', 'rm_enhancement', 'sc_req_item', 'sc_request', 'sn_si_incident']);
    expect(set.byTable.get('incident')?.ticketType).toBe('incident');
    expect(set.byTable.get('sc_req_item')?.ticketType).toBe('request');
    expect(set.byTable.get('sc_request')?.ticketType).toBe('request');
    expect(set.byTable.get('sn_si_incident')?.ticketType).toBe('security');
    expect(set.byTable.get('rm_enhancement')?.ticketType).toBe('enhancement');
  });

  it('read dot-walked approver fields and never ask for the journal field', () => {
    const fields = readFields(loadMappings().byTable.get('sc_req_item')!);
    expect(fields).toContain('requested_for.manager');
    expect(fields).toContain('sys_updated_on');
    expect(fields).not.toContain('work_notes');
  });
});

describe('a bad mapping file', () => {
  function loadWith(file: string, text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'mappings-'));
    writeFileSync(join(dir, 'incident.yaml'), readFileSync(join(DEFAULT_MAPPINGS_DIR, 'incident.yaml'), 'utf8'));
    writeFileSync(join(dir, file), text);
    try {
      loadMappings(dir);
    } catch (error) {
      if (isHandoffError(error, 'MAPPING_INVALID')) return error.message;
      throw error;
    }
    return 'loaded';
  }
  const good = readFileSync(join(DEFAULT_MAPPINGS_DIR, 'sc_req_item.yaml'), 'utf8');

  it('names the file, the key and the fix for an unknown key', () => {
    const message = loadWith('sc_req_item.yaml', good.replace('  title: short_description', '  title: short_description\n  titel: x'));
    expect(message).toContain("sc_req_item.yaml: fields: unknown key 'titel': remove it or check the spelling");
    expect(message).toContain('nothing was loaded');
  });

  it('names a missing key', () => {
    expect(loadWith('sc_req_item.yaml', good.replace('  number: number\n', ''))).toContain('sc_req_item.yaml: fields.number: is missing');
  });

  it('names a bad field name and a bad enum value', () => {
    const message = loadWith('sc_req_item.yaml', good.replace('state: state', 'state: "State Field"').replace('default: internal', 'default: secret'));
    expect(message).toContain('fields.state');
    expect(message).toContain('dataClass.default');
  });

  it('refuses a file whose name does not match its table, and YAML that does not parse', () => {
    expect(loadWith('problem.yaml', good)).toContain('name the file sc_req_item.yaml');
    expect(loadWith('sc_req_item.yaml', 'table: [unclosed')).toContain('not valid YAML');
  });

  it("refuses v1's request, review and identity keys: requests and reviews are rows of the app's tables (contract v2)", () => {
    expect(loadWith('sc_req_item.yaml', good.replace('  status: x_acme_aihandoff_status\n', '  status: x_acme_aihandoff_status\n  request: x_acme_aihandoff_request\n'))).toContain("sc_req_item.yaml: ai: unknown key 'request'");
    expect(loadWith('sc_req_item.yaml', `${good}identity: audit\n`)).toContain("sc_req_item.yaml: (top level): unknown key 'identity'");
  });
});

describe('a mapping that would widen what the worker writes (issue 10)', () => {
  const good = readFileSync(join(DEFAULT_MAPPINGS_DIR, 'incident.yaml'), 'utf8');
  function refused(edit: ((text: string) => string) | null, scope?: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'mappings-'));
    const text = edit === null ? good : edit(good);
    if (edit !== null) expect(text).not.toBe(good);
    writeFileSync(join(dir, 'incident.yaml'), text);
    try {
      loadMappings(dir, scope === undefined ? {} : { scope });
    } catch (error) {
      if (isHandoffError(error, 'MAPPING_INVALID')) return error.message;
      throw error;
    }
    return 'loaded';
  }
  const status = (field: string) => (t: string) => t.replace('  status: x_acme_aihandoff_status', `  status: ${field}`);
  const panel = (field: string) => (t: string) => t.replace('  panel: x_acme_aihandoff_panel', `  panel: ${field}`);

  it.each([
    ['state', "incident.yaml: ai.status: 'state' is a state, assignment, approval, priority or journal field, which the worker must never write: name the app's status column, x_acme_aihandoff_status"],
    ['assignment_group', "'assignment_group' is a state, assignment, approval, priority or journal field"],
    ['approval', "'approval' is a state, assignment, approval, priority or journal field"],
    ['priority', "'priority' is a state, assignment, approval, priority or journal field"],
    ['comments', "'comments' is a state, assignment, approval, priority or journal field"],
    ['close_notes', "'close_notes' is a state, assignment, approval, priority or journal field"],
    ['resolved_by', "'resolved_by' is a state, assignment, approval, priority or journal field"],
    ['short_description', "incident.yaml: ai.status: 'short_description' is also the ticket field fields.title, which the worker must never write"],
    ['x_acme_aihandoff_data_classification', "'x_acme_aihandoff_data_classification' is also the ticket field dataClass.field"],
    ['u_ai_status', "incident.yaml: ai.status: 'u_ai_status' is outside the app's scope x_acme_aihandoff (its columns are x_acme_aihandoff_*): name the app's status column, x_acme_aihandoff_status"],
    ['caller_id.x_acme_aihandoff_status', "'caller_id.x_acme_aihandoff_status' is a dot-walk into another record"],
    ['x_acme_aihandoff_panel', "incident.yaml: ai.status: 'x_acme_aihandoff_panel' is also ai.panel"],
  ])('refuses ai.status: %s, naming the file, the key and the fix', (field, message) => {
    const text = refused(status(field));
    expect(text).toContain(message);
    expect(text).toContain('nothing was loaded');
  });

  it('refuses ai.panel on a state or another scope\'s field', () => {
    expect(refused(panel('incident_state'))).toContain("incident.yaml: ai.panel: 'incident_state' is a state, assignment, approval, priority or journal field, which the worker must never write: name the app's panel column, x_acme_aihandoff_panel");
    expect(refused(panel('x_other_app_panel'))).toContain("incident.yaml: ai.panel: 'x_other_app_panel' is outside the app's scope x_acme_aihandoff");
  });

  it('refuses work notes anywhere but the internal work_notes journal', () => {
    expect(refused((t) => t.replace('  workNotes: work_notes', '  workNotes: comments'))).toContain(
      "incident.yaml: ai.workNotes: 'comments' is the customer-visible journal; the AI writes only internal work notes: set it to work_notes",
    );
    expect(refused((t) => t.replace('  workNotes: work_notes', '  workNotes: x_acme_aihandoff_notes'))).toContain(
      "incident.yaml: ai.workNotes: 'x_acme_aihandoff_notes' is not the internal work-notes journal; the AI writes only internal work notes: set it to work_notes",
    );
  });

  it("checks the AI fields against the scope it is given (the runtime config's app.scope)", () => {
    expect(refused(null, 'x_globex_aihandoff')).toContain("'x_acme_aihandoff_panel' is outside the app's scope x_globex_aihandoff");
    const renamed = (t: string) => t.replaceAll('x_acme_aihandoff_panel', 'x_globex_aihandoff_panel').replaceAll('x_acme_aihandoff_status', 'x_globex_aihandoff_status');
    expect(refused(renamed, 'x_globex_aihandoff')).toBe('loaded');
  });

  it('loads the shipped mappings for the default scope', () => {
    expect(loadMappings().byTable.size).toBe(5);
  });
});
