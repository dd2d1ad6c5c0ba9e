/**
 * Items ordered by when they are due, earliest first: a binary min-heap that also knows where each
 * item sits, so that moving or removing one is O(log n) like taking the first. The monitor keeps
 * every polled room here and asks it for the next one at each granted call, instead of looking
 * through all of them.
 */
export class DueQueue<T> {
  private readonly heap: T[] = [];
  /**
   * When the item at the same place in the heap is due, and the order it was queued in (which breaks
   * ties: the one queued first goes first). Kept beside the heap so that comparing two places reads
   * two arrays rather than looking each item up: a call leaving and its room queued again compare
   * a few dozen places.
   */
  private readonly dueAt: number[] = [];
  private readonly order: number[] = [];
  private readonly indexOf = new Map<T, number>();
  private queued = 0;

  get size(): number {
    return this.heap.length;
  }

  has(item: T): boolean {
    return this.indexOf.has(item);
  }

  /** When `item` is due, or undefined when it is not queued. */
  due(item: T): number | undefined {
    const index = this.indexOf.get(item);
    return index === undefined ? undefined : this.dueAt[index];
  }

  /** The earliest item, without taking it. */
  peek(): T | undefined {
    return this.heap[0];
  }

  /** Queues `item` to be due at `at`, or moves it there when it is queued already. */
  set(item: T, at: number): void {
    const index = this.indexOf.get(item);
    if (index === undefined) {
      this.heap.push(item);
      this.dueAt.push(at);
      this.order.push(this.queued++);
      this.indexOf.set(item, this.heap.length - 1);
      this.up(this.heap.length - 1);
    } else {
      this.dueAt[index] = at;
      this.down(this.up(index));
    }
  }

  /** Takes `item` out of the queue; nothing when it is not queued. */
  delete(item: T): void {
    const index = this.indexOf.get(item);
    if (index === undefined) return;
    this.indexOf.delete(item);
    const last = this.heap.length - 1;
    if (index !== last) {
      const moved = this.heap[last] as T;
      this.heap[index] = moved;
      this.dueAt[index] = this.dueAt[last] as number;
      this.order[index] = this.order[last] as number;
      this.indexOf.set(moved, index);
    }
    this.heap.pop();
    this.dueAt.pop();
    this.order.pop();
    if (index !== last) this.down(this.up(index));
  }

  /** Whether the item at `a` goes before the one at `b`. */
  private before(a: number, b: number): boolean {
    const byDue = (this.dueAt[a] as number) - (this.dueAt[b] as number);
    return byDue < 0 || (byDue === 0 && (this.order[a] as number) < (this.order[b] as number));
  }

  private swap(a: number, b: number): void {
    const itemA = this.heap[a] as T;
    const itemB = this.heap[b] as T;
    this.heap[a] = itemB;
    this.heap[b] = itemA;
    const dueA = this.dueAt[a] as number;
    this.dueAt[a] = this.dueAt[b] as number;
    this.dueAt[b] = dueA;
    const orderA = this.order[a] as number;
    this.order[a] = this.order[b] as number;
    this.order[b] = orderA;
    this.indexOf.set(itemB, a);
    this.indexOf.set(itemA, b);
  }

  /** Moves the item at `index` towards the root while it is due sooner than its parent; returns where it ends. */
  private up(index: number): number {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
    return i;
  }

  private down(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.heap.length && this.before(left, least)) least = left;
      if (right < this.heap.length && this.before(right, least)) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }
}
