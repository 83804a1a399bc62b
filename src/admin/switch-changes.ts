/**
 * Switch changes for `policy what-if`: groups opted in or out, operations
 * switched off or on, applied to a copy of the running config's `groups` and
 * `switches` (docs/policy.md, "Switches and groups"). Nothing is written: the
 * admin sees the effect, then edits the runtime config.
 */
import { DEFAULT_GROUP, type Groups } from '../config/groups.js';
import type { Switches } from '../config/switches.js';
import { AI_TIERS, type AiTier } from '../domain/ticket.js';
import { HandoffError } from '../errors.js';
import type { Policy } from '../policy/policy.js';

export interface OptIn {
  readonly group: string;
  /** The tier given with `=`; null: keep the group's listed tier. */
  readonly tier: AiTier | null;
}

export interface SwitchChanges {
  readonly optIn: readonly OptIn[];
  readonly optOut: readonly string[];
  readonly operationsOff: readonly string[];
  readonly operationsOn: readonly string[];
}

export const NO_SWITCH_CHANGES: SwitchChanges = { optIn: [], optOut: [], operationsOff: [], operationsOn: [] };

export function hasSwitchChanges(c: SwitchChanges): boolean {
  return c.optIn.length + c.optOut.length + c.operationsOff.length + c.operationsOn.length > 0;
}

/** `<group>` or `<group>=<tier>`, as given to `--opt-in`. */
export function parseOptIn(text: string): OptIn {
  const at = text.lastIndexOf('=');
  const group = (at < 0 ? text : text.slice(0, at)).trim();
  if (group === '') throw new HandoffError('INPUT_INVALID', `--opt-in '${text}': no group name`, { remedy: "name the group as in sys_user_group.name, e.g. --opt-in 'Payroll Systems=standard'" });
  if (at < 0) return { group, tier: null };
  const tier = text.slice(at + 1).trim();
  if (!(AI_TIERS as readonly string[]).includes(tier)) {
    throw new HandoffError('INPUT_INVALID', `--opt-in '${text}': '${tier}' is not a tier`, { remedy: `use one of: ${AI_TIERS.join(', ')}` });
  }
  return { group, tier: tier as AiTier };
}

export interface SwitchedConfig {
  readonly groups: Groups;
  readonly switches: Switches;
}

/** The running groups and switches with the changes applied; every name is checked first. */
export function applySwitchChanges(running: SwitchedConfig, changes: SwitchChanges, policy: Policy): SwitchedConfig {
  refuseConflicts(changes);
  const groups: Record<string, Groups[string]> = { ...running.groups };
  const keyOf = (name: string): string => Object.keys(groups).find((k) => k !== DEFAULT_GROUP && k.toLowerCase() === name.toLowerCase()) ?? name;
  for (const { group, tier } of changes.optIn) {
    const key = keyOf(group);
    const listed = groups[key];
    const chosen = tier ?? (listed !== undefined && listed.tier !== 'none' ? listed.tier : null);
    if (chosen === null) {
      throw new HandoffError('INPUT_INVALID', `--opt-in '${group}': the group has no tier to keep (${listed === undefined ? 'not listed in groups' : 'listed with tier none'})`, {
        remedy: `give the tier governance cleared it for, e.g. --opt-in '${group}=standard' (tiers: ${AI_TIERS.join(', ')})`,
      });
    }
    groups[key] = { ...listed, enabled: true, tier: chosen };
  }
  for (const group of changes.optOut) {
    const key = keyOf(group);
    groups[key] = { ...(groups[key] ?? { tier: 'none' }), enabled: false };
  }
  const known = new Set(policy.operations.map((op) => op.id));
  for (const [flag, ids] of [['--operation-off', changes.operationsOff], ['--operation-on', changes.operationsOn]] as const) {
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new HandoffError('INPUT_INVALID', `${flag} ${unknown.map((id) => `'${id}'`).join(', ')}: not in the operations catalog of policy ${policy.version}`, {
        remedy: `use catalog ids: ${[...known].join(', ')}`,
      });
    }
  }
  const operations: Record<string, boolean> = { ...running.switches.operations };
  for (const id of changes.operationsOff) operations[id] = false;
  for (const id of changes.operationsOn) operations[id] = true;
  return { groups, switches: { ...running.switches, operations } };
}

function refuseConflicts(c: SwitchChanges): void {
  const outs = new Set(c.optOut.map((g) => g.toLowerCase()));
  const both = c.optIn.find((o) => outs.has(o.group.toLowerCase()));
  if (both !== undefined) throw new HandoffError('INPUT_INVALID', `'${both.group}' is both opted in and opted out`, { remedy: 'keep one of --opt-in and --opt-out for the group' });
  const off = new Set(c.operationsOff);
  const on = c.operationsOn.find((id) => off.has(id));
  if (on !== undefined) throw new HandoffError('INPUT_INVALID', `'${on}' is both switched off and on`, { remedy: 'keep one of --operation-off and --operation-on for the operation' });
}

/** The changes in words, for the what-if's heading. */
export function describeSwitchChanges(c: SwitchChanges): string[] {
  return [
    ...c.optIn.map((o) => `group ${o.group} opted in${o.tier === null ? '' : ` at tier ${o.tier}`}`),
    ...c.optOut.map((g) => `group ${g} opted out`),
    ...c.operationsOff.map((id) => `operation ${id} switched off`),
    ...c.operationsOn.map((id) => `operation ${id} switched on`),
  ];
}
