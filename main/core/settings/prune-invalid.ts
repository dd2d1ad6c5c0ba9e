/**
 * Keeps what is valid in a document that failed validation: an array item, a record entry or an
 * optional field that is not valid is dropped, and the object holding it is kept when it is still
 * valid without it. Used to save what can be saved from a settings file broken by hand.
 */
import { z } from 'zod';

type Pruned = { ok: true; value: unknown } | { ok: false };

const DROP: Pruned = { ok: false };

/** Removes the invalid parts of `value` so that it fits `schema`; `ok: false` when nothing fits. */
export function pruneInvalid(schema: z.ZodType, value: unknown): Pruned {
  if (schema.safeParse(value).success) return { ok: true, value };
  const inner = unwrap(schema);
  let pruned: Pruned = DROP;
  if (inner instanceof z.ZodObject) pruned = pruneObject(inner, value);
  else if (inner instanceof z.ZodArray) pruned = pruneArray(inner, value);
  else if (inner instanceof z.ZodRecord) pruned = pruneRecord(inner, value);
  return pruned.ok && schema.safeParse(pruned.value).success ? pruned : DROP;
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return unwrap(schema.unwrap() as z.ZodType);
  }
  return schema;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pruneObject(schema: z.ZodObject, value: unknown): Pruned {
  if (!isPlainObject(value)) return DROP;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (!(key in value)) continue;
    const pruned = pruneInvalid(field, value[key]);
    if (pruned.ok) out[key] = pruned.value;
    else if (!field.safeParse(undefined).success) return DROP;
  }
  return { ok: true, value: out };
}

function pruneArray(schema: z.ZodArray, value: unknown): Pruned {
  if (!Array.isArray(value)) return DROP;
  const kept: unknown[] = [];
  for (const item of value) {
    const pruned = pruneInvalid(schema.element as z.ZodType, item);
    if (pruned.ok) kept.push(pruned.value);
  }
  return { ok: true, value: kept };
}

function pruneRecord(schema: z.ZodRecord, value: unknown): Pruned {
  if (!isPlainObject(value)) return DROP;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    // JSON.parse makes "__proto__" an own key; assigning it would replace the prototype instead.
    if (key === '__proto__') continue;
    if (!(schema.keyType as z.ZodType).safeParse(key).success) continue;
    const pruned = pruneInvalid(schema.valueType as z.ZodType, entry);
    if (pruned.ok) out[key] = pruned.value;
  }
  return { ok: true, value: out };
}
