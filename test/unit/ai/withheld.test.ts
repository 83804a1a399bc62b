/**
 * The note's "Withheld" section (src/ai/render/withheld.ts): counts by
 * reason, the read check's state, never which records; in the note only when
 * the scope read beyond the ticket and something was held back.
 */
import { describe, expect, it } from 'vitest';
import { composeOutput } from '../../../src/ai/builtin/provider.js';
import { renderNote } from '../../../src/ai/render/note.js';
import { withheldLines } from '../../../src/ai/render/withheld.js';
import { ALL_KINDS, INC_2041, inputFor, op } from '../../fixtures/ai/seed-gathered.js';

describe('the withheld lines', () => {
  it('count records by reason, one line each, in the order given', () => {
    expect(
      withheldLines({
        readsBeyondTicket: true,
        readCheck: 'ok',
        withheld: [
          { reason: 'restricted', count: 1 },
          { reason: 'above_ticket_class', count: 2 },
          { reason: 'group_not_opted_in', count: 1 },
          { reason: 'requester_cannot_open', count: 3 },
        ],
      }),
    ).toEqual([
      '',
      "Withheld: outside this hand-off's read boundary (counts only; nothing of them reached the AI or this note)",
      '- 1 record: restricted data, which is never used',
      "- 2 records: classified above this ticket's data class",
      '- 1 record: owned by a group that has not opted in to AI',
      '- 3 records: the requester cannot open them on the instance',
    ]);
  });

  it('say why nothing beyond the ticket was used when the read check cannot be, even with nothing found', () => {
    expect(withheldLines({ readsBeyondTicket: true, readCheck: 'missing', withheld: [] })).toEqual([
      '',
      "Withheld: outside this hand-off's read boundary (counts only; nothing of them reached the AI or this note)",
      '- Nothing beyond this ticket was used: the request carries no read check from the instance.',
    ]);
    expect(withheldLines({ readsBeyondTicket: true, readCheck: 'mismatched', withheld: [{ reason: 'read_check_unavailable', count: 4 }] })).toContain(
      '- 4 records: the instance has not confirmed that the requester may open them',
    );
    expect(withheldLines({ readsBeyondTicket: true, readCheck: 'stale', withheld: [] })[2]).toContain('older than the request');
    expect(withheldLines({ readsBeyondTicket: true, readCheck: 'unparseable', withheld: [] })[2]).toContain('cannot be read');
  });

  it('are empty when the scope reads only its ticket, or nothing was held back', () => {
    expect(withheldLines(undefined)).toEqual([]);
    expect(withheldLines({ readsBeyondTicket: false, readCheck: 'missing', withheld: [] })).toEqual([]);
    expect(withheldLines({ readsBeyondTicket: true, readCheck: 'ok', withheld: [] })).toEqual([]);
  });
});

describe('the note', () => {
  it('carries the withheld section in its body, before the missing sources', () => {
    const input = inputFor(INC_2041, ALL_KINDS, op('gather-diagnostics', 'evidence_pack', 'Gather diagnostics'));
    const note = renderNote({
      handoffId: `ho_${'d'.repeat(26)}`,
      operation: { id: 'gather-diagnostics', title: 'Gather diagnostics' },
      requester: { name: 'Alex Rivera', userName: 'alex.rivera' },
      approval: { required: false, role: null, approver: null },
      policyVersion: 'p',
      scopeDigest: 'f'.repeat(32),
      provider: { name: 'builtin', model: 'grounded-templates-1' },
      sources: input.sources,
      output: composeOutput(input),
      removed: [],
      withheld: { readsBeyondTicket: true, readCheck: 'ok', withheld: [{ reason: 'restricted', count: 2 }] },
    });
    expect(note).toContain("Withheld: outside this hand-off's read boundary");
    expect(note).toContain('- 2 records: restricted data, which is never used');
    expect(note.indexOf('Withheld:')).toBeLessThan(note.indexOf('\nSources\n'));
  });
});
