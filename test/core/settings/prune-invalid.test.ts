import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pruneInvalid } from '../../../main/core/settings/prune-invalid';

const schema = z.object({
  name: z.string(),
  port: z.number().int().optional(),
  tags: z.array(z.string()).default([]),
  rooms: z.record(z.string().startsWith('@'), z.object({ label: z.string() })).optional(),
  theme: z.enum(['light', 'dark']).nullable().optional(),
  labels: z.record(z.string(), z.object({ label: z.string() })).optional(),
});

describe('what is kept of a settings document broken by hand', () => {
  it('keeps a valid document as it is', () => {
    const value = { name: 'Events', port: 80, tags: ['a'] };
    expect(pruneInvalid(schema, value)).toEqual({ ok: true, value });
  });

  it('drops a bad optional field, bad array items and bad record entries, and keeps the rest', () => {
    const broken = JSON.parse(
      '{"name":"Events","port":"eighty","tags":["a",2,"b"],"rooms":{"@a":{"label":"A"},"b":{"label":"B"},"@c":{"label":3},"__proto__":{"label":"P"}},"theme":"blue","labels":{"__proto__":{"label":"P"},"x":{"label":"X"},"y":{"label":7}},"extra":1}',
    );
    const pruned = pruneInvalid(schema, broken);
    expect(pruned).toEqual({
      ok: true,
      value: {
        name: 'Events',
        tags: ['a', 'b'],
        rooms: { '@a': { label: 'A' } },
        labels: { x: { label: 'X' } },
      },
    });
    const value = (pruned as { value: { labels: object } }).value;
    expect(Object.keys(value)).toEqual(['name', 'tags', 'rooms', 'labels']);
    expect(Object.getPrototypeOf(value.labels)).toBe(Object.prototype);
  });

  it('adds no field the document did not have', () => {
    const pruned = pruneInvalid(schema, { name: 'Events', tags: ['a', 1] });
    expect(pruned).toEqual({ ok: true, value: { name: 'Events', tags: ['a'] } });
    expect(Object.keys((pruned as { value: object }).value)).toEqual(['name', 'tags']);
  });

  it('drops the whole when a required field is bad, or the value is not the shape asked for', () => {
    expect(pruneInvalid(schema, { name: 3, tags: [] })).toEqual({ ok: false });
    expect(pruneInvalid(schema, ['name'])).toEqual({ ok: false });
    expect(pruneInvalid(schema, null)).toEqual({ ok: false });
    expect(pruneInvalid(z.array(z.number()), 'x')).toEqual({ ok: false });
    expect(pruneInvalid(z.record(z.string(), z.number()), [1])).toEqual({ ok: false });
    expect(pruneInvalid(z.string(), 3)).toEqual({ ok: false });
  });

  it('drops what still breaks a rule of the whole once its bad parts are gone', () => {
    const both = z
      .object({ from: z.number().optional(), to: z.number().optional() })
      .refine((range) => (range.from === undefined) === (range.to === undefined));
    expect(pruneInvalid(both, { from: 'x', to: 5 })).toEqual({ ok: false });
  });

  it('looks inside optional, nullable and defaulted wrappers', () => {
    expect(pruneInvalid(z.array(z.number()).optional(), [1, 'x'])).toEqual({ ok: true, value: [1] });
    expect(pruneInvalid(z.array(z.number()).nullable(), [1, 'x'])).toEqual({ ok: true, value: [1] });
    expect(pruneInvalid(z.array(z.number()).default([]), [1, 'x'])).toEqual({ ok: true, value: [1] });
  });
});
