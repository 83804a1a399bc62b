/**
 * The fields of a table the connector has no configured lineage for (a
 * custom ticket table, issue 15): read as a mapped ticket table, its
 * ancestors come from sys_db_object when the user may read it, else it is
 * taken to extend task; any other unknown table is read alone.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveTable } from './fake-table.js';
import { harness, instance, mapping, snError, SYS } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const ROWS = [
  { sys_id: SYS(1), name: 'task', element: 'number', internal_type: 'string', reference: '', active: 'true' },
  { sys_id: SYS(2), name: 'task_custom_base', element: 'u_base', internal_type: 'string', reference: '', active: 'true' },
  { sys_id: SYS(3), name: 'u_vendor_access_request', element: 'u_vendor', internal_type: 'string', reference: '', active: 'true' },
  { sys_id: SYS(4), name: 'sys_user', element: 'name', internal_type: 'string', reference: '', active: 'true' },
];

describe('the dictionary of a table with no configured lineage', () => {
  it('follows sys_db_object.super_class for a ticket table', async () => {
    const dictionary = serveTable('sys_dictionary', () => ROWS);
    serveTable('sys_db_object', () => [
      { sys_id: SYS(10), name: 'u_vendor_access_request', label: 'Vendor access request', super_class: SYS(11) },
      { sys_id: SYS(11), name: 'task_custom_base', label: 'Base', super_class: SYS(12) },
      { sys_id: SYS(12), name: 'task', label: 'Task', super_class: '' },
    ]);
    const { connector } = harness();
    const check = await connector.checkMapping({ ...mapping('sc_req_item'), table: 'u_vendor_access_request' });
    expect(dictionary.queries[0]).toContain('nameINu_vendor_access_request,task_custom_base,task');
    expect(check.missing.map((m) => m.field)).not.toContain('number');
  });

  it('takes a ticket table to extend task when sys_db_object cannot be read, and reads any other table alone', async () => {
    const dictionary = serveTable('sys_dictionary', () => ROWS);
    instance().persist().get((uri) => uri.startsWith('/api/now/table/sys_db_object?')).reply(403, snError('User Not Authorized'));
    const { connector } = harness({ retry: { maxAttempts: 1 } });
    const check = await connector.checkMapping({ ...mapping('sc_req_item'), table: 'u_vendor_access_request' });
    expect(dictionary.queries[0]).toContain('nameINu_vendor_access_request,task');
    expect(check.missing.map((m) => m.field)).not.toContain('number');
    expect([...(await connector.dictionary('sys_user')).keys()]).toContain('name');
    // The dot-walked user table: its own rows only, no task.
    expect(dictionary.queries.filter((q) => /nameINsys_user(\^|$)/.test(q))).not.toEqual([]);
    expect(dictionary.queries.filter((q) => q.includes('sys_user') && q.includes('task'))).toEqual([]);
  });
});
