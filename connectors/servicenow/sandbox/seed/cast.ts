/**
 * The sandbox cast: docs/sandbox.md, "The cast", the contract shared with the
 * policy's sandbox config, the ServiceNow app and the end-to-end tests. Do
 * not rename. The "extras" after the cast are people the seed's tickets need
 * as callers, analysts and owners; they hold no x_acme_aihandoff role.
 */

export interface Person {
  readonly userName: string;
  readonly name: string;
  readonly title: string;
  readonly department: string;
  readonly roles: readonly string[];
  readonly manager?: string;
  readonly groups: readonly string[];
  readonly location: string;
  readonly vip?: boolean;
  /** Whether the person is one of docs/sandbox.md's cast (false: an extra). */
  readonly cast: boolean;
  /** The part they play, as docs/sandbox.md says it. */
  readonly part: string;
}

export interface Team {
  readonly name: string;
  readonly manager?: string;
  readonly description: string;
  readonly email: string;
}

export const PERSON_PASSWORD = 'sandbox';
export const INTEGRATION_USER = 'svc.aihandoff';
export const INTEGRATION_PASSWORD = 'integration-sandbox';
export const OAUTH_CLIENT_ID = 'aihandoff-sandbox';
export const OAUTH_CLIENT_SECRET = 'sandbox-client-secret';

/** The scope the cast's app roles are written in; the seed renames them for another scope (`scopedRole`). */
const CAST_SCOPE = 'x_acme_aihandoff';

/** A cast role as the sandbox of `scope` names it: the app's roles follow the scope, others stay. */
export function scopedRole(role: string, scope: string): string {
  return role.startsWith(`${CAST_SCOPE}.`) ? `${scope}.${role.slice(CAST_SCOPE.length + 1)}` : role;
}

export const ROLES: readonly { readonly name: string; readonly description: string }[] = [
  { name: 'itil', description: 'Fulfiller: works tickets (agents, approvers)' },
  { name: 'x_acme_aihandoff.agent', description: 'AI Handoff: may use Assign To AI Operation' },
  { name: 'x_acme_aihandoff.reviewer', description: 'AI Handoff: may accept, reject or escalate an AI draft it was resolved as approver for, or an output needing no approval on a ticket it requested or owns' },
  { name: 'x_acme_aihandoff.integration', description: 'AI Handoff: the connector integration user (narrow rights)' },
  { name: 'x_acme_aihandoff.data_steward', description: "AI Handoff: may set a ticket's data classification" },
  { name: 'sn_si.analyst', description: 'Security Incident Response: works security incidents' },
  { name: 'sn_si.manager', description: 'Security Incident Response: manages security incidents' },
  { name: 'sn_si.read', description: 'Security Incident Response: reads security incidents' },
  { name: 'admin', description: 'System administrator' },
];

const person = (p: Omit<Person, 'cast'>, cast = true): Person => ({ ...p, cast });

