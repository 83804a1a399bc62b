/**
 * Encoded queries over HTTP: every operator, ^OR binding to the condition
 * before it, ^NQ groups, ORDERBY/ORDERBYDESC, dot-walked conditions, and the
 * instance's quirk that an unknown field is silently ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_ADMIN, call, list, manualClock } from './client.js';

let sb: Sandbox;
const clock = manualClock();

// Six incidents with known values (impact/urgency give priority 1..5).
const DATA = [
  { short_description: 'alpha vpn down', impact: '1', urgency: '1', state: '1', category: 'network', caller_id: 'jordan.miles' },
  { short_description: 'Beta VPN slow', impact: '1', urgency: '2', state: '2', category: 'network', caller_id: 'sofia.rossi' },
  { short_description: 'gamma printer', impact: '2', urgency: '2', state: '2', category: 'hardware', caller_id: '' },
  { short_description: 'delta email', impact: '2', urgency: '3', state: '3', category: 'software', caller_id: 'jordan.miles' },
  { short_description: 'epsilon laptop', impact: '3', urgency: '2', state: '1', category: 'hardware', caller_id: 'liam.murphy' },
  { short_description: 'zeta planning', impact: '3', urgency: '3', state: '2', category: 'inquiry', caller_id: '' },
];

beforeAll(async () => {
  sb = await createSandbox({ seed: false, clock: clock.now });
  for (const row of DATA) {
    clock.advance(60_000);
    const caller = row.caller_id === '' ? '' : sb.directory.user(row.caller_id)!.v.sys_id!;
    const answer = await call(sb.url, 'POST', '/api/now/table/incident', AS_ADMIN, { ...row, caller_id: caller });
    expect(answer.status).toBe(201);
  }
});
afterAll(async () => {
  await sb.close();
});

async function names(query: string): Promise<string[]> {
  const answer = await list(sb.url, 'incident', { sysparm_query: query, sysparm_fields: 'short_description' }, AS_ADMIN);
  expect(answer.status).toBe(200);
  return answer.json.result.map((r) => (r.short_description as string).split(' ')[0]!.toLowerCase());
}

describe('operators', () => {
  it.each([
    ['priority=1', ['alpha']],
    ['priority!=2', ['alpha', 'gamma', 'delta', 'epsilon', 'zeta']],
    ['priority<3', ['alpha', 'beta']],
    ['priority<=3', ['alpha', 'beta', 'gamma']],
    ['priority>4', ['zeta']],
    ['priority>=4', ['delta', 'epsilon', 'zeta']],
    ['stateIN1,3', ['alpha', 'delta', 'epsilon']],
    ['stateNOT IN1,3', ['beta', 'gamma', 'zeta']],
    ['short_descriptionLIKEvpn', ['alpha', 'beta']],
    ['short_descriptionNOT LIKEvpn', ['gamma', 'delta', 'epsilon', 'zeta']],
    ['short_descriptionSTARTSWITHbeta', ['beta']],
    ['short_descriptionENDSWITHtop', ['epsilon']],
    ['caller_idISEMPTY', ['gamma', 'zeta']],
    ['caller_idISNOTEMPTY', ['alpha', 'beta', 'delta', 'epsilon']],
    ['priorityBETWEEN2@4', ['beta', 'gamma', 'delta', 'epsilon']],
    ['category=NETWORK', ['alpha', 'beta']],
  ])('%s', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('compares integers as numbers, not text', async () => {
    // As text "10" < "9"; priority 1..5 would not show it, state values do: none is >= 10 here.
    expect(await names('state>=10')).toEqual([]);
    expect(await names('state>2')).toEqual(['delta']);
  });

  it('follows dot-walked fields in conditions', async () => {
    expect(await names('caller_id.user_name=jordan.miles')).toEqual(['alpha', 'delta']);
    expect(await names('caller_id.manager.user_name=dana.whitfield')).toEqual(['alpha', 'delta', 'epsilon']);
  });

  it('compares date-times, including gs.dateGenerate values', async () => {
    const all = await list(sb.url, 'incident', { sysparm_fields: 'sys_created_on', sysparm_query: 'ORDERBYsys_created_on' }, AS_ADMIN);
    const third = all.json.result[2]!.sys_created_on as string;
    expect(await names(`sys_created_on>${third}`)).toEqual(['delta', 'epsilon', 'zeta']);
    const [date, time] = third.split(' ');
    expect(await names(`sys_created_on<=javascript:gs.dateGenerate('${date}','${time}')`)).toEqual(['alpha', 'beta', 'gamma']);
  });
});

describe('AND, OR and NQ', () => {
  it('^ is AND', async () => {
    expect(await names('category=hardware^state=1')).toEqual(['epsilon']);
  });

  it('^OR binds to the condition just before it', async () => {
    // state=1 AND (category=network OR category=hardware)
    expect(await names('state=1^category=network^ORcategory=hardware')).toEqual(['alpha', 'epsilon']);
    // (state=3 OR state=1) AND category=hardware
    expect(await names('state=3^ORstate=1^category=hardware')).toEqual(['epsilon']);
  });

  it('^NQ ORs whole groups', async () => {
    // (state=1 AND category=network) OR (state=3)
    expect(await names('state=1^category=network^NQstate=3')).toEqual(['alpha', 'delta']);
  });
});

describe('ordering', () => {
  it('ORDERBY and ORDERBYDESC, with later keys breaking ties', async () => {
    expect(await names('ORDERBYDESCpriority')).toEqual(['zeta', 'delta', 'epsilon', 'gamma', 'beta', 'alpha']);
    // Text sorts ignore case ("Beta" after "alpha"), as the instance's collation does.
    expect(await names('ORDERBYcategory^ORDERBYDESCshort_description')).toEqual(['gamma', 'epsilon', 'zeta', 'beta', 'alpha', 'delta']);
    expect(await names('state=2^ORDERBYDESCsys_created_on')).toEqual(['zeta', 'gamma', 'beta']);
  });
});

describe('the unknown-field quirk', () => {
  it('ignores a condition on an unknown field and runs the rest: a typo returns more rows', async () => {
    expect(await names('stat=1')).toHaveLength(DATA.length);
    expect(await names('stat=1^category=hardware')).toEqual(['gamma', 'epsilon']);
    expect(await names('caller_id.nope=1^state=3')).toEqual(['delta']);
  });

  it('ignores unknown ORDERBY fields and unreadable terms', async () => {
    expect(await names('ORDERBYnope^state=3')).toEqual(['delta']);
    expect(await names('garbage^state=3')).toEqual(['delta']);
  });
});
