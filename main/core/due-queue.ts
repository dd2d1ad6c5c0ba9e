/**
 * Items ordered by when they are due, earliest first: a binary min-heap that also knows where each
 * item sits, so that moving or removing one is O(log n) like taking the first. The monitor keeps
 * every polled room here and asks it for the next one at each granted call, instead of looking
 * through all of them.
 */
export class DueQueue<T> {
  private readonly heap: T[] = [];
  private readonly dueOf = new Map<T, number>();
  private readonly indexOf = new Map<T, number>();
  /** Breaks ties between items due at the same time: the one queued first goes first. */
  private readonly orderOf = new Map<T, number>();
  private queued = 0;

  get size(): number {
    return this.heap.length;
  }

  has(item: T): boolean {
    return this.indexOf.has(item);
  }

  /** When `item` is due, or undefined when it is not queued. */
  due(item: T): number | undefined {
    return this.dueOf.get(item);
  }

  /** The earliest item, without taking it. */
  peek(): T | undefined {
    return this.heap[0];
  }

  /** Queues `item` to be due at `at`, or moves it there when it is queued already. */
  set(item: T, at: number): void {
    const index = this.indexOf.get(item);
    this.dueOf.set(item, at);
    if (index === undefined) {
      this.orderOf.set(item, this.queued++);
      this.heap.push(item);
      this.indexOf.set(item, this.heap.length - 1);
      this.up(this.heap.length - 1);
    } else {
      this.down(this.up(index));
    }
  }

  /** Takes `item` out of the queue; nothing when it is not queued. */
  delete(item: T): void {
    const index = this.indexOf.get(item);
    if (index === undefined) return;
    const last = this.heap.pop() as T;
    this.indexOf.delete(item);
    this.dueOf.delete(item);
    this.orderOf.delete(item);
    if (index === this.heap.length) return;
    this.heap[index] = last;
    this.indexOf.set(last, index);
    this.down(this.up(index));
  }

  clear(): void {
    this.heap.length = 0;
    this.dueOf.clear();
    this.indexOf.clear();
    this.orderOf.clear();
  }

  /** Whether the item at `a` goes before the one at `b`. */
  private before(a: number, b: number): boolean {
    const itemA = this.heap[a] as T;
    const itemB = this.heap[b] as T;
    const byDue = (this.dueOf.get(itemA) as number) - (this.dueOf.get(itemB) as number);
    return (
      byDue < 0 || (byDue === 0 && (this.orderOf.get(itemA) as number) < (this.orderOf.get(itemB) as number))
    );
  }

  private swap(a: number, b: number): void {
    const itemA = this.heap[a] as T;
    const itemB = this.heap[b] as T;
    this.heap[a] = itemB;
    this.heap[b] = itemA;
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
