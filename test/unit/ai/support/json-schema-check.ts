/**
 * A minimal validator for the JSON Schema subset structured outputs use
 * (object, array, string, number, integer, boolean, null, enum, anyOf,
 * required, additionalProperties false, items). Enough to check that the
 * schema sent to a model accepts and refuses what the zod schema does.
 */
export type Schema = { readonly [key: string]: unknown };

export function validates(schema: Schema, value: unknown): boolean {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).some((s) => validates(s, value));
  if (Array.isArray(schema.enum) && !(schema.enum as unknown[]).some((e) => e === value)) return false;
  switch (schema.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const record = value as Record<string, unknown>;
      if (required.some((k) => !(k in record))) return false;
      if (schema.additionalProperties === false && Object.keys(record).some((k) => !(k in props))) return false;
      return Object.entries(record).every(([k, v]) => props[k] === undefined || validates(props[k], v));
    }
    case 'array':
      return Array.isArray(value) && (schema.items === undefined || value.every((v) => validates(schema.items as Schema, v)));
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case undefined:
      return true;
    default:
      return false;
  }
}

/** Every object node of a schema, with its path. */
export function* objectNodes(schema: unknown, path = '$'): Generator<{ path: string; node: Schema }> {
  if (Array.isArray(schema)) {
    for (const [i, s] of schema.entries()) yield* objectNodes(s, `${path}[${i}]`);
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as Schema;
  if (node.type === 'object') yield { path, node };
  for (const [key, value] of Object.entries(node)) yield* objectNodes(value, `${path}.${key}`);
}
