import { describe, expect, it } from 'vitest';
import { buildSourceSet } from '../../../src/ai/source-set.js';
import { extractFacts } from '../../../src/ai/facts/extract.js';
import { identifiersIn } from '../../../src/ai/facts/identifiers.js';
import { readingsOf } from '../../../src/ai/facts/measurements.js';
import { parseNumber, quantities } from '../../../src/ai/facts/quantities.js';
import { boundSpan, clausesOf, sentencesOf } from '../../../src/ai/facts/sentences.js';
import { keywordsOf } from '../../../src/ai/facts/steer.js';
import { parseGlideTime, timesIn } from '../../../src/ai/facts/times.js';

const q = (text: string) => quantities(text).map((x) => `${x.text}=${x.low}..${x.high}:${x.family}`);
const read = (text: string) => sentencesOf(text).flatMap((s) => readingsOf(s)).map((r) => `${r.subject ?? '?'}|${[r.qualifier, r.value.text].filter(Boolean).join(' ')}|${r.baseline?.text ?? ''}`);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 16));

describe('quantities', () => {
  it('reads ranges in every spelling, with their unit', () => {
    expect(q('latency of 400 to 900 ms, 2-5 minutes, 2–5 s, between 2 and 5 hours, 42 to 48%')).toEqual([
      '400 to 900 ms=400..900:duration',
      '2-5 minutes=2..5:duration',
      '2–5 s=2..5:duration',
      'between 2 and 5 hours=2..5:duration',
      '42 to 48%=42..48:percent',
    ]);
    // "2 and 5" without "between" is two numbers, not a range.
    expect(q('took 2 and 5 seconds')).toEqual(['5 seconds=5..5:duration']);
  });

  it('reads thousands separators and decimals as written, and keeps the text', () => {
    expect(parseNumber('1,240')).toBe(1240);
    expect(parseNumber('12,345,678.5')).toBe(12_345_678.5);
    expect(parseNumber('1,24')).toBeNull();
    expect(q('1,240 active tunnels and 0.0% loss, 12,000 users')).toEqual(['1,240 active tunnels=1240..1240:count', '0.0%=0..0:percent', '12,000 users=12000..12000:count']);
  });

  it('keeps a percentage with the capacity it is of, and units of rate and size', () => {
    expect(q('ethernet1/1 at 92% of 1 Gbps, disk 80 GB, 250 Mbps')).toEqual(['92% of 1 Gbps=92..92:percent', '80 GB=80..80:size', '250 Mbps=250..250:rate']);
  });

  it('never takes times, dates, versions, identifiers or phone numbers for quantities', () => {
    expect(q('at 08:10 UTC on 2025-03-04, firmware 10.2.7, circuit TC-FRA-0092231, INC0001987, ethernet1/1, +44 20 7946 0321, Q3, 24/7')).toEqual([]);
  });

  it('counts people and things, number words included, and stops at the counted noun', () => {
    expect(q('About 180 users connect; three more calls; 3 sign-ins from new countries; 41 SMS codes sent; 0 failed MFA challenges')).toEqual([
      '180 users=180..180:count',
      'three more calls=3..3:count',
      '3 sign-ins=3..3:count',
      '41 SMS codes=41..41:count',
      '0 failed MFA challenges=0..0:count',
    ]);
    expect(q('one of them said so')).toEqual([]);
  });
});

