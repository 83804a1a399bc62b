/**
 * Why a confirmed scope is stale, when a configuration change made it so:
 * the panel the agent reviewed (still on the ticket as read at pickup) was
 * built under another policy version than the one running now, which a
 * reload brought (src/queue/reloader.ts). Otherwise nothing: the ticket or
 * its context changed, which the generic message says.
 */
import type { PanelPolicy } from './ports.js';

export function staleBecause(policy: Pick<PanelPolicy, 'version' | 'lastReload'>, panelText: string | undefined): string {
  let shown: unknown;
  try {
    shown = (JSON.parse(panelText ?? '') as { policyVersion?: unknown }).policyVersion;
  } catch {
    return '';
  }
  if (typeof shown !== 'string' || shown === policy.version) return '';
  const reload = policy.lastReload?.() ?? null;
  const when = reload !== null && reload.policyVersion === policy.version ? ` (reloaded ${reload.at})` : '';
  return ` The AI policy changed from ${shown} to ${policy.version}${when}.`;
}
