/**
 * The parts of the configuration a running worker can swap without a
 * restart: the policy, the mappings, and the runtime config's switches and
 * group settings. The flow holds one PanelPolicy and one MappingSet for its
 * life; these two stand in for them and read whichever bundle is current,
 * so a swap takes effect on the next decision everywhere at once. Panels
 * follow through the policy-context digest (version, switches, groups),
 * which a swap changes: the next sync pass of each table is a full one, as
 * after a kill switch. Nothing here does I/O.
 */
import type { ConfigBundle } from '../config/config-bundle.js';
import type { PanelPolicy } from '../handoff/ports.js';
import type { MappingSet } from '../mapping/load-mappings.js';

export interface LiveConfig {
  /** Delegates every call to the current bundle's policy port. */
  readonly policy: PanelPolicy;
  /** Reads the current bundle's mappings on every lookup. */
  readonly mappings: MappingSet;
  current(): ConfigBundle;
  /** Makes `bundle` current; its policy port is built by the factory given at creation. */
  swap(bundle: ConfigBundle, at: Date): void;
}

export function createLiveConfig(initial: ConfigBundle, portOf: (bundle: ConfigBundle) => PanelPolicy): LiveConfig {
  let bundle = initial;
  let port = portOf(initial);
  let lastReload: { readonly at: string; readonly policyVersion: string } | null = null;
  const policy: PanelPolicy = {
    get version() {
      return port.version;
    },
    contextDigest: () => port.contextDigest(),
    toTicket: (mapping, record) => port.toTicket(mapping, record),
    panel: (ticket, extras) => port.panel(ticket, extras),
    boundaryRules: () => port.boundaryRules(),
    checkNote: (note) => port.checkNote(note),
    shadow: (ticket) => port.shadow(ticket),
    escalateTo: (operationId) => port.escalateTo(operationId),
    lastReload: () => lastReload,
  };
  const mappings: MappingSet = {
    get dir() {
      return bundle.mappings.dir;
    },
    get byTable() {
      return bundle.mappings.byTable;
    },
  };
  return {
    policy,
    mappings,
    current: () => bundle,
    swap(next, at) {
      // The port first: if it cannot be built, nothing changes.
      const nextPort = portOf(next);
      bundle = next;
      port = nextPort;
      lastReload = { at: at.toISOString(), policyVersion: next.policy.version };
    },
  };
}
