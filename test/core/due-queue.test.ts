import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DueQueue } from '../../main/core/due-queue';

describe('DueQueue', () => {
  it('gives the earliest item first, the one queued first among equals', () => {
    const queue = new DueQueue<string>();
    queue.set('b', 20);
    queue.set('a', 10);
    queue.set('c', 20);
    queue.set('d', 5);
    const order: string[] = [];
    for (let item = queue.peek(); item !== undefined; item = queue.peek()) {
      order.push(item);
      queue.delete(item);
    }
    expect(order).toEqual(['d', 'a', 'b', 'c']);
  });

  it('moves and removes items anywhere in it', () => {
    const queue = new DueQueue<string>();
    for (const [item, at] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      queue.set(item, at);
    queue.set('c', 0);
    expect(queue.peek()).toBe('c');
    queue.delete('c');
    queue.set('a', 9);
    expect(queue.peek()).toBe('b');
    expect(queue.due('a')).toBe(9);
    expect(queue.has('c')).toBe(false);
    expect(queue.size).toBe(2);
    queue.delete('missing');
    expect(queue.size).toBe(2);
  });

  it('always gives the earliest of what it holds, the first queued among equals, whatever the sequence of changes', () => {
    const change = fc.oneof(
      fc.record({
        op: fc.constant('set' as const),
        item: fc.integer({ min: 0, max: 30 }),
        at: fc.integer({ min: 0, max: 50 }),
      }),
      fc.record({ op: fc.constant('delete' as const), item: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 200 }), (changes) => {
        const queue = new DueQueue<number>();
        // When each item is due and when it was queued: moving an item keeps its place among equals.
        const model = new Map<number, { at: number; queued: number }>();
        let queued = 0;
        for (const c of changes) {
          if (c.op === 'set') {
            queue.set(c.item, c.at);
            model.set(c.item, { at: c.at, queued: model.get(c.item)?.queued ?? queued++ });
          } else {
            queue.delete(c.item);
            model.delete(c.item);
          }
          const first = [...model].sort(([, a], [, b]) => a.at - b.at || a.queued - b.queued)[0];
          expect(queue.size).toBe(model.size);
          expect(queue.peek()).toBe(first?.[0]);
        }
      }),
    );
  });
});
