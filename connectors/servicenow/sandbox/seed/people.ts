/**
 * Seeds the cast: roles, users (with passwords), groups, memberships and
 * managers, exactly as docs/sandbox.md lists them, plus the OAuth client.
 */
import type { Credentials } from '../auth/credentials.js';
import {
  CATALOG_ITEMS,
  emailOf,
  INTEGRATION_PASSWORD,
  INTEGRATION_USER,
  OAUTH_CLIENT_ID,
  OAUTH_CLIENT_SECRET,
  PEOPLE,
  PERSON_PASSWORD,
  ROLES,
  scopedRole,
  TEAMS,
} from './cast.js';
import type { Seeder } from './seeder.js';

export function seedPeople(seed: Seeder, credentials: Credentials, scope: string): void {
  for (const role of ROLES) {
    const name = scopedRole(role.name, scope);
    seed.put('sys_user_role', name, { name, description: role.description, elevated_privilege: String(role.name === 'admin') });
  }
  for (const p of PEOPLE) {
    const [first = p.name, ...rest] = p.name.split(' ');
    seed.put('sys_user', p.userName, {
      user_name: p.userName,
      name: p.name,
      first_name: first,
      last_name: rest.join(' '),
      email: p.userName === 'admin' ? 'admin@corp.example.com' : emailOf(p.userName),
      title: p.title,
      department: p.department,
      manager: p.manager === undefined ? '' : seed.user(p.manager),
      location: p.location,
      time_zone: 'UTC',
      vip: String(p.vip === true),
      // The integration user never signs in to the UI (docs/servicenow-app.md, "Roles to grant").
      web_service_access_only: String(p.userName === INTEGRATION_USER),
    });
    credentials.setPassword(p.userName, p.userName === INTEGRATION_USER ? INTEGRATION_PASSWORD : PERSON_PASSWORD);
    for (const role of p.roles.map((r) => scopedRole(r, scope))) {
      seed.put('sys_user_has_role', `${p.userName}:${role}`, { user: seed.user(p.userName), role: seed.id('sys_user_role', role) });
    }
  }
  for (const team of TEAMS) {
    seed.put('sys_user_group', team.name, {
      name: team.name,
      description: team.description,
      manager: team.manager === undefined ? '' : seed.user(team.manager),
      email: team.email,
      type: 'itil',
    });
  }
  for (const p of PEOPLE) {
    for (const group of p.groups) seed.put('sys_user_grmember', `${group}:${p.userName}`, { user: seed.user(p.userName), group: seed.group(group) });
  }
  for (const item of CATALOG_ITEMS) seed.put('sc_cat_item', item.name, { name: item.name, short_description: item.description, category: item.category });
  // The connector's OAuth client. client_credentials runs as the integration
  // user, as an instance runs that grant as the client's configured user.
  credentials.addClient(OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, INTEGRATION_USER);
}
