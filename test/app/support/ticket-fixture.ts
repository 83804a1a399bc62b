/**
 * One ticket on a fake platform with the app's scripts and rules installed,
 * the cast's group memberships, and a real panel in its panel field.
 */
import type { Panel } from '../../../src/domain/panel.js';
import { CAST, GROUPS } from './cast.js';
import { FakePlatform, type FakeUser } from './fake-platform.js';
import { INC_SYS_ID, incidentPanel } from './panels.js';

export const TABLE = 'incident';

/** Field writes the app's scripts may make; anything else written by a script is a defect. */
export const SCRIPT_WRITABLE = ['x_acme_aihandoff_request', 'x_acme_aihandoff_review', 'x_acme_aihandoff_requested_by', 'x_acme_aihandoff_reviewed_by'];

export function ticketOnPlatform(as: FakeUser, panel: Panel | string = incidentPanel()): FakePlatform {
  const platform = new FakePlatform(as);
  platform.installRules(TABLE);
  platform.insertRow(TABLE, {
    sys_id: INC_SYS_ID,
    number: 'INC0002041',
    state: '2',
    priority: '2',
    assigned_to: CAST.alex.sysId,
    assignment_group: GROUPS.networkOperations,
    x_acme_aihandoff_panel: typeof panel === 'string' ? panel : JSON.stringify(panel),
    x_acme_aihandoff_status: 'eligible',
    x_acme_aihandoff_request: '',
    x_acme_aihandoff_review: '',
    x_acme_aihandoff_requested_by: '',
    x_acme_aihandoff_reviewed_by: '',
  });
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

/** The fields the app's scripts wrote (not the test's own form submissions). */
export function scriptWrites(platform: FakePlatform, since = 0): string[] {
  return platform.writes.slice(since).map((w) => w.field);
}
