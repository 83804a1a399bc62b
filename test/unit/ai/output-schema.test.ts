import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTPUT_KINDS, type OutputKind } from '../../../src/domain/operation.js';
import { jsonSchemaFor, responseFormatFor } from '../../../src/ai/output-json-schema.js';
import { HEADINGS, OUTPUT_SCHEMAS, VARIANTS, outputSchemaFor } from '../../../src/ai/output-schema.js';
import { objectNodes, validates } from './support/json-schema-check.js';

function sample(kind: OutputKind): Record<string, unknown> {
  const statement = { text: 'The State field of INC0002041 reads:', quotes: [{ source: 'S1', text: 'In Progress' }], sources: ['S1'] };
  const base: Record<string, unknown> = {
    kind,
    variant: VARIANTS[kind][0],
    sections: [{ heading: HEADINGS[kind][0], statements: [statement] }],
    gaps: [{ kind: 'work_notes', text: 'No work notes were found.' }],
    contradictions: [{ about: 'Start time', claims: [{ source: 'S1', text: '08:40' }, { source: 'S2', text: '09:15' }] }],
  };
  if (kind === 'checklist') base.items = [{ text: 'Confirm the change window for {q}.', quotes: [{ source: 'S1', text: 'VPN Gateway EU-West' }], status: 'to_validate', sources: ['S1'] }];
  return base;
}

/** Every path to an object inside a sample, so a test can add a key at each depth. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

function withExtraKey(value: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> {
  const copy = structuredClone(value);
  let node: unknown = copy;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  (node as Record<string, unknown>).close_ticket = true;
  return copy;
}

describe.each(OUTPUT_KINDS)('output schema: %s', (kind) => {
  const schema = outputSchemaFor(kind);
  const json = jsonSchemaFor(kind);

  it('accepts a well-formed sample, in zod and in the JSON Schema', () => {
    expect(schema.safeParse(sample(kind)).success).toBe(true);
    expect(validates(json, sample(kind))).toBe(true);
  });

  it('rejects an extra key at every depth, in zod and in the JSON Schema', () => {
    const paths = objectPaths(sample(kind));
    expect(paths.length).toBeGreaterThanOrEqual(6);
    for (const path of paths) {
      const bad = withExtraKey(sample(kind), path);
      expect(schema.safeParse(bad).success, `zod accepted an extra key at ${path.join('.')}`).toBe(false);
      expect(validates(json, bad), `JSON Schema accepted an extra key at ${path.join('.')}`).toBe(false);
    }
  });

  it('meets strict structured outputs: additionalProperties false and every property required, on every object', () => {
    const nodes = [...objectNodes(json)];
    expect(nodes.length).toBeGreaterThanOrEqual(5);
    for (const { path, node } of nodes) {
      expect(node.additionalProperties, path).toBe(false);
      expect([...(node.required as string[])].sort(), path).toEqual(Object.keys(node.properties as object).sort());
    }
    expect(JSON.stringify(json)).not.toMatch(/"(?:minLength|maxLength|pattern|const|\$schema)"/);
    expect(responseFormatFor(kind)).toMatchObject({ type: 'json_schema', json_schema: { name: `ai_handoff_${kind}`, strict: true } });
  });

  it('agrees with zod on mutated samples (wrong types, missing keys, bad enums)', () => {
    const mutations = fc.oneof(
      fc.constant((o: Record<string, unknown>) => ({ ...o, kind: 'other' })),
      fc.constant((o: Record<string, unknown>) => ({ ...o, variant: 'free text' })),
      fc.constant((o: Record<string, unknown>) => ({ ...o, sections: 'not an array' })),
      fc.constant((o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'gaps'))),
      fc.constant((o: Record<string, unknown>) => ({ ...o, gaps: [{ kind: 'nowhere', text: 'x' }] })),
      fc.constant((o: Record<string, unknown>) => ({ ...o, sections: [{ heading: 'not_a_heading', statements: [] }] })),
      fc.constant((o: Record<string, unknown>) => ({ ...o, sections: [{ heading: HEADINGS[kind][0], statements: [{ text: 1, quotes: [], sources: ['S1'] }] }] })),
      fc.constant((o: Record<string, unknown>) => ({ ...o, contradictions: [{ about: 'x', claims: [{ source: 'S1' }] }] })),
    );
    fc.assert(
      fc.property(mutations, (mutate) => {
        const bad = mutate(sample(kind));
        expect(validates(json, bad)).toBe(schema.safeParse(bad).success);
        expect(schema.safeParse(bad).success).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

describe('checklist items', () => {
  it('cannot be validated or done in the schema', () => {
    for (const status of ['validated', 'done', 'complete', 'VALIDATED']) {
      const bad = { ...sample('checklist'), items: [{ text: 'x', quotes: [], status, sources: ['S1'] }] };
      expect(OUTPUT_SCHEMAS.checklist.safeParse(bad).success).toBe(false);
    }
    expect((jsonSchemaFor('checklist') as { properties: { items: { items: { properties: { status: { enum: string[] } } } } } }).properties.items.items.properties.status.enum).toEqual(['to_validate', 'not_started']);
  });

  it('rejects a statement without a citation or with a malformed source id', () => {
    const none = { ...sample('summary'), sections: [{ heading: 'summary', statements: [{ text: 'x', quotes: [], sources: [] }] }] };
    const bad = { ...sample('summary'), sections: [{ heading: 'summary', statements: [{ text: 'x', quotes: [], sources: ['source-1'] }] }] };
    expect(OUTPUT_SCHEMAS.summary.safeParse(none).success).toBe(false);
    expect(OUTPUT_SCHEMAS.summary.safeParse(bad).success).toBe(false);
  });

  it('rejects a __proto__ key from JSON.parse as an unknown key', () => {
    const parsed = JSON.parse(`{"kind":"summary","variant":"standard","sections":[],"gaps":[],"contradictions":[],"__proto__":{"close":true}}`) as unknown;
    expect(OUTPUT_SCHEMAS.summary.safeParse(parsed).success).toBe(false);
  });
});
