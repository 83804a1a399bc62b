/** Renders the note of a run outcome the way the flow would, with fixed attribution. */
import { renderNote } from '../../../../src/ai/render/note.js';
import type { RunOutcome } from '../../../../src/ai/run.js';

export function noteFrom(outcome: RunOutcome, handoffId = `ho_${'n'.repeat(26)}`): string {
  if (!outcome.verdict.ok) throw new Error(`no note for a rejected output (${outcome.verdict.rejected.kind})`);
  return renderNote({
    handoffId,
    operation: { id: 'op', title: 'Operation' },
    requester: { name: 'Alex Rivera', userName: 'alex.rivera' },
    approval: { required: true, role: 'incident_commander', approver: { name: 'Irene Costa', id: 'irene.costa' } },
    policyVersion: 'v',
    scopeDigest: 'd',
    provider: { name: outcome.provider, model: outcome.model },
    sources: outcome.sources,
    output: outcome.verdict.output,
    removed: outcome.verdict.removed,
    flags: outcome.flags,
  });
}
