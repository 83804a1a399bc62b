/**
 * The worker's doorbell (docs/contract.md, "The doorbell"): a small HTTP
 * listener the app's after-insert rule posts to when a request or review row
 * is created. A ring is a hint only: it makes the intake poll the app's
 * tables at once through the worker's own authenticated reads, so a forged
 * ring costs one extra poll (rings are coalesced), never a hand-off. With a
 * token set, a ring must carry it in `X-AIH-Doorbell` (compared in constant
 * time) or it is refused with 401 and does nothing.
 *
 * Turned on by AI_HANDOFF_DOORBELL=host:port (AI_HANDOFF_DOORBELL_TOKEN or
 * _FILE for the token); without it the intake's fallback poll finds the row.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../util/log.js';

/** The header a ring carries its token in. */
export const DOORBELL_HEADER = 'x-aih-doorbell';
/** Largest ring body read, in bytes: `{"table","sys_id"}` is under 100. */
const MAX_RING_BYTES = 4096;

export interface DoorbellOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly token?: string;
  /** Called for every accepted ring (coalescing is the intake's). */
  readonly onRing: () => void;
  readonly log: Logger;
}

export interface DoorbellListener {
  /** Where the app should ring: http://host:port/ */
  readonly url: string;
  /** Rings accepted and refused since start. */
  readonly stats: { readonly accepted: number; readonly refused: number };
  close(): Promise<void>;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

export async function startDoorbell(options: DoorbellOptions): Promise<DoorbellListener> {
  const stats = { accepted: 0, refused: 0 };
  const expected = options.token === undefined ? null : digest(options.token);
  const server: Server = createServer((req, res) => {
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RING_BYTES) tooLarge = true;
    });
    req.on('end', () => {
      const token = req.headers[DOORBELL_HEADER];
      const authorised = expected === null || (typeof token === 'string' && timingSafeEqual(digest(token), expected));
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
      } else if (tooLarge) {
        res.writeHead(413).end();
      } else if (!authorised) {
        stats.refused++;
        options.log.warn('doorbell: a ring without the right token was refused', { from: req.socket.remoteAddress });
        res.writeHead(401).end();
      } else {
        stats.accepted++;
        // Answer first: the ring's sender (an async business rule) never waits for the poll.
        res.writeHead(202).end();
        options.onRing();
      }
    });
    req.on('error', () => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
