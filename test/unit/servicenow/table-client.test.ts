import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HandoffError } from '../../../src/errors.js';
import { harness, instance, mapping, netError, paramsOf, snError, SYS } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const incident = mapping('incident');
const INCIDENT_FIELDS =
  'active,assigned_to,assigned_to.name,assignment_group,assignment_group.manager,assignment_group.manager.name,assignment_group.name,' +
  'caller_id,caller_id.name,close_notes,cmdb_ci,cmdb_ci.name,description,number,priority,short_description,state,sys_id,sys_mod_count,sys_updated_on,' +
  'x_acme_aihandoff_data_classification,x_acme_aihandoff_panel,x_acme_aihandoff_status';

async function failure(promise: Promise<unknown>): Promise<HandoffError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandoffError) return error;
    throw error;
  }
  throw new Error('expected a HandoffError');
}

describe('table client: the requests sent', () => {
  it('pulls with the mapping fields (dot-walks included), raw values, no reference links, no count, keyset order', async () => {
    const paths: string[] = [];
    instance()
      .get((uri) => uri.startsWith('/api/now/table/incident?'))
      .reply(function () {
        paths.push(this.req.path);
        return [200, { result: [] }];
      });
    const { connector } = harness();
    const pages = [];
    for await (const page of connector.pull(incident, null)) pages.push(page);
    expect(pages).toEqual([{ records: [], watermark: null }]);
    expect(paths).toHaveLength(1);
    expect(paramsOf(paths[0]!)).toEqual([
      ['sysparm_query', 'active=true^ORDERBYsys_updated_on^ORDERBYsys_id'],
      ['sysparm_fields', INCIDENT_FIELDS],
      ['sysparm_limit', '500'],
      ['sysparm_display_value', 'false'],
      ['sysparm_exclude_reference_link', 'true'],
      ['sysparm_no_count', 'true'],
    ]);
  });

  it('gets one record by sys_id with labels (display_value=all), and PATCHes an app row with only the guarded columns', async () => {
    const bodies: unknown[] = [];
    const paths: string[] = [];
    instance()
      .get(`/api/now/table/incident/${SYS(1)}`)
      .query(true)
      .reply(function () {
        paths.push(this.req.path);
        return [200, { result: { sys_id: { display_value: SYS(1), value: SYS(1) }, number: { display_value: 'INC0002041', value: 'INC0002041' }, state: { display_value: 'In Progress', value: '2' }, cmdb_ci: { display_value: '', value: '' } } }];
      })
      .patch(`/api/now/table/x_acme_aihandoff_request/${SYS(2)}`, (body: unknown) => {
        bodies.push(body);
        return true;
      })
      .query(true)
      .reply(function () {
        paths.push(this.req.path);
        return [200, { result: { sys_id: SYS(2), state: 'refused' } }];
      });
    const { connector } = harness();
    // Raw values keep their keys; a label that differs goes under dv_<field>.
    expect(await connector.get(incident, SYS(1))).toEqual({ sys_id: SYS(1), number: 'INC0002041', state: '2', dv_state: 'In Progress', cmdb_ci: '' });
    await connector.finishRow('request', { sysId: SYS(2), state: 'refused', message: 'No such table.', remedy: 'Ask again.' });
    expect(bodies).toEqual([{ state: 'refused', message: 'No such table.', remedy: 'Ask again.' }]);
    expect(paramsOf(paths[0]!)).toEqual([
      ['sysparm_fields', INCIDENT_FIELDS],
      ['sysparm_display_value', 'all'],
      ['sysparm_exclude_reference_link', 'true'],
    ]);
    expect(paramsOf(paths[1]!)).toEqual([
      ['sysparm_fields', 'sys_id,state'],
      ['sysparm_display_value', 'false'],
      ['sysparm_exclude_reference_link', 'true'],
    ]);
  });

  it('lists related records with labels, and refuses a labelled row that is neither a string nor a pair of strings', async () => {
    instance()
      .get((uri) => uri.startsWith('/api/now/table/incident?') && uri.includes('sysparm_display_value=all'))
      .reply(200, { result: [{ sys_id: SYS(5), priority: { display_value: '2 - High', value: '2' }, 'caller_id.name': { display_value: 'Jordan Miles', value: 'Jordan Miles' } }] });
    const { connector } = harness();
    expect(await connector.list(incident, [{ field: 'cmdb_ci', op: '=', value: SYS(9) }], 5)).toEqual([{ sys_id: SYS(5), priority: '2', dv_priority: '2 - High', 'caller_id.name': 'Jordan Miles' }]);
    instance().get(`/api/now/table/incident/${SYS(6)}`).query(true).reply(200, { result: { sys_id: SYS(6), state: { value: 2, display_value: 'In Progress' } } });
    await expect(connector.get(incident, SYS(6))).rejects.toMatchObject({ code: 'SN_BAD_RESPONSE', message: expect.stringContaining("field 'state' is not a string nor a {display_value, value} pair") as unknown });
  });

  it('answers null for a 404 on get, and refuses a malformed sys_id before sending', async () => {
    instance().get(`/api/now/table/incident/${SYS(2)}`).query(true).reply(404, snError('No Record found', "Record doesn't exist or ACL restricts the record retrieval"));
    const { connector } = harness();
    expect(await connector.get(incident, SYS(2))).toBeNull();
    expect((await failure(connector.get(incident, '../sys_user'))).code).toBe('INPUT_INVALID');
  });

  it('keeps no cookies between calls', async () => {
    instance().get(`/api/now/table/incident/${SYS(3)}`).query(true).times(2).reply(200, { result: { sys_id: SYS(3) } }, { 'Set-Cookie': 'JSESSIONID=abc123; Path=/' });
    const { connector } = harness();
    await connector.get(incident, SYS(3));
    await connector.get(incident, SYS(3));
    expect(nock.isDone()).toBe(true);
  });
});

