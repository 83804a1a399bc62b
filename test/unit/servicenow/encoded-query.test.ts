import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionFrom, encodedQuery, type Condition } from '../../../connectors/servicenow/encoded-query.js';
import { isHandoffError } from '../../../src/errors.js';

const allowed = ['active', 'priority', 'state', 'number', 'short_description', 'assignment_group', 'caller_id', 'sys_id', 'sys_updated_on'];
const q = () => encodedQuery('incident', allowed);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isHandoffError(error)) return `${error.code} ${typeof error.details.field === 'string' ? error.details.field : ''}`.trim();
    throw error;
  }
  return 'no error';
}

describe('encoded query builder', () => {
  it('renders every operator ServiceNow documents', () => {
    const conditions: Condition[] = [
      { field: 'active', op: '=', value: 'true' },
      { field: 'state', op: '!=', value: '7' },
      { field: 'priority', op: '<', value: '3' },
      { field: 'priority', op: '<=', value: '3' },
      { field: 'sys_updated_on', op: '>', value: '2024-01-02 03:04:05' },
      { field: 'sys_updated_on', op: '>=', value: '2024-01-02 03:04:05' },
      { field: 'state', op: 'IN', value: ['1', '2', '3'] },
      { field: 'state', op: 'NOT IN', value: ['6', '7'] },
      { field: 'short_description', op: 'LIKE', value: 'VPN latency' },
      { field: 'number', op: 'STARTSWITH', value: 'INC00' },
      { field: 'caller_id', op: 'ISEMPTY' },
      { field: 'assignment_group', op: 'ISNOTEMPTY' },
    ];
    expect(q().andAll(conditions).build()).toBe(
      'active=true^state!=7^priority<3^priority<=3^sys_updated_on>2024-01-02 03:04:05^sys_updated_on>=2024-01-02 03:04:05' +
        '^stateIN1,2,3^stateNOT IN6,7^short_descriptionLIKEVPN latency^numberSTARTSWITHINC00^caller_idISEMPTY^assignment_groupISNOTEMPTY',
    );
  });

  it('binds ^OR to the condition before it, joins groups with ^NQ, and puts ordering last', () => {
    const query = q()
      .and({ field: 'active', op: '=', value: 'true' })
      .and({ field: 'priority', op: '=', value: '1' })
      .or({ field: 'priority', op: '=', value: '2' })
      .newQuery()
      .and({ field: 'state', op: '=', value: '3' })
      .orderBy('sys_updated_on')
      .orderByDesc('sys_id')
      .build();
    expect(query).toBe('active=true^priority=1^ORpriority=2^NQstate=3^ORDERBYsys_updated_on^ORDERBYDESCsys_id');
    expect(q().orderBy('number').build()).toBe('ORDERBYnumber');
  });

  it('refuses ^, line breaks, javascript: values and commas inside IN values, naming the field', () => {
    expect(codeOf(() => q().and({ field: 'short_description', op: '=', value: 'x^NQactive=false' }))).toBe('SN_QUERY_UNSAFE short_description');
    expect(codeOf(() => q().and({ field: 'number', op: 'LIKE', value: 'a\nb' }))).toBe('SN_QUERY_UNSAFE number');
    expect(codeOf(() => q().and({ field: 'number', op: 'LIKE', value: 'a\rb' }))).toBe('SN_QUERY_UNSAFE number');
    expect(codeOf(() => q().and({ field: 'caller_id', op: '=', value: 'javascript:gs.getUserID()' }))).toBe('SN_QUERY_UNSAFE caller_id');
    expect(codeOf(() => q().and({ field: 'state', op: 'IN', value: ['1', '2,3'] }))).toBe('SN_QUERY_UNSAFE state');
    expect(codeOf(() => q().and({ field: 'state', op: 'IN', value: [] }))).toBe('SN_QUERY_UNSAFE state');
    expect(codeOf(() => q().and({ field: 'state', op: '=', value: '' }))).toBe('SN_QUERY_UNSAFE state');
  });

  it('refuses fields outside the allowed set, in conditions and in ordering', () => {
    expect(codeOf(() => q().and({ field: 'comments', op: '=', value: 'x' }))).toBe('SN_QUERY_UNKNOWN_FIELD comments');
    expect(codeOf(() => q().and({ field: 'caller_id.name', op: '=', value: 'x' }))).toBe('SN_QUERY_UNKNOWN_FIELD caller_id.name');
    expect(codeOf(() => q().orderBy('sys_created_on'))).toBe('SN_QUERY_UNKNOWN_FIELD sys_created_on');
    expect(codeOf(() => q().or({ field: 'active', op: '=', value: 'true' }))).toBe('INPUT_INVALID');
    expect(codeOf(() => q().newQuery())).toBe('INPUT_INVALID');
  });

  it('refuses every value holding ^ or a line break, whatever surrounds it', () => {
    const hostile = fc.tuple(fc.string(), fc.constantFrom('^', '\n', '\r', '^OR', '^NQ'), fc.string()).map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(hostile, fc.constantFrom<Array<'=' | '!=' | 'LIKE' | 'STARTSWITH' | '<' | '>'>>('=', '!=', 'LIKE', 'STARTSWITH', '<', '>'), (value, op) => {
        expect(codeOf(() => q().and({ field: 'short_description', op, value }))).toBe('SN_QUERY_UNSAFE short_description');
      }),
    );
  });

  it('turns mapping filter conditions into typed conditions, refusing shapes that do not fit the operator', () => {
    expect(conditionFrom({ field: 'active', op: '=', value: 'true' }, 'incident')).toEqual({ field: 'active', op: '=', value: 'true' });
    expect(conditionFrom({ field: 'state', op: 'IN', value: '1' }, 'incident')).toEqual({ field: 'state', op: 'IN', value: ['1'] });
    expect(conditionFrom({ field: 'caller_id', op: 'ISEMPTY' }, 'incident')).toEqual({ field: 'caller_id', op: 'ISEMPTY' });
    expect(codeOf(() => conditionFrom({ field: 'caller_id', op: 'ISEMPTY', value: 'x' }, 'incident'))).toBe('INPUT_INVALID caller_id');
    expect(codeOf(() => conditionFrom({ field: 'state', op: 'IN' }, 'incident'))).toBe('INPUT_INVALID state');
    expect(codeOf(() => conditionFrom({ field: 'state', op: '=', value: ['1'] }, 'incident'))).toBe('INPUT_INVALID state');
  });
});
