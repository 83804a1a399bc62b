/**
 * `mappings init`'s inference (src/admin/mapping-draft.ts) and its YAML
 * (src/admin/mapping-yaml.ts) on a custom table described by hand: a table
 * the product has never seen, with a label-only match, a renumbered priority
 * list, its own classification field with a value no class matches, and no
 * app fields yet. And a table missing what a mapping needs.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftMapping, referencedTables } from '../../../src/admin/mapping-draft.js';
import { mappingYaml } from '../../../src/admin/mapping-yaml.js';
import type { ChoiceInfo, ColumnInfo, TableDescription } from '../../../src/admin/table-description.js';
import { countNotes } from '../../../src/cli/commands/mappings-init.js';

/** The YAML with each comment's wrapped lines joined, so a note can be found whole. */
const joined = (yaml: string): string => yaml.replace(/\n *# (?!confirm:|NOT |Candidate|[a-zA-Z]+: left out)/g, ' ');

type Col = [name: string, label: string, type: string, reference?: string];

function describe_(table: string, lineage: string[], cols: Col[], choices: Record<string, [string, string][]> = {}): TableDescription {
  const columns = new Map<string, ColumnInfo>(cols.map(([name, label, type, reference]) => [name, { name, label, type, reference: reference ?? null, definedOn: table }]));
  return {
    table,
    label: table,
    lineage,
    columns,
    choices: new Map(Object.entries(choices).map(([col, list]) => [col, { definedOn: table, choices: list.map(([value, label]): ChoiceInfo => ({ value, label })) }])),
  };
}

const TASK: Col[] = [
  ['number', 'Number', 'string'],
  ['short_description', 'Short description', 'string'],
  ['description', 'Description', 'string'],
  ['state', 'State', 'integer'],
  ['active', 'Active', 'boolean'],
  ['sys_updated_on', 'Updated', 'glide_date_time'],
  ['priority', 'Priority', 'integer'],
  ['assignment_group', 'Assignment group', 'reference', 'sys_user_group'],
  ['assigned_to', 'Assigned to', 'reference', 'sys_user'],
  ['opened_by', 'Opened by', 'reference', 'sys_user'],
  ['work_notes', 'Work notes', 'journal_input'],
];
const SYS_USER = describe_('sys_user', ['sys_user'], [['name', 'Name', 'string'], ['manager', 'Manager', 'reference', 'sys_user']]);
const SYS_USER_GROUP = describe_('sys_user_group', ['sys_user_group'], [['name', 'Name', 'string'], ['manager', 'Manager', 'reference', 'sys_user']]);
const referenced = new Map([
  ['sys_user', SYS_USER],
  ['sys_user_group', SYS_USER_GROUP],
]);

describe('mappings init on a table the product has never seen', () => {
  const vendor = describe_(
    'u_vendor_access_request',
    ['u_vendor_access_request', 'task'],
    [...TASK, ['u_requested_for', 'Requested for', 'reference', 'sys_user'], ['u_vendor', 'Vendor', 'string'], ['u_classification', 'Data classification', 'string']],
    {
      priority: [['0', 'P0 - Critical'], ['1', 'P1 - High'], ['2', 'P2 - Moderate'], ['3', 'P3 - Low'], ['9', 'Backlog']],
      u_classification: [['public', 'Public'], ['internal', 'Internal use'], ['conf', 'Confidential'], ['secret', 'Secret']],
    },
  );
  const draft = draftMapping({ table: vendor, referenced, ticketType: 'request', roles: ['requester_manager'], scope: 'x_acme_aihandoff' });
  const yaml = mappingYaml(draft, { command: 'ai-handoff mappings init --table u_vendor_access_request --type request', instance: 'https://acme.service-now.com', file: '/tmp/u.yaml' });
  const parsed = parse(yaml) as Record<string, Record<string, unknown>>;
  const notes = joined(yaml);

  it('matches by standard name, then by label, and says so', () => {
    expect(parsed.fields).toEqual({
      number: 'number',
      title: 'short_description',
      description: 'description',
      state: 'state',
      active: 'active',
      updatedAt: 'sys_updated_on',
      group: 'assignment_group',
      groupName: 'assignment_group.name',
      assignee: 'assigned_to',
      assigneeName: 'assigned_to.name',
      caller: 'u_requested_for',
      callerName: 'u_requested_for.name',
    });
    expect(notes).toContain("  # confirm: no column caller_id or requested_for or affected_user; matched by its label 'Requested for'");
    expect(notes).toContain('# configurationItem: left out: no column cmdb_ci and none labelled like it referencing cmdb_ci (optional)');
  });

  it('reads a renumbered priority list by its labels, and a number where the label says nothing', () => {
    expect(parsed.severity).toEqual({ from: 'priority', field: 'priority', map: { '0': 1, '1': 2, '2': 3, '3': 4, '9': 4 } });
    expect(notes).toContain("9 'Backlog' -> 4 (by its number)");
  });

  it("maps the table's own classification field, and names the value no class matches", () => {
    expect(parsed.dataClass).toEqual({ field: 'u_classification', map: { public: 'public', internal: 'internal', conf: 'confidential' }, default: 'internal' });
    expect(notes).toContain("# confirm: not the app's x_acme_aihandoff_data_classification; matched by its label 'Data classification'");
    expect(notes).toContain("# confirm: not mapped: 'secret' (Secret): a ticket with one has an unknown data class and is blocked");
  });

  it('approvers from the role the policy needs, through the matched caller; candidates listed', () => {
    expect(parsed.approvers).toEqual({ requester_manager: [{ user: 'u_requested_for.manager', name: 'u_requested_for.manager.name' }] });
    expect(notes).toContain('# Candidate approver fields on u_vendor_access_request (references to users or groups): assigned_to (user),');
  });

  it('the AI fields of the v2 contract only, and a note that the app is not on the table yet', () => {
    expect(parsed.ai).toEqual({ panel: 'x_acme_aihandoff_panel', status: 'x_acme_aihandoff_status', workNotes: 'work_notes' });
    expect(parsed).not.toHaveProperty('identity');
    expect(notes).toContain('# NOT ON u_vendor_access_request: x_acme_aihandoff_panel, x_acme_aihandoff_status: install the app on this table');
    expect(countNotes(draft)).toEqual({ confirm: 6, missing: 1 });
  });

  it('describes the tables the draft walks into', () => {
    expect(referencedTables(vendor)).toEqual(['sys_user', 'sys_user_group']);
  });
});

describe('mappings init on a table missing what a mapping needs', () => {
  const bare = describe_('u_bare', ['u_bare'], [['u_title', 'Title', 'string'], ['sys_updated_on', 'Updated', 'glide_date_time']]);
  const draft = draftMapping({ table: bare, referenced, ticketType: 'security', roles: ['security_owner'], scope: 'x_acme_aihandoff' });
  const yaml = mappingYaml(draft, { command: 'c', instance: 'i', file: null });
  const parsed = parse(yaml) as Record<string, unknown>;
  const notes = joined(yaml);

  it('leaves each missing value null with NOT FOUND, so the file does not load until a person fills it in', () => {
    expect(parsed.active).toBeNull();
    expect(parsed.severity).toBeNull();
    expect(parsed.approvers).toEqual({ security_owner: null });
    expect((parsed.fields as Record<string, unknown>).number).toBeNull();
    expect((parsed.fields as Record<string, unknown>).title).toBe('u_title');
    expect(notes).toContain('  # NOT FOUND: no column number and none labelled like it: name the column');
    expect(notes).toContain('# NOT FOUND: no priority, and no impact and urgency, on u_bare: name the column severity comes from');
    expect(notes).toContain('--file <this file>');
    expect(parsed.dataClass).toEqual({ map: {}, default: 'confidential' });
    expect(countNotes(draft).missing).toBeGreaterThanOrEqual(8);
  });
});