describe('table client: answers that are errors', () => {
  it('treats a 200 carrying an error as an error', async () => {
    instance().get(`/api/now/table/incident/${SYS(4)}`).query(true).reply(200, snError('Invalid query'));
    const error = await failure(harness().connector.get(incident, SYS(4)));
    expect(error.code).toBe('SN_BAD_RESPONSE');
    expect(error.message).toContain('Invalid query');
  });

  it('refuses a body that is not JSON, a missing envelope, and a non-string value', async () => {
    const scope = instance().get(`/api/now/table/incident/${SYS(5)}`).query(true);
    scope.reply(200, '<html>Instance hibernating</html>', { 'Content-Type': 'text/html' });
    instance().get(`/api/now/table/incident/${SYS(5)}`).query(true).reply(200, { records: [] });
    instance().get(`/api/now/table/incident/${SYS(5)}`).query(true).reply(200, { result: { sys_id: SYS(5), assigned_to: { link: 'x', value: 'y' } } });
    const { connector } = harness();
    const notJson = await failure(connector.get(incident, SYS(5)));
    expect([notJson.code, notJson.message]).toEqual(['SN_BAD_RESPONSE', expect.stringContaining('text/html')]);
    expect((await failure(connector.get(incident, SYS(5)))).message).toContain('no "result" envelope');
    const notString = await failure(connector.get(incident, SYS(5)));
    expect(notString.details.field).toBe('assigned_to');
  });

  it.each([
    [400, 'SN_BAD_REQUEST', 'Invalid table incidentx'],
    [401, 'SN_AUTH_FAILED', 'User Not Authenticated'],
    [403, 'SN_FORBIDDEN', 'Operation Failed'],
    [404, 'SN_NOT_FOUND', 'No Record found'],
  ])('does not retry %i (%s) and carries the status, table and ServiceNow message', async (status, code, message) => {
    instance().post(`/api/x_acme_aihandoff/v1/tickets/incident/${SYS(6)}`).once().reply(status, snError(message, 'some detail'));
    const { connector, sleeps } = harness();
    const error = await failure(connector.writeTicket(incident, SYS(6), { fields: { x_acme_aihandoff_status: 'running' } }));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ status, table: 'incident', operation: 'write', snMessage: message, snDetail: 'some detail' });
    expect(sleeps).toEqual([]);
    expect(nock.isDone()).toBe(true);
  });
});

