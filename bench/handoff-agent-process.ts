/**
 * The agents of the hand-off benchmark in a process of their own (forked by
 * bench/handoff-rig.ts): the people creating request and review rows are not
 * the worker, so their HTTP client's CPU must not count as the worker's
 * (issue 13's profile found about a twentieth of the "worker" CPU was the
 * agents' fetch calls). Messages: { id, kind: 'request' | 'review', args }
 * in, { id, sysId } or { id, error } out.
 */
import { createAgents, type Candidate } from './handoff-agents.js';
import { appNames } from '../src/domain/app-names.js';

interface Start {
  readonly sandboxUrl: string;
  readonly scope: string;
  readonly fields: { readonly panel: string; readonly status: string };
}
type Call =
  | { readonly id: number; readonly kind: 'request'; readonly candidate: Candidate }
  | { readonly id: number; readonly kind: 'review'; readonly user: string; readonly candidate: Candidate; readonly handoff: string; readonly decision: 'accept' | 'reject' | 'escalate' };

const start = JSON.parse(process.argv[2] ?? '{}') as Start;
const agents = createAgents(start.sandboxUrl, appNames(start.scope), start.fields);

process.on('message', (call: Call) => {
  const made = call.kind === 'request' ? agents.request(call.candidate) : agents.review(call.user, call.candidate, call.handoff, call.decision);
  made.then(
    (sysId) => process.send?.({ id: call.id, sysId }),
    (error: unknown) => process.send?.({ id: call.id, error: error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
