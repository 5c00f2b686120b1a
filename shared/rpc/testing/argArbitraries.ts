import fc from 'fast-check';
import type { z } from 'zod';

/** Zod v4's definition, as far as the walker below reads it. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
  items?: z.ZodType[];
  in?: z.ZodType;
  left?: z.ZodType;
  getter?: () => z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A value shaped like the schema (lengths and ranges not always kept: it may still fail). */
export function shapedLike(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(undefined);
  const inner = (s: z.ZodType) => shapedLike(s, depth + 1);
  switch (def.type) {
    case 'object':
      return fc.record(
        Object.fromEntries(Object.entries(def.shape!).map(([k, s]) => [k, inner(s)])),
      );
    case 'string':
      return fc.string({ maxLength: 20 });
    case 'number':
      return fc.integer({ min: -5, max: 1000 });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'array':
      return fc.array(inner(def.element!), { maxLength: 3 });
    case 'tuple':
      return fc.tuple(...def.items!.map(inner));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), inner(def.valueType!), { maxKeys: 3 });
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(def.innerType!);
    case 'union':
      return fc.oneof(...def.options!.map(inner));
    case 'intersection':
      return inner(def.left!);
    case 'pipe':
      return inner(def.in!);
    case 'lazy':
      return inner(def.getter!());
    case 'null':
      return fc.constant(null);
    default:
      // custom (instanceof), unknown, any, date...: anything at all.
      return fc.anything({ maxDepth: 1 });
  }
}

/** A huge string, a deep object and prototype-pollution keys: what a hostile caller sends. */
const hostile = (() => {
  let deep: unknown = { end: true };
  for (let i = 0; i < 2000; i++) deep = { deeper: deep };
  return [
    'x'.repeat(2_000_000),
    deep,
    JSON.parse('{"__proto__": {"polluted": "yes"}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    { toString: 'no', valueOf: 42, hasOwnProperty: null },
    Object.create(null),
    [Number.NaN, Infinity, -0],
    new Uint8Array(3),
    new Date(Number.NaN),
    -1,
    2 ** 53,
    '',
  ];
})();

/** Anything: wrong types, hostile shapes, and fast-check's own oddities. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true }),
  fc.constantFrom(...hostile),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.anything()),
);

/** An argument shaped like the schema with one field replaced by junk (or removed). */
export function oneFieldBroken(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const shape = def.type === 'object' ? def.shape! : {};
  const keys = Object.keys(shape);
  if (keys.length === 0) return fc.record({ unexpected: junk });
  return fc
    .tuple(shapedLike(schema), fc.constantFrom(...keys), junk, fc.boolean())
    .map(([value, key, bad, remove]) => {
      const copy = { ...(value as Record<string, unknown>) };
      if (remove) delete copy[key];
      else copy[key] = bad;
      return copy;
    });
}

/** Junk or a one-field-broken argument, half and half. */
export function malformedArg(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof(junk, oneFieldBroken(schema));
}
