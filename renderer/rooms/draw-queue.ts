/**
 * Rooms waiting to be written again, written a turn's share at a time: the turns are the page's
 * idle periods (or frames), each with a budget of time, and whatever a turn leaves waits for the
 * next. A push of a thousand rooms of ten thousand then never holds a frame or a push back until
 * all of them are written. Each turn writes at least a few rooms, so that a page that is never
 * idle still gets through them. Pure: the turns and the clock are given.
 */

/** How the queue asks for its next turn and reads the time. */
export interface DrawClock {
  /** Calls `run` at the next turn, with the time in ms it may take. */
  request(run: (budgetMs: number) => void): number;
  cancel(handle: number): void;
  now(): number;
}

/** Written in every turn whatever its budget, so that a busy page still moves on. */
export const LEAST_PER_TURN = 32;
/** The clock is read once per this many rooms written: reading it costs more than writing one. */
const CLOCK_EVERY = 16;

/** See the file's comment. */
export class DrawQueue {
  /** The rooms waiting, in the order they were asked for (a Set: a room asked twice is written once). */
  private readonly waiting = new Set<string>();
  private turn = 0;

  constructor(
    private readonly draw: (key: string) => void,
    private readonly clock: DrawClock,
  ) {}

  /** How many rooms wait. */
  get size(): number {
    return this.waiting.size;
  }

  /** Writes these rooms in the coming turns. */
  add(keys: Iterable<string>): void {
    for (const key of keys) this.waiting.add(key);
    this.ask();
  }

  /** Takes a room out of the queue: it was written some other way. */
  delete(key: string): void {
    this.waiting.delete(key);
  }

  /** Forgets the rooms waiting: they are written some other way (all at once, or never: the view went). */
  clear(): void {
    this.waiting.clear();
    if (this.turn !== 0) this.clock.cancel(this.turn);
    this.turn = 0;
  }

  private ask(): void {
    if (this.turn === 0 && this.waiting.size > 0)
      this.turn = this.clock.request((budget) => this.run(budget));
  }

  private run(budgetMs: number): void {
    this.turn = 0;
    const start = this.clock.now();
    let drawn = 0;
    // Deleting the entry being visited is safe: a Set's iteration goes on with the next one.
    for (const key of this.waiting) {
      this.waiting.delete(key);
      this.draw(key);
      drawn++;
      if (drawn >= LEAST_PER_TURN && drawn % CLOCK_EVERY === 0 && this.clock.now() - start >= budgetMs) break;
    }
    this.ask();
  }
}
