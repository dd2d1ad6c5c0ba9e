import { describe, expect, it } from 'vitest';
import { rulesFieldsOf, rulesFrom } from '../../../renderer/settings/rules-fields';

describe('the rule defaults form', () => {
  const current = {
    above: { threshold: 5000, forSeconds: 30 },
    spike: { percent: 50, people: 200, windowSeconds: 120 },
    failing: { consecutive: 3, forSeconds: 60 },
  };

  it('shows the rules as fields, with an off rule empty', () => {
    expect(rulesFieldsOf(current)).toEqual({
      above: '5000',
      below: '',
      spikePercent: '50',
      dropPercent: '',
      milestones: '',
      stale: true,
      closed: true,
    });
  });

  it('keeps what the form does not show and turns empty fields off', () => {
    const read = rulesFrom(current, {
      ...rulesFieldsOf(current),
      above: '8000',
      spikePercent: '',
      dropPercent: '40',
      milestones: '10000， 1000 1000',
    });
    expect(read).toEqual({
      rules: {
        above: { threshold: 8000, forSeconds: 30 },
        below: null,
        spike: null,
        drop: { percent: 40, people: 50, windowSeconds: 60 },
        failing: { consecutive: 3, forSeconds: 60 },
        milestones: [1000, 10000],
        stale: true,
        closed: true,
      },
    });
  });

  it('names every field that is wrong', () => {
    expect(
      rulesFrom({}, { ...rulesFieldsOf({}), above: '1.5', dropPercent: '-3', milestones: 'lots' }),
    ).toEqual({
      problems: ['above', 'dropPercent', 'milestones'],
    });
  });
});
