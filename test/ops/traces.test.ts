/**
 * Traces per hand-off: with an in-memory exporter, a hand-off and its review
 * through the real flow give one trace (its id from the hand-off id) with the
 * root span and the pickup, execute, write-back and review spans under it, in
 * order, carrying no ticket text or people. From the environment, tracing is
 * off unless OTEL_EXPORTER_OTLP_ENDPOINT is set, and then goes out over OTLP/HTTP.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/handoff/audit-event.js';
import { createHandoffTracing, rootSpanIdOf, traceIdOf, tracingFromEnv } from '../../src/ops/handoff-traces.js';
import { expectOnlyAllowedWrites, handOff, untilStatus } from '../support/flow-steps.js';
import { startOpsHarness, type OpsHarness } from './support/ops-harness.js';

describe('a trace per hand-off', () => {
  const exporter = new InMemorySpanExporter();
  let o: OpsHarness;
  beforeAll(async () => {
    o = await startOpsHarness({ tracing: createHandoffTracing(new SimpleSpanProcessor(exporter)) });
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(o.h);
    await o.close();
  });

  it('has the pickup, execute, write-back and review spans under one root, in order', async () => {
    const handoff = await handOff(o.h, 'alex.rivera', 'INC0002041', 'gather-diagnostics');
    await o.h.review('alex.rivera', 'INC0002041', { handoff: handoff.id, decision: 'accept' });
    await untilStatus(o.h, 'INC0002041', 'accepted');
    const spans = await o.h.waitFor('the review span', () => {
      const all = exporter.getFinishedSpans().filter((s) => s.attributes['ai_handoff.handoff_id'] === handoff.id);
      return Promise.resolve(all.some((s) => s.name === 'review') ? all : undefined);
    });
    const byName = (name: string): ReadableSpan => spans.find((s) => s.name === name)!;
    expect(spans.map((s) => s.name).sort()).toEqual(['execute', 'handoff', 'pickup', 'review', 'write-back']);
    for (const s of spans) expect(s.spanContext().traceId).toBe(traceIdOf(handoff.id));
    const root = byName('handoff');
    expect(root.spanContext().spanId).toBe(rootSpanIdOf(handoff.id));
    expect(root.parentSpanContext).toBeUndefined();
    for (const name of ['pickup', 'execute', 'write-back', 'review']) expect(byName(name).parentSpanContext?.spanId, name).toBe(rootSpanIdOf(handoff.id));

    const ms = (t: [number, number]): number => t[0] * 1_000 + t[1] / 1e6;
    expect(ms(byName('pickup').endTime)).toBeLessThanOrEqual(ms(byName('execute').endTime));
    expect(ms(byName('execute').endTime)).toBeLessThanOrEqual(ms(byName('write-back').endTime));
    expect(ms(byName('write-back').endTime)).toBe(ms(root.endTime));
    expect(ms(root.startTime)).toBe(ms(byName('pickup').startTime));
    expect(byName('review').attributes['ai_handoff.decision']).toBe('accept');
    expect(root.attributes).toMatchObject({ 'ai_handoff.operation': 'gather-diagnostics', 'ai_handoff.table': 'incident' });
    const values = JSON.stringify(spans.map((s) => s.attributes));
    for (const forbidden of ['INC0002041', 'alex.rivera', 'Remote access']) expect(values).not.toContain(forbidden);
  });
});

describe('tracing from the environment', () => {
  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    expect(tracingFromEnv({})).toBeNull();
  });

  it('exports over OTLP/HTTP to the endpoint when it is set', async () => {
    const received: { path: string; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const tracing = tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })!;
      const event = (type: AuditEvent['type'], seq: number, at: string): AuditEvent => ({
        type, handoff: 'ho_test', ticket: { table: 'incident', sysId: 's', number: 'INC1' }, actors: [], policyVersion: 'v', inputDigest: null, outputDigest: null, details: { operation: 'op' }, seq, at, prev: '0'.repeat(64), keyId: 'k0000000000000000', hash: '0'.repeat(64),
      });
      const history = [event('requested', 1, '2026-01-01T00:00:00.000Z'), event('queued', 2, '2026-01-01T00:00:01.000Z')];
      await tracing.onEvent(history[1]!, () => Promise.resolve(history));
      await tracing.shutdown();
      expect(received.map((r) => r.path)).toEqual(['/v1/traces']);
      expect(received[0]!.body).toContain('"pickup"');
      expect(received[0]!.body).toContain(traceIdOf('ho_test'));
    } finally {
      server.close();
    }
  });
});
