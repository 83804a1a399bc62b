import { describe, expect, it } from 'vitest';
import { parseEncodedQuery } from '../../../connectors/servicenow/sandbox/query/parse.js';
import { linkHeader } from '../../../connectors/servicenow/sandbox/http/link-header.js';

describe('parseEncodedQuery', () => {
  it('binds ^OR to the condition before it and splits groups on ^NQ', () => {
    expect(parseEncodedQuery('a=1^b=2^ORc=3^NQd!=4^ORDERBYe^ORDERBYDESCf')).toEqual({
      groups: [
        [[{ field: 'a', op: '=', value: '1' }], [{ field: 'b', op: '=', value: '2' }, { field: 'c', op: '=', value: '3' }]],
        [[{ field: 'd', op: '!=', value: '4' }]],
      ],
      orderBy: [{ field: 'e', desc: false }, { field: 'f', desc: true }],
    });
  });

  it('reads the longest operator and keeps the rest of the term as the value', () => {
    const ops = ['x.yNOT INa,b', 'xNOT LIKEz', 'xISNOTEMPTY', 'xISEMPTY', 'x<=2', 'x>=2', 'xSTARTSWITHab=c', 'xBETWEEN1@2', 'xINa'].map((t) => parseEncodedQuery(t).groups[0]![0]![0]);
    expect(ops).toEqual([
      { field: 'x.y', op: 'NOT IN', value: 'a,b' },
      { field: 'x', op: 'NOT LIKE', value: 'z' },
      { field: 'x', op: 'ISNOTEMPTY', value: '' },
      { field: 'x', op: 'ISEMPTY', value: '' },
      { field: 'x', op: '<=', value: '2' },
      { field: 'x', op: '>=', value: '2' },
      { field: 'x', op: 'STARTSWITH', value: 'ab=c' },
      { field: 'x', op: 'BETWEEN', value: '1@2' },
      { field: 'x', op: 'IN', value: 'a' },
    ]);
  });

  it('drops what it cannot read and ignores EQ and empty terms, like an instance', () => {
    expect(parseEncodedQuery('^^nonsense^Bad=1^EQ^a=1^')).toEqual({ groups: [[[{ field: 'a', op: '=', value: '1' }]]], orderBy: [] });
    expect(parseEncodedQuery('')).toEqual({ groups: [], orderBy: [] });
  });

  it('has no escape for ^: a value cannot hold it', () => {
    expect(parseEncodedQuery('short_descriptionLIKEa^NQactive=true').groups).toHaveLength(2);
  });
});

describe('linkHeader', () => {
  const url = new URL('http://127.0.0.1:1/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_limit=10');
  it('is absent for a single page', () => {
    expect(linkHeader({ url, offset: 0, limit: 10, total: 7, more: false })).toBeUndefined();
  });
  it('names first, prev, next and last with absolute URLs', () => {
    const header = linkHeader({ url, offset: 10, limit: 10, total: 35, more: true })!;
    expect(header.split(',').map((l) => l.replace(/^<([^>]+)>;rel="(\w+)"$/, '$2 $1'))).toEqual([
      'first http://127.0.0.1:1/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_limit=10&sysparm_offset=0',
      'prev http://127.0.0.1:1/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_limit=10&sysparm_offset=0',
      'next http://127.0.0.1:1/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_limit=10&sysparm_offset=20',
      'last http://127.0.0.1:1/api/now/table/incident?sysparm_query=active%3Dtrue&sysparm_limit=10&sysparm_offset=30',
    ]);
  });
});
