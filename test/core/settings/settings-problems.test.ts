/** How the problems of a settings file are told: one a line, named by field, and not too many. */
import { describe, expect, it } from 'vitest';
import { APP_SETTINGS_VERSION } from '../../../main/core/settings/app-settings';
import { loadAppSettings } from '../../../main/core/settings/app-settings-load';
import { parseSettingsJson } from '../../../main/core/settings/settings-json';
import { parseSettings } from '../../../main/core/settings/settings-rules';

const problemsOf = (document: Record<string, unknown>) => {
  const outcome = loadAppSettings({ schemaVersion: APP_SETTINGS_VERSION, ...document });
  return outcome.kind === 'invalid' ? outcome.problems : [];
};
const notProfiles = (count: number) => ({ profiles: Array.from({ length: count }, (_, i) => i) });

describe("the app settings file's problems", () => {
  it('are told up to eight, then how many more', () => {
    const problems = problemsOf(notProfiles(12));
    expect(problems).toHaveLength(9);
    expect(problems.slice(0, 8)).toEqual(
      Array.from({ length: 8 }, (_, i) => `profiles.${i}: Invalid input: expected object, received number`),
    );
    expect(problems[8]).toBe('and 4 more');
    expect(problemsOf(notProfiles(8))).toHaveLength(8);
    expect(problemsOf(notProfiles(8)).at(-1)).toBe(
      'profiles.7: Invalid input: expected object, received number',
    );
  });

  it('name a problem of the whole file as (top)', () => {
    expect(problemsOf({ colour: 'red' })).toEqual([expect.stringMatching(/^\(top\): .*colour/)]);
  });
});

describe("the headless edition's settings file's problems", () => {
  it('are told one a line, indented under where the file is', () => {
    const attempt = () =>
      parseSettings({ rules: { colour: 'red' }, webhooks: [{ url: 'x' }] }, 'config.json');
    expect(attempt).toThrow(
      /^The settings in config\.json are not valid:\n {2}rules: [^\n]+\n {2}webhooks\.0\.url: /,
    );
    expect(() => parseSettings(42, 'config.json')).toThrow(/\n {2}\(top\): /);
  });
});

describe('the settings file as text', () => {
  it('drops a byte-order mark at its start only: one inside a value stays', () => {
    expect(parseSettingsJson('\uFEFF{"label":"a\uFEFFb"}')).toEqual({ label: 'a\uFEFFb' });
    expect(parseSettingsJson('{"label":"a\uFEFFb"}')).toEqual({ label: 'a\uFEFFb' });
  });
});
