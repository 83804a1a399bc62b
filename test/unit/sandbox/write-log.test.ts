import { describe, expect, it } from 'vitest';
import { createWriteLog } from '../../../connectors/servicenow/sandbox/write-log.js';

const entry = (user: string) => ({ api: 'table' as const, at: '', method: 'PATCH', table: 'incident', sysId: 'x', user, body: {}, fields: ['work_notes'], applied: true, status: 200, reason: null, changed: [], ignored: [] });

describe('write log cap', () => {
  it('keeps the newest entries and counts the dropped ones, so an incomplete proof is visible', () => {
    const log = createWriteLog(10);
    for (let i = 0; i < 25; i++) log.record(entry(`u${i}`));
    expect(log.size).toBeLessThanOrEqual(11);
    expect(log.size + log.dropped).toBe(25);
    expect(log.entries().at(-1)!.user).toBe('u24');
    expect(log.lastSeq).toBe(25);
    log.clear();
    expect([log.size, log.dropped]).toEqual([0, 0]);
  });
});