describe('measurements', () => {
  it('names what each of several numbers in one sentence measures, with the baseline the sentence gives', () => {
    expect(read('Gateway health at 09:05 UTC: data-plane CPU 81% (baseline about 45%), 1,240 active tunnels (usual peak about 900), session set-up rate normal.')).toEqual([
      'data-plane CPU|81%|baseline about 45%',
      'active tunnels|1,240 active tunnels|usual peak about 900',
    ]);
    expect(read('Users see 400 to 900 ms round-trip latency since about 08:10 UTC today, up from the usual 30 to 60 ms.')).toEqual(['round-trip latency|400 to 900 ms|up from the usual 30 to 60 ms']);
    expect(read('Ping from their laptop: average 612 ms, 4% loss.')).toEqual(['Ping|average 612 ms|', 'loss|4%|']);
    expect(read('Upstream interface ethernet1/1 at 92% of 1 Gbps.')).toEqual(['Upstream interface ethernet1/1|92% of 1 Gbps|']);
  });

  it('reads every figure of a baseline sentence as a baseline, and a bare number only after a named measure', () => {
    const readings = sentencesOf('Known-good baseline measured after the fix: median RTT 38 ms, p95 85 ms, peak tunnels 910, packet loss 0.0%.').flatMap((s) => readingsOf(s));
    expect(readings.map((r) => [r.subject, r.value.text, r.isBaseline])).toEqual([
      ['median RTT', '38 ms', true],
      ['RTT', '85 ms', true],
      ['peak tunnels', '910', true],
      ['packet loss', '0.0%', true],
    ]);
    expect(read('Checked gateway CPU: 92% on node 2.')).toEqual(['gateway CPU|92%|']);
  });

  it('keeps no subject where the sentence does not name one plainly, and takes "14 months ago" for a time, not a quantity', () => {
    expect(read('Jordan confirmed US-East gives about 140 ms.')).toEqual(['?|about 140 ms|']);
    expect(read('EXC-0112 was first granted 14 months ago.')).toEqual([]);
    const periods = sentencesOf('Extended twice, each time for 90 days.').flatMap((s) => readingsOf(s));
    expect(periods.map((r) => r.period)).toEqual([true]);
  });

  it('reads "no packet loss" as a stated absence', () => {
    const [absent] = sentencesOf('Telia says there has been no packet loss on the circuit since 06:00 UTC.').flatMap((s) => readingsOf(s));
    expect(absent).toMatchObject({ subject: 'packet loss', zero: true });
  });
});

describe('times', () => {
  const written = parseGlideTime('2026-12-05 00:30:00');

  it('places a clock time before the moment its source was written, across midnight', () => {
    expect(timesIn('since 23:40 UTC', written).map((t) => iso(t.at))).toEqual(['2026-12-04T23:40']);
    expect(timesIn('at 00:10', written).map((t) => iso(t.at))).toEqual(['2026-12-05T00:10']);
  });

  it('reads a range across midnight, am/pm and zones, and ISO date-times as UTC', () => {
    const [range] = timesIn('outage from 23:50 to 00:20 CET', written);
    expect([iso(range!.at), iso(range!.until!.at)]).toEqual(['2026-12-04T22:50', '2026-12-04T23:20']);
    const [night] = timesIn('from 23:50 to 00:20', written);
    expect([iso(night!.at), iso(night!.until!.at)]).toEqual(['2026-12-04T23:50', '2026-12-05T00:20']);
    expect(timesIn('call at 9 am, again at 9:05 pm', written).map((t) => t.minutes)).toEqual([540, 1265]);
    expect(timesIn('noted 2025-03-04 09:30 and 2025-03-05', null).map((t) => iso(t.at))).toEqual(['2025-03-04T09:30', '2025-03-05T00:00']);
    expect(timesIn('Gateway health at 09:05 UTC: fine', written).map((t) => t.text)).toEqual(['09:05 UTC']);
  });

  it('leaves a time without a date unplaced when the source has no time', () => {
    expect(timesIn('at 08:10', null).map((t) => [t.at, t.minutes])).toEqual([[null, 490]]);
  });
});

describe('identifiers', () => {
  it('reads references with the words that say what they are', () => {
    const found = identifiersIn('support contract PAN-EU-44817 (Premium), circuit TC-FRA-0092231, their ticket TCN-558812, their case 02841177, firmware 10.2.7, INC0001987, SAP role Z_FI_DISPLAY_ONLY, https://kb.example.com/kb/KB0012 and vpn-euw.corp.example.com; not 10.42.0.10.');
    expect(found.map((i) => `${i.kind}:${i.label ?? '-'}:${i.text}`)).toEqual([
      'reference:support contract:PAN-EU-44817',
      'reference:circuit:TC-FRA-0092231',
      'reference:ticket:TCN-558812',
      'reference:case:02841177',
      'version:firmware:10.2.7',
      'ticket:incident:INC0001987',
      'role:SAP role:Z_FI_DISPLAY_ONLY',
      'link:-:https://kb.example.com/kb/KB0012',
      'host:-:vpn-euw.corp.example.com',
    ]);
  });
});