export const PEOPLE: readonly Person[] = [
  person({ userName: 'alex.rivera', name: 'Alex Rivera', title: 'Service Desk Agent', department: 'IT Service Desk', roles: ['itil', 'x_acme_aihandoff.agent'], manager: 'irene.costa', groups: ['Service Desk', 'Network Operations'], location: 'Dublin', part: 'service-desk agent (the operator)' }),
  person({ userName: 'irene.costa', name: 'Irene Costa', title: 'Network Operations Manager', department: 'IT Infrastructure', roles: ['itil', 'x_acme_aihandoff.reviewer'], manager: 'victor.alvarez', groups: ['Network Operations', 'Service Desk'], location: 'Frankfurt', part: 'incident commander: manager of Network Operations; reports to victor.alvarez (her escalation target)' }),
  person({ userName: 'morgan.lee', name: 'Morgan Lee', title: 'Finance Operations Manager', department: 'Finance', roles: ['itil', 'x_acme_aihandoff.reviewer'], groups: [], location: 'London', part: "requester's manager: manager of tom.becker" }),
  person({ userName: 'tom.becker', name: 'Tom Becker', title: 'Temporary Finance Analyst', department: 'Finance', roles: [], manager: 'morgan.lee', groups: [], location: 'London', part: 'temporary staff member the access request is for' }),
  person({ userName: 'nora.brandt', name: 'Nora Brandt', title: 'Access Management Lead', department: 'IT Security', roles: ['itil', 'x_acme_aihandoff.agent'], groups: ['Access Management'], location: 'Berlin', part: 'Access Management agent, manager of Access Management' }),
  person({ userName: 'samira.haddad', name: 'Samira Haddad', title: 'Head of Security Operations', department: 'IT Security', roles: ['itil', 'x_acme_aihandoff.reviewer', 'sn_si.manager'], groups: ['Security Operations'], location: 'Amsterdam', part: 'security owner: owned_by of CI "Okta MFA", manager of Security Operations' }),
  person({ userName: 'lena.fischer', name: 'Lena Fischer', title: 'Security Analyst', department: 'IT Security', roles: ['itil', 'x_acme_aihandoff.agent', 'sn_si.analyst'], manager: 'samira.haddad', groups: ['Security Operations'], location: 'Amsterdam', part: 'security analyst, the agent on security incidents (assigned SIR0002274)' }),
  person({ userName: 'priya.nair', name: 'Priya Nair', title: 'Business Analyst', department: 'Strategy and Analytics', roles: ['itil'], manager: 'victor.alvarez', groups: ['Analytics Platform'], location: 'London', part: 'analyst who opened the enhancement; manager victor.alvarez' }),
  person({ userName: 'victor.alvarez', name: 'Victor Alvarez', title: 'Chief Operating Officer', department: 'Executive', roles: ['itil', 'x_acme_aihandoff.reviewer'], groups: [], location: 'London', vip: true, part: 'leadership sponsor' }),
  person({ userName: 'oliver.grant', name: 'Oliver Grant', title: 'Analytics Platform Manager', department: 'Strategy and Analytics', roles: ['itil', 'x_acme_aihandoff.agent'], manager: 'victor.alvarez', groups: ['Analytics Platform'], location: 'Manchester', part: 'manager of Analytics Platform; reports to victor.alvarez (his escalation target)' }),
  person({ userName: 'jordan.miles', name: 'Jordan Miles', title: 'Senior Accountant', department: 'Finance', roles: [], manager: 'dana.whitfield', groups: [], location: 'Lisbon (remote)', part: 'a caller (remote worker reporting VPN latency)' }),
  person({ userName: 'ruth.okafor', name: 'Ruth Okafor', title: 'Data Protection Officer', department: 'Data Governance', roles: ['itil', 'x_acme_aihandoff.data_steward'], groups: [], location: 'London', part: "data steward: sets a ticket's data classification" }),
  person({ userName: 'admin', name: 'System Administrator', title: 'Administrator', department: 'IT', roles: ['admin', 'x_acme_aihandoff.data_steward'], groups: [], location: '', part: 'admin' }),
  person({ userName: INTEGRATION_USER, name: 'AI Handoff Integration', title: 'Integration account', department: 'IT', roles: ['x_acme_aihandoff.integration', 'sn_si.read'], groups: [], location: '', part: 'the integration user the worker logs in as' }),
  // Extras: the people the seed's tickets name besides the cast.
  person({ userName: 'dana.whitfield', name: 'Dana Whitfield', title: 'Finance Director', department: 'Finance', roles: [], groups: [], location: 'London', part: 'owner of SAP S/4HANA Finance; manager of jordan.miles' }, false),
  person({ userName: 'raj.patel', name: 'Raj Patel', title: 'Network Engineer', department: 'IT Infrastructure', roles: ['itil'], manager: 'irene.costa', groups: ['Network Operations'], location: 'Frankfurt', part: 'network engineer on the VPN incidents' }, false),
  person({ userName: 'emma.clarke', name: 'Emma Clarke', title: 'Service Desk Analyst', department: 'IT Service Desk', roles: ['itil'], manager: 'irene.costa', groups: ['Service Desk'], location: 'Dublin', part: 'service desk analyst' }, false),
  person({ userName: 'hiro.tanaka', name: 'Hiro Tanaka', title: 'Payroll Systems Analyst', department: 'HR Systems', roles: ['itil'], groups: ['Payroll Systems'], location: 'London', part: 'payroll systems analyst' }, false),
  person({ userName: 'grace.obi', name: 'Grace Obi', title: 'Legal Operations Counsel', department: 'Legal', roles: ['itil'], groups: ['Legal Hold'], location: 'London', part: 'legal hold coordinator' }, false),
  person({ userName: 'marcus.webb', name: 'Marcus Webb', title: 'VP Sales EMEA', department: 'Sales', roles: [], manager: 'victor.alvarez', groups: [], location: 'Paris', vip: true, part: 'holder of MFA exception EXC-0112' }, false),
  person({ userName: 'sofia.rossi', name: 'Sofia Rossi', title: 'Account Manager', department: 'Sales', roles: [], manager: 'marcus.webb', groups: [], location: 'Milan (remote)', part: 'a caller' }, false),
  person({ userName: 'liam.murphy', name: 'Liam Murphy', title: 'Payroll Specialist', department: 'Finance', roles: [], manager: 'dana.whitfield', groups: [], location: 'Lisbon (remote)', part: 'a caller' }, false),
  person({ userName: 'chen.wei', name: 'Chen Wei', title: 'Data Engineer', department: 'Strategy and Analytics', roles: [], manager: 'oliver.grant', groups: [], location: 'Manchester', part: 'a caller' }, false),
  person({ userName: 'amara.nwosu', name: 'Amara Nwosu', title: 'Office Coordinator', department: 'Facilities', roles: [], groups: [], location: 'Dublin', part: 'a caller' }, false),
  person({ userName: 'felix.bauer', name: 'Felix Bauer', title: 'Contract Auditor', department: 'Finance', roles: [], manager: 'morgan.lee', groups: [], location: 'Berlin', part: 'an earlier temporary staff member' }, false),
];

