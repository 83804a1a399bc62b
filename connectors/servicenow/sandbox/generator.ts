/**
 * Generates any number of realistic tickets across the four types,
 * deterministically (seeded PRNG: the same options give the same tickets,
 * sys_ids and times), quickly and lean enough for 100,000.
 *
 * The mix aims at the seed's dashboard (most work eligible for some AI
 * operation, a share approval-bound, about 12% blocked). What is blocked is
 * decided by policy, not here; the generator plants the inputs policy
 * blocks on: restricted data (4%), a group not opted in to AI (Payroll
 * Systems, 4%) and no owning group (4%), plus a Legal Hold share (assist tier).
 */
import { priorityFor } from './business-rules.js';
import { APPS, CLOSE_NOTES, DEVICES, ENHANCEMENT_TEMPLATES, fill, GENERIC_NOTES, INCIDENT_TEMPLATES, REQUEST_TEMPLATES, SECURITY_TEMPLATES, SITES, type Template } from './generator-text.js';
import { createPrng, type Prng } from './prng.js';
import type { Seeder } from './seed/seeder.js';
import { DAY } from './seed/seeder.js';
import { glideDateTime } from './time.js';

export interface GenerateOptions {
  /** Ticket records to create across incident, sc_request, sc_req_item, sn_si_incident and rm_enhancement. */
  readonly count: number;
  /** PRNG seed; default 2041. */
  readonly seed?: number;
  /** Share of tickets still active, 0..1; default 0.8. */
  readonly activeShare?: number;
  /** Whether to write 0 to 2 work notes per ticket; default true. */
  readonly notes?: boolean;
  /** How far back tickets were opened, in days; default 60. */
  readonly spanDays?: number;
}

export type BlockCause = 'restricted' | 'not_opted_in' | 'no_owner';

export interface GenerationStats {
  readonly count: number;
  readonly byTable: Record<string, number>;
  readonly active: number;
  /** Tickets carrying an input the sandbox policy blocks on. */
  readonly blockInputs: Record<BlockCause, number>;
  readonly assistTier: number;
  readonly notes: number;
}

type Kind = 'incident' | 'request' | 'security' | 'enhancement';

interface GroupPlan {
  readonly name: string;
  readonly members: readonly string[];
  readonly cis: readonly string[];
}

const GROUPS: Record<string, GroupPlan> = {
  net: { name: 'Network Operations', members: ['raj.patel', 'alex.rivera', 'irene.costa'], cis: ['VPN Gateway EU-West', 'VPN Gateway US-East'] },
  desk: { name: 'Service Desk', members: ['alex.rivera', 'emma.clarke'], cis: ['Microsoft Teams', 'Exchange Online', 'Corporate Laptop Fleet'] },
  access: { name: 'Access Management', members: ['nora.brandt'], cis: ['SAP S/4HANA Finance'] },
  sec: { name: 'Security Operations', members: ['lena.fischer', 'samira.haddad'], cis: ['Okta MFA'] },
  analytics: { name: 'Analytics Platform', members: ['oliver.grant', 'priya.nair'], cis: ['Leadership Dashboard', 'Finance Data Warehouse'] },
  payroll: { name: 'Payroll Systems', members: ['hiro.tanaka'], cis: ['Payroll Engine'] },
  legal: { name: 'Legal Hold', members: ['grace.obi'], cis: ['eDiscovery Vault'] },
};

const HOME: Record<Kind, readonly (readonly [string, number])[]> = {
  incident: [['net', 4], ['desk', 5], ['access', 1]],
  request: [['access', 3], ['desk', 2]],
  security: [['sec', 1]],
  enhancement: [['analytics', 1]],
};

const CALLERS = ['jordan.miles', 'sofia.rossi', 'liam.murphy', 'chen.wei', 'amara.nwosu', 'felix.bauer', 'tom.becker', 'marcus.webb', 'dana.whitfield'];

