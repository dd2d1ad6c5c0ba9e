/**
 * A time of day as people write it in settings and forms: `HH:MM` on a 24-hour clock ("23:00",
 * "07:30"). The settings file, the API's arguments, quiet hours and the settings form all read it
 * here, so they accept exactly the same text.
 */

/** `HH:MM`, 00:00 to 23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight (0-1439) of an `HH:MM` text, or null when it is not one. */
export function minutesOfTimeOfDay(text: unknown): number | null {
  const match = typeof text === 'string' ? TIME_OF_DAY.exec(text) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
