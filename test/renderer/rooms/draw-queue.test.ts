import { describe, expect, it } from 'vitest';
import { type DrawClock, DrawQueue, LEAST_PER_TURN } from '../../../renderer/rooms/draw-queue';

/** Turns run when the test says, each with `budgetMs`; each room written costs `costMs` of the clock. */
function turns(costMs: number) {
  let now = 0;
  let next = 1;
  const waiting = new Map<number, (budgetMs: number) => void>();
  const clock: DrawClock = {
    request(run) {
      const handle = next++;
      waiting.set(handle, run);
      return handle;
    },
    cancel(handle) {
      waiting.delete(handle);
    },
    now: () => now,
  };
  const drawn: string[][] = [];
  const draw = (key: string) => {
    now += costMs;
    drawn.at(-1)?.push(key);
  };
  return {
    clock,
    draw,
    drawn,
    pending: () => waiting.size,
    /** Runs the turns asked for so far as one, with `budgetMs`; what it wrote. */
    turn(budgetMs = 4) {
      drawn.push([]);
      const due = [...waiting.values()];
      waiting.clear();
      for (const run of due) run(budgetMs);
      return drawn.at(-1) as string[];
    },
  };
}

const keys = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('DrawQueue', () => {
  it('writes nothing until its turn, then every room asked for when they fit the budget', () => {
    const page = turns(0.01);
    const queue = new DrawQueue(page.draw, page.clock);
    queue.add(keys(300));
    expect(page.drawn).toEqual([]);
    expect(page.pending()).toBe(1);
    expect(page.turn()).toEqual(keys(300));
    expect(queue.size).toBe(0);
    expect(page.pending()).toBe(0);
  });

  it('stops a turn once its budget is spent and writes the rest in the next turns, in order, each room once', () => {
    const page = turns(0.02);
    const queue = new DrawQueue(page.draw, page.clock);
    queue.add(keys(500));
    const first = page.turn(4);
    // The clock is read every 16 rooms: the turn ends at the first reading past the budget.
    expect(first.length).toBeGreaterThanOrEqual(4 / 0.02);
    expect(first.length).toBeLessThan(4 / 0.02 + 16);
    expect(page.pending()).toBe(1);
    // A room pushed again while it waits is written once, in its first place.
    queue.add(['r499', 'new']);
    const rest: string[] = [];
    while (page.pending() > 0) rest.push(...page.turn(4));
    expect([...first, ...rest]).toEqual([...keys(500), 'new']);
  });

  it('writes at least a few rooms a turn however slow each is or short the turn, so that the queue empties', () => {
    const page = turns(10);
    const queue = new DrawQueue(page.draw, page.clock);
    queue.add(keys(LEAST_PER_TURN * 2 + 1));
    expect(page.turn(0)).toHaveLength(LEAST_PER_TURN);
    expect(page.turn(0)).toHaveLength(LEAST_PER_TURN);
    expect(page.turn(0)).toHaveLength(1);
    expect(page.pending()).toBe(0);
  });

  it('forgets a room written some other way, and every room when cleared, then asks for no turn', () => {
    const page = turns(0.1);
    const queue = new DrawQueue(page.draw, page.clock);
    queue.add(['a', 'b', 'c']);
    queue.delete('b');
    expect(page.turn()).toEqual(['a', 'c']);
    queue.add(keys(10));
    queue.clear();
    expect(queue.size).toBe(0);
    expect(page.pending()).toBe(0);
    queue.add(['again']);
    expect(page.turn()).toEqual(['again']);
  });

  it('asks for one turn however many pushes come before it, and none for nothing', () => {
    const page = turns(0.01);
    const queue = new DrawQueue(page.draw, page.clock);
    queue.add([]);
    expect(page.pending()).toBe(0);
    for (let i = 0; i < 5; i++) queue.add(keys(3, `p${i}-`));
    expect(page.pending()).toBe(1);
    expect(page.turn()).toHaveLength(15);
  });
});
