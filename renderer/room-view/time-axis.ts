/**
 * The chart's time axis labels: the shortest form of time that tells every tick apart, so no range
 * ever shows the same label twice ("14:03 14:03" on the live range, "00:00 00:00" over a week).
 * Pure, so tested without a browser.
 */

/** A way of writing a tick's time, shortest first. */
type TickForm = (at: Date) => string;

const pad = (value: number) => String(value).padStart(2, '0');
const hm = (at: Date) => `${pad(at.getHours())}:${pad(at.getMinutes())}`;
const day = (at: Date) => `${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

const FORMS: readonly TickForm[] = [
  hm,
  // Whole days over a week: the date alone says it.
  (at) => (at.getHours() === 0 && at.getMinutes() === 0 ? day(at) : `${day(at)} ${hm(at)}`),
  (at) => `${day(at)} ${hm(at)}`,
  (at) => `${hm(at)}:${pad(at.getSeconds())}`,
  (at) => `${day(at)} ${hm(at)}:${pad(at.getSeconds())}`,
];

/**
 * Labels for ticks at these epoch seconds, in local time: hours and minutes when they tell the ticks
 * apart, else with the date, else with seconds. A label that would still repeat is left blank.
 */
export function timeAxisLabels(ticks: readonly number[]): string[] {
  const dates = ticks.map((seconds) => new Date(seconds * 1000));
  for (const form of FORMS) {
    const labels = dates.map(form);
    if (new Set(labels).size === labels.length) return labels;
  }
  const seen = new Set<string>();
  return dates.map((at) => {
    const label = (FORMS[FORMS.length - 1] as TickForm)(at);
    if (seen.has(label)) return '';
    seen.add(label);
    return label;
  });
}
