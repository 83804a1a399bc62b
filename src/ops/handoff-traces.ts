/**
 * OpenTelemetry traces per hand-off, exported only when the standard
 * OTEL_EXPORTER_OTLP_ENDPOINT is set (OTLP over HTTP; the exporter reads the
 * other OTEL_EXPORTER_OTLP_* settings itself).
 *
 * Built from the audit events as this process appends them, like the metrics:
 * a hand-off's steps may run in different worker processes, so each process
 * emits the spans of the steps it completed, all in one trace whose id, and
 * whose root span's id, derive from the hand-off id. Each step's span runs
 * from the previous step's event to its own, so it is the time the hand-off
 * spent in that stage, waiting in the queue included:
 *
 *   handoff (requested → note written, or failed)
 *     pickup      requested → queued
 *     execute     queued → executed (or the output guard's rejection)
 *     write-back  executed → written (or shadowed)
 *     review      written → reviewed or expired (after the root ends)
 *
 * Attributes: the hand-off id, operation, table, policy version, decision and
 * failure code. Never ticket text, numbers or people.
 */
import { createHash } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, BatchSpanProcessor, RandomIdGenerator, type IdGenerator, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { AuditEvent } from '../handoff/audit-event.js';

export interface HandoffTracing {
  /** Told of every audit event this process appended; `history` reads the hand-off's events so far. */
  onEvent(event: AuditEvent, history: (handoffId: string) => Promise<readonly AuditEvent[]>): Promise<void>;
  /** Exports what is pending and stops. */
  shutdown(): Promise<void>;
}

/** The trace id of a hand-off (32 hex), the same in every process. */
export const traceIdOf = (handoffId: string): string => hex(`trace:${handoffId}`, 32);
/** The span id of a hand-off's root span (16 hex). */
export const rootSpanIdOf = (handoffId: string): string => hex(`root:${handoffId}`, 16);

/** A string detail of an event, or ''. */
function detail(event: AuditEvent, key: string): string {
  const value = event.details[key];
  return typeof value === 'string' ? value : '';
}

function hex(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * Random ids, except for the root span of a hand-off, whose trace and span ids
 * are set just before it is started and cleared right after (synchronously,
 * so nothing interleaves; the SDK asks for the span id, then the trace id).
 */
class HandoffIdGenerator implements IdGenerator {
  private readonly random = new RandomIdGenerator();
  next: { traceId: string; spanId: string } | null = null;
  generateTraceId(): string {
    return this.next?.traceId ?? this.random.generateTraceId();
  }
  generateSpanId(): string {
    return this.next?.spanId ?? this.random.generateSpanId();
  }
}

/** Tracing from the environment: null unless OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-only variant) is set. */
export function tracingFromEnv(env: Readonly<Record<string, string | undefined>>): HandoffTracing | null {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  // The OTLP specification's rule: the traces endpoint wins as it is; the general one gets /v1/traces appended.
  const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : '');
  if (url === '') return null;
  return createHandoffTracing(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
}

export function createHandoffTracing(processor: SpanProcessor): HandoffTracing {
  const ids = new HandoffIdGenerator();
  const provider = new BasicTracerProvider({ idGenerator: ids, spanProcessors: [processor] });
  const tracer: Tracer = provider.getTracer('ai-handoff');

  const parentOf = (handoffId: string) => trace.setSpanContext(ROOT_CONTEXT, { traceId: traceIdOf(handoffId), spanId: rootSpanIdOf(handoffId), traceFlags: TraceFlags.SAMPLED, isRemote: true });
  const attributesOf = (event: AuditEvent): Attributes => ({
    'ai_handoff.handoff_id': event.handoff ?? '',
    'ai_handoff.operation': typeof event.details.operation === 'string' ? event.details.operation : '',
    'ai_handoff.table': event.ticket?.table ?? '',
    'ai_handoff.policy_version': event.policyVersion ?? '',
  });
  const span = (name: string, event: AuditEvent, from: AuditEvent | undefined, extra: Attributes = {}, error: string | null = null): void => {
    if (!event.handoff || !from) return;
    const s = tracer.startSpan(name, { startTime: new Date(from.at), kind: SpanKind.INTERNAL, attributes: { ...attributesOf(event), ...extra } }, parentOf(event.handoff));
    if (error !== null) s.setStatus({ code: SpanStatusCode.ERROR, message: error });
    s.end(new Date(event.at));
  };
  const root = (event: AuditEvent, requested: AuditEvent | undefined, error: string | null): void => {
    if (!event.handoff || !requested) return;
    ids.next = { traceId: traceIdOf(event.handoff), spanId: rootSpanIdOf(event.handoff) };
    const s = tracer.startSpan('handoff', { root: true, startTime: new Date(requested.at), kind: SpanKind.INTERNAL, attributes: attributesOf(event) });
    ids.next = null;
    if (error !== null) s.setStatus({ code: SpanStatusCode.ERROR, message: error });
    s.end(new Date(event.at));
  };

  return {
    async onEvent(event, history) {
      if (event.handoff === null || !['queued', 'executed', 'guarded', 'written', 'shadowed', 'failed', 'reviewed', 'expired'].includes(event.type)) return;
      if (event.type === 'guarded' && event.details.outcome !== 'rejected') return;
      const events = await history(event.handoff);
      const last = (...types: AuditEvent['type'][]): AuditEvent | undefined => events.filter((e) => types.includes(e.type) && e.seq < event.seq).at(-1);
      const requested = last('requested');
      switch (event.type) {
        case 'queued':
          return span('pickup', event, requested);
        case 'executed':
          return span('execute', event, last('queued'));
        case 'guarded':
          return span('execute', event, last('queued'), { 'ai_handoff.guard_rejection': detail(event, 'kind') }, 'the output guard rejected the output');
        case 'written':
        case 'shadowed':
          span('write-back', event, last('executed'), { 'ai_handoff.shadow': event.type === 'shadowed' });
          return root(event, requested, null);
        case 'failed':
          return root(event, requested, `failed: ${detail(event, 'code') || 'unknown'}`);
        case 'reviewed':
        case 'expired':
          return span('review', event, last('written', 'shadowed'), { 'ai_handoff.decision': event.type === 'expired' ? 'expired' : detail(event, 'decision') });
      }
    },
    async shutdown() {
      await provider.shutdown();
    },
  };
}