const ACTIVE_STATES: Record<string, readonly string[]> = {
  incident: ['1', '2', '2', '3', '6'],
  sc_request: ['1', '2'],
  sc_req_item: ['-5', '1', '2'],
  sn_si_incident: ['10', '16', '18', '19', '20', '100'],
  rm_enhancement: ['-6', '-5', '-4', '1', '2', '-3'],
};
const CLOSED_STATE: Record<string, string> = { incident: '7', sc_request: '3', sc_req_item: '3', sn_si_incident: '3', rm_enhancement: '3' };
const PREFIX: Record<string, string> = { incident: 'INC', sc_request: 'REQ', sc_req_item: 'RITM', sn_si_incident: 'SIR', rm_enhancement: 'ENHC' };
const TEMPLATES: Record<Kind, readonly Template[]> = { incident: INCIDENT_TEMPLATES, request: REQUEST_TEMPLATES, security: SECURITY_TEMPLATES, enhancement: ENHANCEMENT_TEMPLATES };
/** Generated numbers start here, clear of the hand-written seed's. */
const FIRST_NUMBER = 100_001;

export function generateTickets(seed: Seeder, options: GenerateOptions): GenerationStats {
  const prng = createPrng(options.seed ?? 2041);
  const activeShare = options.activeShare ?? 0.8;
  const withNotes = options.notes ?? true;
  const spanMs = (options.spanDays ?? 60) * DAY;
  const { store, now } = seed;
  const counters: Record<string, number> = {};
  const stats = { count: 0, byTable: {} as Record<string, number>, active: 0, blockInputs: { restricted: 0, not_opted_in: 0, no_owner: 0 }, assistTier: 0, notes: 0 };
  let previousUpdated = '';

  const insert = (table: string, values: Record<string, string>, createdMs: number, updatedMs: number, by: string, author: string): string => {
    const sysId = prng.hex32();
    // Some share the previous ticket's update time (3% of those opened before it), as bulk changes do:
    // a keyset sync must break such ties by sys_id.
    const created = glideDateTime(createdMs);
    const updated = previousUpdated >= created && prng.chance(0.03) ? previousUpdated : glideDateTime(updatedMs);
    previousUpdated = updated;
    const n = (counters[table] = (counters[table] ?? FIRST_NUMBER - 1) + 1);
    // Filled in place: one object per ticket, no spread copies for the collector.
    values.number = `${PREFIX[table]!}${String(n).padStart(7, '0')}`;
    values.sys_id = sysId;
    values.sys_class_name = table;
    values.sys_created_on = created;
    values.sys_created_by = by;
    values.sys_updated_on = updated;
    values.sys_updated_by = by;
    values.sys_mod_count = String(prng.int(6));
    store.insert(table, values);
    stats.count++;
    stats.byTable[table] = (stats.byTable[table] ?? 0) + 1;
    if (values.active === 'true') stats.active++;
    if (withNotes) {
      const notes = prng.int(3);
      for (let i = 0; i < notes; i++) {
        const at = glideDateTime(createdMs + Math.floor(((updatedMs - createdMs) * (i + 1)) / (notes + 1)));
        store.insert('sys_journal_field', { sys_id: prng.hex32(), element_id: sysId, element: 'work_notes', name: table, value: prng.pick(GENERIC_NOTES), sys_created_on: at, sys_created_by: author });
        stats.notes++;
      }
    }
    return sysId;
  };

  while (stats.count < options.count) {
    const kind = prng.weighted<Kind>([['incident', 50], ['request', 25], ['security', 12], ['enhancement', 13]]);
    const pairNeeded = kind === 'request' && options.count - stats.count >= 2;
    const cause = prng.weighted<BlockCause | 'none' | 'legal'>([['none', 86], ['restricted', 4], ['not_opted_in', 4], ['no_owner', 4], ['legal', 2]]);
    const plan = groupFor(prng, kind, cause);
    const createdMs = now - Math.floor(prng.next() * spanMs);
    const active = prng.chance(activeShare);
    const updatedMs = createdMs + Math.floor(prng.next() * (now - createdMs));
    const caller = prng.pick(CALLERS);
    const { fields, assignee } = commonFields(seed, prng, kind, plan, caller, cause, createdMs, active);
    if (cause !== 'none' && cause !== 'legal') stats.blockInputs[cause]++;
    if (cause === 'legal') stats.assistTier++;
    const opener = kind === 'incident' || kind === 'security' ? (plan?.members[0] ?? 'emma.clarke') : caller;
    const author = assignee ?? opener;
    if (active) {
      fields.active = 'true';
    } else {
      fields.active = 'false';
      fields.closed_at = glideDateTime(updatedMs);
      fields.closed_by = fields.assigned_to!;
    }
    if (kind === 'incident') {
      fields.caller_id = seed.user(caller);
      fields.state = stateOf(prng, 'incident', active);
      fields.incident_state = fields.state;
      if (!active || fields.state === '6') {
        fields.close_code = 'Solved (Permanently)';
        fields.close_notes = prng.pick(CLOSE_NOTES);
        fields.resolved_at = glideDateTime(updatedMs);
        fields.resolved_by = fields.assigned_to === '' ? seed.user('emma.clarke') : fields.assigned_to!;
      }
      insert('incident', fields, createdMs, updatedMs, opener, author);
    } else if (kind === 'request') {
      fields.requested_for = seed.user(caller);
      if (pairNeeded) {
        const parent = insert('sc_request', { ...fields, state: stateOf(prng, 'sc_request', active), request_state: active ? 'in_process' : 'closed_complete' }, createdMs, updatedMs, opener, author);
        fields.request = parent;
      }
      fields.state = stateOf(prng, 'sc_req_item', active);
      fields.stage = active ? 'waiting_for_approval' : 'complete';
      fields.approval = active ? 'requested' : 'approved';
      insert('sc_req_item', fields, createdMs, updatedMs, opener, author);
    } else if (kind === 'security') {
      fields.affected_user = seed.user(caller);
      fields.risk_score = String(prng.between(10, 95));
      fields.state = stateOf(prng, 'sn_si_incident', active);
      insert('sn_si_incident', fields, createdMs, updatedMs, opener, author);
    } else {
      fields.story_points = String(prng.pick([1, 2, 3, 5, 8, 13]));
      fields.state = stateOf(prng, 'rm_enhancement', active);
      insert('rm_enhancement', fields, createdMs, updatedMs, opener, author);
    }
  }
  return stats;
}

