/**
 * A seeded ticket whose text names clock times is placed on the day they fit
 * (ticket-seed.ts, `storyClock`), whatever the hour the sandbox starts.
 */
import { describe, expect, it } from 'vitest';
import { sinceClock } from '../../../connectors/servicenow/sandbox/seed/ticket-seed.js';

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;

describe('sinceClock', () => {
  it('counts back to the latest such time of day at or before now', () => {
    expect(sinceClock(at('2026-12-06T13:25:00Z'), '13:25')).toBe(0);
    expect(sinceClock(at('2026-12-06T14:00:00Z'), '13:25')).toBe(35 * MINUTE);
    // Before 13:25: yesterday's.
    expect(sinceClock(at('2026-12-06T11:50:00Z'), '13:25')).toBe((24 * 60 - 95) * MINUTE);
    expect(sinceClock(at('2026-12-07T00:05:00Z'), '13:25')).toBe((10 * 60 + 40) * MINUTE);
  });

  it('refuses a clock that is not HH:MM', () => {
    expect(() => sinceClock(Date.now(), '1:25')).toThrow(/storyClock must be "HH:MM"/);
  });
});
