/**
 * The JSON Schema of each output kind, for chat completions'
 * `response_format: { type: "json_schema", json_schema: { strict: true } }`.
 * Generated from the zod schema (z.toJSONSchema), so the two cannot drift; a
 * test walks both and checks they agree.
 *
 * Strict structured outputs need `additionalProperties: false` and every
 * property listed in `required` on every object, and accept only a subset of
 * JSON Schema (OpenAI, "Structured Outputs": supported schemas). Size
 * keywords (minLength, maxLength, minItems, maxItems, pattern) are removed
 * here because some deployments and OpenAI-compatible servers reject them;
 * the guard enforces them with the zod schema instead. `const` becomes a
 * one-value `enum`, which every implementation accepts.
 */
import { z } from 'zod';
import type { OutputKind } from '../domain/operation.js';
import { OUTPUT_SCHEMAS } from './output-schema.js';

export type JsonSchema = { readonly [key: string]: unknown };

const DROPPED = new Set(['$schema', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'format', 'default', 'exclusiveMinimum', 'exclusiveMaximum', 'minimum', 'maximum']);

export function jsonSchemaFor(kind: OutputKind): JsonSchema {
  const generated = z.toJSONSchema(OUTPUT_SCHEMAS[kind], { target: 'draft-7', unrepresentable: 'throw' }) as Record<string, unknown>;
  return transport(generated) as JsonSchema;
}

/** The `response_format` value for a chat completions request. */
export function responseFormatFor(kind: OutputKind): { type: 'json_schema'; json_schema: { name: string; strict: true; schema: JsonSchema } } {
  return { type: 'json_schema', json_schema: { name: `ai_handoff_${kind}`, strict: true, schema: jsonSchemaFor(kind) } };
}

function transport(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(transport);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    if (key === 'const') {
      out.enum = [value];
      continue;
    }
    out[key] = key === 'properties' ? mapValues(value as Record<string, unknown>) : transport(value);
  }
  return out;
}

function mapValues(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = transport(v);
  return out;
}