function groupFor(prng: Prng, kind: Kind, cause: BlockCause | 'none' | 'legal'): GroupPlan | undefined {
  if (cause === 'no_owner') return undefined;
  if (cause === 'not_opted_in') return GROUPS.payroll!;
  if (cause === 'legal') return GROUPS.legal!;
  return GROUPS[prng.weighted(HOME[kind])]!;
}

function stateOf(prng: Prng, table: string, active: boolean): string {
  return active ? prng.pick(ACTIVE_STATES[table]!) : CLOSED_STATE[table]!;
}

function commonFields(
  seed: Seeder,
  prng: Prng,
  kind: Kind,
  plan: GroupPlan | undefined,
  caller: string,
  cause: string,
  createdMs: number,
  active: boolean,
): { fields: Record<string, string>; assignee: string | undefined } {
  const template = prng.pick(TEMPLATES[kind]);
  const app = prng.pick(APPS);
  const site = prng.pick(SITES);
  const n = prng.between(2, 90);
  const device = prng.pick(DEVICES);
  const impact = String(prng.weighted([['1', 1], ['2', 4], ['3', 5]]));
  const urgency = String(prng.weighted([['1', 1], ['2', 4], ['3', 5]]));
  const dataClass =
    cause === 'restricted'
      ? 'restricted'
      : kind === 'security' || (kind === 'request' && prng.chance(0.5))
        ? 'confidential'
        : kind === 'enhancement' && prng.chance(0.3)
          ? 'public'
          : prng.chance(0.1)
            ? 'confidential'
            : 'internal';
  const assignee = plan === undefined || (active && prng.chance(0.15)) ? undefined : prng.pick(plan.members);
  const fields: Record<string, string> = {
    short_description: fill(template.title, app, site, n, device),
    description: fill(template.description, app, site, n, device),
    impact,
    urgency,
    priority: kind === 'incident' ? (priorityFor(impact, urgency) ?? '4') : String(prng.between(2, 4)),
    assignment_group: plan === undefined ? '' : seed.group(plan.name),
    assigned_to: assignee === undefined ? '' : seed.user(assignee),
    cmdb_ci: plan === undefined ? (prng.chance(0.5) ? seed.ci('Legacy Print Server PRN-07') : '') : seed.ci(prng.pick(plan.cis)),
    opened_by: seed.user(caller),
    opened_at: glideDateTime(createdMs),
    [seed.app.fields.dataClass]: dataClass,
    contact_type: prng.pick(['email', 'phone', 'self-service', 'self-service']),
  };
  return { fields, assignee };
}