describe('sentences and clauses', () => {
  it('splits sentences, not versions, hosts or abbreviations, and clauses outside brackets', () => {
    expect(sentencesOf('Upgraded to 10.2.7 on vpn-euw.corp.example.com, e.g. node 2. Latency back to normal.\nNext: measure.').map((s) => s.text)).toEqual([
      'Upgraded to 10.2.7 on vpn-euw.corp.example.com, e.g. node 2.',
      'Latency back to normal.',
      'Next: measure.',
    ]);
    const [s] = sentencesOf('CPU 81% (baseline about 45%, peak 50%), 1,240 tunnels; set-up rate normal.');
    expect(clausesOf(s!).map((c) => c.text)).toEqual(['CPU 81% (baseline about 45%, peak 50%)', '1,240 tunnels', 'set-up rate normal.']);
  });

  it('bounds a span at a word boundary, never inside a word', () => {
    const span = { text: 'Remote staff in the EU region report VPN sessions', start: 0, end: 49 };
    expect(boundSpan(span, 30).text).toBe('Remote staff in the EU region');
    expect(boundSpan(span, 100)).toBe(span);
  });
});

describe('the fact sheet of a ticket', () => {
  const set = buildSourceSet({
    requested: ['ticket_fields', 'work_notes'],
    ticket: { number: 'INC0009001', table: 'incident', sysId: 'a', updatedAt: '2026-12-05 09:00:00', fields: [{ name: 'description', value: 'Latency 400 ms since 08:10 UTC. About 180 users affected.' }] },
    workNotes: [
      { sysId: 'n1', value: 'Ping average 612 ms, 4% loss.', createdBy: 'alex.rivera', createdOn: '2026-12-05 09:10:00' },
      { sysId: 'n2', value: 'ISP says no packet loss since 06:00 UTC. About 180 users confirmed.', createdBy: 'raj.patel', createdOn: '2026-12-05 09:20:00' },
      { sysId: 'n3', value: 'Marcus has not received the key.', createdBy: 'lena.fischer', createdOn: '2026-12-05 09:30:00' },
      { sysId: 'n4', value: 'Records show the key shipped to Marcus last month.', createdBy: 'samira.haddad', createdOn: '2026-12-05 09:40:00' },
    ],
  });
  const facts = extractFacts(set.sources);

  it('lists each value once with every source that states it', () => {
    expect(facts.measurements.find((m) => m.reading.people)?.sources).toEqual(['S1', 'S3']);
  });

  it('puts times and notes on one timeline, oldest first', () => {
    expect(facts.timeline.map((e) => `${iso(e.at)} ${e.source.id} ${e.time?.text ?? 'note'}`)).toEqual([
      '2026-12-05T06:00 S3 06:00 UTC',
      '2026-12-05T08:10 S1 08:10 UTC',
      '2026-12-05T09:10 S2 note',
      '2026-12-05T09:20 S3 note',
      '2026-12-05T09:30 S4 note',
      '2026-12-05T09:40 S5 note',
    ]);
  });

  it('states contradictions, quoting each side: a measure absent and present, a delivery denied and stated', () => {
    expect(facts.contradictions).toEqual([
      { about: 'Packet loss', claims: [{ source: 'S2', text: 'Ping average 612 ms, 4% loss.' }, { source: 'S3', text: 'ISP says no packet loss since 06:00 UTC.' }] },
      { about: 'Delivery to Marcus', claims: [{ source: 'S4', text: 'Marcus has not received the key.' }, { source: 'S5', text: 'Records show the key shipped to Marcus last month.' }] },
    ]);
  });
});

describe("the operator's note", () => {
  it('steers by its content words only', () => {
    expect([...keywordsOf('Please focus on the ISP circuits and packet loss first')]).toEqual(['isp', 'circuit', 'packet', 'loss']);
    expect(keywordsOf(null).size).toBe(0);
  });
});
