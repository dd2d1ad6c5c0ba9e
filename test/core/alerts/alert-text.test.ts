import { describe, expect, it } from 'vitest';
import {
  alertMessage,
  duration,
  people,
  roomName,
  ruleName,
  signedPercent,
} from '../../../main/core/alerts/alert-text';

describe('the words every channel shares', () => {
  it('names a threshold rule by its direction and number, and falls back to its name without one', () => {
    expect(ruleName('above', 1000)).toBe('Above 1,000');
    expect(ruleName('below', 20)).toBe('Below 20');
    expect(ruleName('above')).toBe('Above threshold');
    expect(ruleName('below')).toBe('Below threshold');
    // A number belongs only to the threshold rules: a spike with one is still a spike.
    expect(ruleName('spike', 500)).toBe('Spike');
    expect(ruleName('failing')).toBe('Polls failing');
  });

  it('rounds people to whole numbers with group separators', () => {
    expect(people(12_344.6)).toBe('12,345');
  });

  it('names a room by its label, or by its id when the label is missing or empty', () => {
    expect(roomName('@TGS#2Raid', 'Launch Day')).toBe('Launch Day');
    expect(roomName('@TGS#2Raid', '')).toBe('@TGS#2Raid');
    expect(roomName('@TGS#2Raid')).toBe('@TGS#2Raid');
  });

  it('says a duration in seconds, minutes, then hours and minutes', () => {
    expect(duration(45_000)).toBe('45 s');
    expect(duration(59_400)).toBe('59 s');
    expect(duration(120_000)).toBe('2 min');
    expect(duration(59 * 60_000)).toBe('59 min');
    // 59.5 minutes round to an hour, said as an hour, not "60 min".
    expect(duration(3_570_000)).toBe('1 h');
    expect(duration(3_600_000)).toBe('1 h');
    expect(duration(65 * 60_000)).toBe('1 h 5 min');
    expect(duration(2 * 3_600_000)).toBe('2 h');
  });

  it('signs a percentage, with no change said as a rise of nothing', () => {
    expect(signedPercent(85.4)).toBe('+85%');
    expect(signedPercent(-42.6)).toBe('-43%');
    expect(signedPercent(0)).toBe('+0%');
  });
});

describe('alertMessage', () => {
  it('puts the rule and its phase first, then the details, then the id', () => {
    expect(
      alertMessage({
        rule: 'above',
        phase: 'reminder',
        threshold: 1000,
        details: ['peak 1,300'],
        groupId: '@TGS#2Raid',
      }),
    ).toBe('Above 1,000: still firing · peak 1,300 · id @TGS#2Raid');
    expect(alertMessage({ rule: 'drop', phase: 'firing', details: ['-60% in 2 min'] })).toBe(
      'Drop: fired · -60% in 2 min',
    );
    expect(alertMessage({ rule: 'failing', phase: 'recovered', details: [] })).toBe(
      'Polls failing: recovered',
    );
  });

  it('gives a notice no phase and leaves out missing and empty details', () => {
    expect(
      alertMessage({
        rule: 'peak',
        phase: 'notice',
        details: [undefined, 'peak 2,000', ''],
        groupId: '@TGS#2Raid',
      }),
    ).toBe('peak 2,000 · id @TGS#2Raid');
  });
});
