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
