import { describe, expect, it } from 'vitest';
import {
  ARRANGE_EVERY_MS,
  ArrangePace,
  type PageClock,
  PUSH_FRAME_MS,
} from '../../../renderer/rooms/arrange-pace';

/** A page whose time, timers and frames move only when the test says. */
function page() {
  let now = 1000;
  let next = 1;
  let hidden = false;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const frames = new Map<number, () => void>();
  const log: string[] = [];
  const clock: PageClock = {
    now: () => now,
    setTimeout(callback, ms) {
      const handle = next++;
      timers.set(handle, { at: now + ms, callback });
      return handle;
    },
    clearTimeout: (handle) => timers.delete(handle),
    requestFrame(callback) {
      const handle = next++;
      frames.set(handle, callback);
      return handle;
    },
    cancelFrame: (handle) => frames.delete(handle),
    hidden: () => hidden,
  };
  /** Runs the timers due by `ms` from now, in order. */
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].callback();
    }
    now = end;
  };
  const frame = () => {
    log.push('frame');
    const due = [...frames.values()];
    frames.clear();
    for (const callback of due) callback();
  };
  return {
    clock,
    log,
    advance,
    frame,
    frames: () => frames.size,
    hide: () => {
      hidden = true;
    },
  };
}

function paced() {
  const p = page();
  const pace: ArrangePace = new ArrangePace(() => {
    p.log.push('arrange');
    pace.arranged();
  }, p.clock);
  return { ...p, pace };
}

describe('ArrangePace', () => {
  it('re-sorts after the frame that shows a push, not before it', () => {
    const { pace, advance, frame, log } = paced();
    pace.soon();
    pace.pushed();
    advance(0);
    expect(log).toEqual([]);
    frame();
    expect(log).toEqual(['frame']);
    advance(0);
    expect(log).toEqual(['frame', 'arrange']);
  });

  it('re-sorts at once, asking for no frame, when the last push is long drawn', () => {
    const { pace, advance, log, frames } = paced();
    pace.pushed();
    advance(PUSH_FRAME_MS);
    pace.soon();
    advance(0);
    expect(log).toEqual(['arrange']);
    expect(frames()).toBe(0);
  });

  it('keeps its pace: one re-sort per interval however many pushes ask for one', () => {
    const { pace, advance, log } = paced();
    pace.soon();
    advance(0);
    expect(log).toEqual(['arrange']);
    for (let i = 0; i < 5; i++) {
      pace.soon();
      advance(50);
    }
    expect(log).toEqual(['arrange']);
    advance(ARRANGE_EVERY_MS - 250);
    expect(log).toEqual(['arrange', 'arrange']);
  });

  it('re-sorts on its timer in a hidden page, which draws no frames', () => {
    const { pace, advance, log, frames, hide } = paced();
    hide();
    pace.pushed();
    pace.soon();
    advance(0);
    expect(log).toEqual(['arrange']);
    expect(frames()).toBe(0);
  });

  it('drops what was due when the page re-sorted for another reason, and when stopped', () => {
    const { pace, advance, frame, log, frames } = paced();
    pace.pushed();
    pace.soon();
    advance(0);
    expect(frames()).toBe(1);
    pace.arranged();
    expect(frames()).toBe(0);
    frame();
    advance(ARRANGE_EVERY_MS);
    expect(log).toEqual(['frame']);
    pace.soon();
    pace.stop();
    advance(ARRANGE_EVERY_MS);
    expect(log).toEqual(['frame']);
  });
});
