/**
 * One ticket on a fake platform with the app's scripts and rules installed,
 * the cast's group memberships, a configuration item, and a real panel in its
 * panel field.
 */
import type { Panel } from '../../../src/domain/panel.js';
import { APP } from './app-files.js';
import { CAST, GROUPS } from './cast.js';
import { FakePlatform, type FakeUser } from './fake-platform.js';
import { INC_SYS_ID, incidentPanel } from './panels.js';

export const TABLE = 'incident';
export const CI_SYS_ID = 'c1c1c1c1000040008000000000000001';

/** Field writes the app's scripts may make on a ticket (through the ticket API, for the worker); anything else is a defect. */
export const TICKET_WRITABLE = [APP.fields.panel, APP.fields.status, 'work_notes', 'sys_updated_on', 'sys_mod_count'];

export function ticketOnPlatform(as: FakeUser, panel: Panel | string = incidentPanel()): FakePlatform {
  const platform = new FakePlatform(as);
  platform.installAppRules();
  platform.insertRow(TABLE, {
    sys_id: INC_SYS_ID,
    number: 'INC0002041',
    state: '2',
    priority: '2',
    cmdb_ci: CI_SYS_ID,
    assigned_to: CAST.alex.sysId,
    assignment_group: GROUPS.networkOperations,
    [APP.fields.panel]: typeof panel === 'string' ? panel : JSON.stringify(panel),
    [APP.fields.status]: 'eligible',
    sys_mod_count: '4',
    sys_updated_on: '2025-11-20 09:00:00',
  });
  platform.insertRow('cmdb_ci', { sys_id: CI_SYS_ID, name: 'EU-West VPN gateway' });
  let n = 0;
  for (const user of Object.values(CAST)) {
    for (const group of user.groups) {
      n += 1;
      platform.insertRow('sys_user_grmember', { sys_id: `member${n}`, user: user.sysId, group, 'group.active': 'true' });
    }
  }
  platform.insertRow('sys_user_grmember', { sys_id: 'member-inactive', user: CAST.morgan.sysId, group: GROUPS.networkOperations, 'group.active': 'false' });
  return platform;
}
