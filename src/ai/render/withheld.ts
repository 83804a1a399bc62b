/**
 * The note's "Withheld" section (docs/boundary.md, "What the note and the
 * audit say"): how many records beyond the ticket the read boundary held
 * back, and why, by reason and count only: never their numbers, titles or
 * text. `renderNote` calls `withheldLines`; the lines are ours, not the
 * model's.
 */
import type { ReadCheckProblem, WithheldCount, WithheldReason } from '../../domain/read-check.js';

export interface NoteWithheld {
  /** Whether the scope read anything beyond the ticket; without that the section is never shown. */
  readonly readsBeyondTicket: boolean;
  readonly readCheck: 'ok' | ReadCheckProblem;
  readonly withheld: readonly WithheldCount[];
}

const REASON_WORDS: Readonly<Record<WithheldReason, string>> = {
  restricted: 'restricted data, which is never used',
  above_ticket_class: "classified above this ticket's data class",
  provider_not_allowed: 'of a class the configured AI provider may not receive',
  group_not_opted_in: 'owned by a group that has not opted in to AI',
  read_check_unavailable: 'the instance has not confirmed that the requester may open them',
  requester_cannot_open: 'the requester cannot open them on the instance',
};

const PROBLEM_WORDS: Readonly<Record<ReadCheckProblem, string>> = {
  missing: 'the request carries no read check from the instance',
  unparseable: "the request's read check cannot be read",
  mismatched: "the request's read check is for another scope",
  stale: "the request's read check is older than the request",
};

export function withheldLines(input: NoteWithheld | undefined): string[] {
  if (input === undefined || !input.readsBeyondTicket) return [];
  const total = input.withheld.reduce((n, w) => n + w.count, 0);
  if (total === 0 && input.readCheck === 'ok') return [];
  const lines = ['', "Withheld: outside this hand-off's read boundary (counts only; nothing of them reached the AI or this note)"];
  if (input.readCheck !== 'ok') lines.push(`- Nothing beyond this ticket was used: ${PROBLEM_WORDS[input.readCheck]}.`);
  for (const w of input.withheld) lines.push(`- ${w.count} ${w.count === 1 ? 'record' : 'records'}: ${REASON_WORDS[w.reason]}`);
  return lines;
}
