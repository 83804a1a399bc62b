/**
 * Sends a Reply, streaming chunked bodies with back-pressure, and applying the
 * two faults that act on the answer itself: truncation and a connection
 * dropped after the work was done.
 */
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Reply } from './reply.js';

export type SendMode = 'normal' | 'truncate' | 'drop';

export async function send(res: ServerResponse, reply: Reply, mode: SendMode = 'normal'): Promise<void> {
  if (mode === 'drop') {
    res.socket?.destroy();
    return;
  }
  if (mode === 'truncate') {
    const full = typeof reply.body === 'string' ? reply.body : [...reply.body].join('');
    const cut = full.slice(0, Math.max(1, Math.floor(full.length / 2)));
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(Buffer.byteLength(cut)) });
    res.end(cut);
    return;
  }
  if (typeof reply.body === 'string') {
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)) });
    res.end(reply.body);
    return;
  }
  res.writeHead(reply.status, reply.headers);
  for (const chunk of reply.body) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  }
  res.end();
}
