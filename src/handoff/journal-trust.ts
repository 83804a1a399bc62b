/**
 * Only the integration user's own journal entries count when looking for a
 * marker: anyone can type a marker into a work note, and a forged one must not
 * stop the real note from being written.
 */
import type { JournalEntry } from '../connector/connector.js';
import type { FlowDeps } from './flow-deps.js';

export function writtenByUs(deps: Pick<FlowDeps, 'settings'>, entry: JournalEntry): boolean {
  if (entry.source === 'display_value') {
    const display = deps.settings.integrationUserDisplayName;
    return display !== undefined && entry.createdBy === display;
  }
  return entry.createdBy === deps.settings.integrationUser;
}
