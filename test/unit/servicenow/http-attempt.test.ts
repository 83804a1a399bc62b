/**
 * One attempt on Node's own client (connectors/servicenow/http-attempt.ts)
 * against a real local server: the answer as text (gzip decoded), redirects
 * returned not followed, the deadline on the whole attempt, the body cap, and
 * the caller's abort.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpAttempt, type AttemptRequest } from '../../../connectors/servicenow/http-attempt.js';

let server: http.Server;
let base = '';
const agent = new http.Agent({ keepAlive: true });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/echo') {
        res.writeHead(201, { 'content-type': 'application/json', 'X-Total-Count': '7' });
        res.end(JSON.stringify({ method: req.method, body, length: req.headers['content-length'], auth: req.headers.authorization }));
      } else if (req.url === '/gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip' });
        res.end(gzipSync('{"result":"é unzipped"}'));
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: 'https://login.example.com/' });
        res.end();
      } else if (req.url === '/big') {
        res.end('x'.repeat(10_000));
      } else if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"result":');
        setTimeout(() => res.socket?.destroy(), 20);
      } else if (req.url === '/slow') {
        res.write('{"res');
        setTimeout(() => res.end('ult":1}'), 1_000);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agent.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const attempt = (path: string, extra: Partial<AttemptRequest> = {}) =>
  httpAttempt({ url: new URL(`${base}${path}`), method: 'GET', headers: {}, timeoutMs: 500, maxBytes: 1_000, agent, ...extra });

describe('httpAttempt', () => {
  it('sends the body with its length and headers, and answers status, lower-case headers and the text', async () => {
    const answer = await attempt('/echo', { method: 'POST', body: '{"a":"é"}', headers: { Authorization: 'Basic x' } });
    expect(answer.kind).toBe('response');
    if (answer.kind !== 'response') return;
    expect(answer.status).toBe(201);
    expect(answer.headers['x-total-count']).toBe('7');
    expect(JSON.parse(answer.body)).toEqual({ method: 'POST', body: '{"a":"é"}', length: '10', auth: 'Basic x' });
  });

  it('decodes a gzip answer', async () => {
    const answer = await attempt('/gzip');
    expect(answer).toMatchObject({ kind: 'response', status: 200, body: '{"result":"é unzipped"}' });
  });

  it('returns a redirect as it is, never following it', async () => {
    const answer = await attempt('/redirect');
    expect(answer).toMatchObject({ kind: 'response', status: 302, body: '' });
  });

  it('refuses an answer larger than the cap', async () => {
    const answer = await attempt('/big');
    expect(answer).toMatchObject({ kind: 'network', code: 'ERR_RESPONSE_TOO_LARGE' });
  });

  it('answers an answer cut off mid-body as a network failure', async () => {
    const answer = await attempt('/cut');
    expect(answer).toMatchObject({ kind: 'network', code: 'ECONNRESET' });
  });

  it('times out on the whole attempt, even while bytes trickle in', async () => {
    const started = Date.now();
    const answer = await attempt('/slow', { timeoutMs: 200 });
    expect(answer.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("ends with the caller's abort reason", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(attempt('/slow', { signal: controller.signal, timeoutMs: 5_000 })).rejects.toThrow('stop');
  });

  it('answers a refused connection as a network failure with its code', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const answer = await httpAttempt({ url: new URL(`http://127.0.0.1:${port}/`), method: 'GET', headers: {}, timeoutMs: 1_000, maxBytes: 100, agent });
    expect(answer).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
  });
});
