import { z } from 'zod';

const ANY_JSON = { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] };

/**
 * The JSON Schema of a zod object in the form RxDB stores: no `$schema`, and no `$ref`/`$defs`
 * (which `z.json()` produces) since RxDB resolves field paths without following references.
 */
export function toRxJsonSchema(schema: z.ZodType): {
  properties: Record<string, unknown>;
  required: string[];
} {
  const { properties, required } = z.toJSONSchema(schema, { io: 'input' }) as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  return {
    properties: inlineRefs(properties) as Record<string, unknown>,
    required: required ?? [],
  };
}

function inlineRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inlineRefs);
  if (value && typeof value === 'object') {
    if ('$ref' in value) return ANY_JSON;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== '$defs')
        .map(([key, field]) => [key, inlineRefs(field)]),
    );
  }
  return value;
}