export const TEAMS: readonly Team[] = [
  { name: 'Network Operations', manager: 'irene.costa', description: 'WAN, VPN, firewalls and data-centre networking', email: 'netops@corp.example.com' },
  { name: 'Service Desk', manager: 'irene.costa', description: 'First-line support for all staff', email: 'servicedesk@corp.example.com' },
  { name: 'Access Management', manager: 'nora.brandt', description: 'Joiners, movers, leavers; role and entitlement provisioning', email: 'access@corp.example.com' },
  { name: 'Security Operations', manager: 'samira.haddad', description: 'Security monitoring, incident response and exception reviews', email: 'secops@corp.example.com' },
  { name: 'Analytics Platform', manager: 'oliver.grant', description: 'Data warehouse, reporting and dashboards', email: 'analytics@corp.example.com' },
  { name: 'Payroll Systems', description: 'Payroll engine and payslip services (not opted in to AI)', email: 'payroll-systems@corp.example.com' },
  { name: 'Legal Hold', description: 'Legal holds and eDiscovery exports', email: 'legal-hold@corp.example.com' },
];

export const CATALOG_ITEMS: readonly { readonly name: string; readonly description: string; readonly category: string }[] = [
  { name: 'Temporary staff onboarding access', description: 'Network account, email, VPN and application access for agency or contract staff, with an end date', category: 'Access' },
  { name: 'Standard laptop', description: 'Corporate laptop with the standard image', category: 'Hardware' },
  { name: 'Software license request', description: 'A named license for licensed software', category: 'Software' },
  { name: 'Shared mailbox access', description: 'Send-as or read access to a shared mailbox', category: 'Access' },
  { name: 'VPN access', description: 'Remote access profile on the corporate VPN', category: 'Access' },
];

export function emailOf(userName: string): string {
  return `${userName}@corp.example.com`;
}