describe('table client: retries', () => {
  const path = `/api/now/table/incident/${SYS(7)}`;
  const ok = { result: { sys_id: SYS(7) } };

  it('honours Retry-After in seconds on 429', async () => {
    instance().get(path).query(true).reply(429, snError('Rate limit exceeded'), { 'Retry-After': '2' }).get(path).query(true).reply(200, ok);
    const { connector, sleeps } = harness();
    expect(await connector.get(incident, SYS(7))).toEqual(ok.result);
    expect(sleeps).toEqual([2000]);
  });

  it('honours Retry-After as an HTTP date and X-RateLimit-Reset as UNIX time', async () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    instance()
      .get(path).query(true).reply(429, snError('Rate limit exceeded'), { 'Retry-After': 'Sat, 01 Mar 2025 10:00:05 GMT' })
      .get(path).query(true).reply(429, snError('Rate limit of 100 requests per hour for Table API exceeded'), { 'X-RateLimit-Reset': String(now / 1000 + 9), 'X-RateLimit-Limit': '100' })
      .get(path).query(true).reply(200, ok);
    const { connector, sleeps } = harness({}, { now: () => now });
    await connector.get(incident, SYS(7));
    expect(sleeps).toEqual([5000, 9000]);
  });

  it('backs off exponentially with jitter on 5xx and gives up after maxAttempts with SN_UNAVAILABLE', async () => {
    instance().get(path).query(true).times(4).reply(503, snError('Service Unavailable'));
    const { connector, sleeps } = harness({ retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 } });
    const error = await failure(connector.get(incident, SYS(7)));
    expect(error.code).toBe('SN_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('after 4 attempts');
    expect(sleeps).toEqual([50, 100, 200]); // random() = 0.5 of 100, 200, 400
  });

  it('retries network errors and an empty 202 on GET', async () => {
    instance()
      .get(path).query(true).replyWithError(netError('ECONNRESET', 'socket hang up'))
      .get(path).query(true).reply(202, '')
      .get(path).query(true).reply(200, ok);
    const { connector, sleeps } = harness({ retry: { baseDelayMs: 100 } });
    expect(await connector.get(incident, SYS(7))).toEqual(ok.result);
    expect(sleeps).toEqual([50, 100]);
  });

  it('surfaces a long server hint to the queue instead of sleeping on it', async () => {
    instance().get(path).query(true).reply(429, snError('Rate limit exceeded'), { 'Retry-After': '3600' });
    const { connector, sleeps } = harness();
    const error = await failure(connector.get(incident, SYS(7)));
    expect([error.code, error.retryAfterMs, sleeps]).toEqual(['SN_RATE_LIMITED', 3_600_000, []]);
  });

  it('times out a slow call (SN_TIMEOUT), retrying it while attempts remain', async () => {
    instance().get(path).query(true).times(2).delay(2000).reply(200, ok);
    const { connector, sleeps } = harness({ timeoutMs: 100, retry: { maxAttempts: 2 } });
    const started = Date.now();
    const error = await failure(connector.get(incident, SYS(7)));
    expect(error.code).toBe('SN_TIMEOUT');
    expect(error.details.timeoutMs).toBe(100);
    expect(sleeps).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('sends a ticket write again after a 503, a reset and a 429: the note\'s key makes it idempotent', async () => {
    const api = `/api/x_acme_aihandoff/v1/tickets/incident/${SYS(7)}`;
    const written = { result: { sys_id: SYS(7), sys_mod_count: '3', sys_updated_on: '2025-01-01 10:00:00', note: 'written' } };
    const key = '[ai-handoff:ho_abcdefghijklmnopqrstuvwxyz]';
    const write = { note: { text: `AI draft\n${key}`, key } };
    const { connector, sleeps } = harness();
    instance().post(api).reply(503, snError('Service Unavailable')).post(api).replyWithError(netError('ECONNRESET', 'socket hang up')).post(api).reply(429, snError('Rate limit exceeded'), { 'Retry-After': '1' }).post(api).reply(200, written);
    expect(await connector.writeTicket(incident, SYS(7), write)).toMatchObject({ note: 'written' });
    expect(sleeps).toHaveLength(3);
    expect(nock.isDone()).toBe(true);
  });
});

describe('table client: concurrency', () => {
  it('keeps at most maxConcurrency calls in flight against the instance', async () => {
    let inFlight = 0;
    let peak = 0;
    instance()
      .get((uri) => uri.startsWith('/api/now/table/incident/'))
      .query(true)
      .times(12)
      .reply(async function () {
        const sysId = this.req.path.slice(24, 56);
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight -= 1;
        return [200, { result: { sys_id: sysId } }];
      });
    const { connector } = harness({ maxConcurrency: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => connector.get(incident, SYS(100 + i))));
    expect(results.map((r) => r?.sys_id)).toEqual(Array.from({ length: 12 }, (_, i) => SYS(100 + i)));
    expect(peak).toBe(3);
  });

  it('lets a caller abort a call in flight', async () => {
    instance().get((uri) => uri.startsWith('/api/now/table/incident?')).delay(1000).reply(200, { result: [] });
    const { connector, sleeps } = harness();
    const controller = new AbortController();
    const pulling = (async () => {
      for await (const page of connector.pull(incident, null, { signal: controller.signal })) return page;
      return null;
    })();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pulling).rejects.toThrow('stop');
    expect(sleeps).toEqual([]);
  });
});
