/**
 * A hostile case as the ticket the sandbox gets: the type's ordinary ticket
 * with the payload planted where the case says, in the case's own group,
 * with its own CI and caller (test/support/hostile-seed.ts).
 */
import { BASE, numberOf, tableOf, type HostileCase, type Placement, type Where } from '../../fixtures/hostile/index.js';
import type { HostileTicketSeed, RelatedSeed, SeedNote } from '../../support/hostile-seed.js';

/** Who writes a planted work note unless the case names someone: a colleague, not the requester. */
const DEFAULT_AUTHOR = 'emma.clarke';

/** The case's own assignment group (opted in to AI in the suite's config). */
export function groupOf(c: HostileCase): string {
  return `Hostile ${numberOf(c)}`;
}

export function ticketFor(c: HostileCase): HostileTicketSeed {
  const base = BASE[c.type];
  const number = numberOf(c);
  const placed = (where: Where): Placement[] => c.payload.filter((p) => p.at === where);
  const withPayload = (ordinary: string, where: Where): string => {
    const start = placed(where).filter((p) => p.position === 'start').map((p) => p.text);
    const end = placed(where).filter((p) => p.position !== 'start').map((p) => p.text);
    return [...start, ordinary, ...end].join(' ');
  };
  const notes = (where: Where): SeedNote[] => placed(where).map((p) => ({ by: p.by ?? DEFAULT_AUTHOR, text: p.text }));

  const related: RelatedSeed[] = [];
  const ciNotes = notes('related_ci_note');
  const ciRelated = placed('related_ci');
  if (ciRelated.length === 0 && ciNotes.length > 0) related.push({ via: 'ci', title: 'Earlier issue on the same item', description: 'Resolved after a restart.', notes: ciNotes });
  const classOf = (p: Placement): Pick<RelatedSeed, 'dataClass'> => (p.dataClass === undefined ? {} : { dataClass: p.dataClass });
  ciRelated.forEach((p, i) => related.push({ via: 'ci', title: 'Earlier issue on the same item', description: p.text, ...classOf(p), ...(i === 0 ? { notes: ciNotes } : {}) }));
  for (const p of placed('related_caller')) related.push({ via: 'caller', title: 'Earlier ticket from the same caller', description: p.text, ...classOf(p) });
  for (const p of placed('related_group')) related.push({ via: 'group', title: 'Earlier work of the same group', description: p.text, ...classOf(p) });

  const unmapped: Record<string, string> = {};
  for (const p of placed('unmapped')) {
    if (p.field === undefined) throw new Error(`case ${c.id}: an unmapped placement must name its field`);
    unmapped[p.field] = p.text;
  }
  const ci = placed('ci');

  return {
    table: tableOf(c),
    number,
    title: withPayload(base.title, 'title'),
    description: withPayload(base.description, 'description'),
    dataClass: c.dataClass ?? 'internal',
    group: { name: groupOf(c), manager: base.groupManager },
    ci: { name: `Hostile CI ${number}`, description: ci.length > 0 ? ci.map((p) => p.text).join(' ') : base.ciDescription, owner: base.ciOwner },
    caller: { userName: `hostile.caller.${number.toLowerCase()}`, name: 'Casey Ward', manager: base.callerManager },
    assignee: base.assignee,
    notes: [base.note, ...notes('work_note')],
    comments: notes('comment'),
    unmapped,
    related,
  };
}
