/**
 * The OBS overlay's script, inlined into each page the server renders with the count already in
 * it. It follows the room's event stream, rolls the number to each new count (unless the link says
 * `anim=none` or the system asks for reduced motion), dims a count older than 30 s or not current,
 * moves the goal bar, and hides or marks a closed room as the link's `closed` says. Text only:
 * nothing it is sent becomes markup.
 */
import type { OverlayCount } from '../../main/contract/overlay-api';
import { ROLL_MS, rollValue } from './count-roll';
import { followCounts } from './count-stream';

/** Past this age a count is dimmed (main/service/overlay-feed.ts holds the same rule). */
const STALE_MS = 30_000;

const root = document.getElementById('overlay') as HTMLElement;
const countNode = root.querySelector('.count') as HTMLElement;
const endedNode = root.querySelector('.ended') as HTMLElement;
const fill = root.querySelector<HTMLElement>('.fill');
const { anim, closed } = root.dataset;
const goal = Number(root.dataset.goal) || null;
// Made at the first new count, not before the first paint: a formatter costs a fresh renderer its
// locale data (tens of milliseconds on a busy machine), and the page arrives with its count written.
let format: Intl.NumberFormat | null = null;

const numberOr = (text: string | undefined) => (text ? Number(text) : null);
let shown = numberOr(root.dataset.online);
let state = root.dataset.state as OverlayCount['state'];
/** When the count shown was measured, on this page's clock. */
let measuredAt = ageToTime(numberOr(root.dataset.age));
let roll: { from: number; to: number; start: number } | null = null;

function ageToTime(ageMs: number | null): number | null {
  return ageMs === null ? null : performance.now() - ageMs;
}

function write(value: number | null): void {
  format ??= new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 0 });
  const text = value === null ? '—' : format.format(value);
  if (countNode.textContent !== text) countNode.textContent = text;
}

function frame(): void {
  if (!roll) return;
  const elapsed = performance.now() - roll.start;
  write(rollValue(roll.from, roll.to, elapsed));
  if (elapsed < ROLL_MS) requestAnimationFrame(frame);
  else roll = null;
}

function show(online: number | null): void {
  const from = roll ? rollValue(roll.from, roll.to, performance.now() - roll.start) : shown;
  shown = online;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (anim !== 'none' && !reducedMotion && from !== null && online !== null && from !== online) {
    roll = { from, to: online, start: performance.now() };
    requestAnimationFrame(frame);
    // A hidden page draws no frames: the count is still right once the roll's time is up.
    setTimeout(frame, ROLL_MS + 50);
  } else {
    roll = null;
    write(online);
  }
  if (fill && goal !== null) fill.style.width = `${(Math.min(1, (online ?? 0) / goal) * 100).toFixed(1)}%`;
}

function paintState(): void {
  const old = measuredAt === null || performance.now() - measuredAt > STALE_MS;
  root.classList.toggle('dim', state !== 'live' || old);
  root.classList.toggle('gone', state === 'closed' && closed !== 'show');
  endedNode.hidden = state !== 'closed';
}

let started = false;
function start(): void {
  if (started) return;
  started = true;
  followCounts(`${location.pathname.replace(/\/$/, '')}/events${location.search}`, (count) => {
    state = count.state;
    measuredAt = ageToTime(count.ageMs);
    // A room that has no count now keeps the last one shown: never a dash after a number.
    if (count.online !== null && count.online !== shown) show(count.online);
    paintState();
  });
  setInterval(paintState, 1000);
}
// The stream opens once the count is on screen, so nothing waits for it before the first paint; a
// page that draws no frames (a source OBS hides) starts it all the same.
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 250);
