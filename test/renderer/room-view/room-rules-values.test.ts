import { describe, expect, it } from 'vitest';
import { formValuesOf, rulesOf } from '../../../renderer/room-view/room-rules-values';

const empty = formValuesOf(null);

describe('the room rules form', () => {
  it('shows the room’s own rules and leaves the rest empty', () => {
    expect(
      formValuesOf({ above: { threshold: 2000 }, drop: { percent: 40, people: 20, windowSeconds: 60 } }),
    ).toEqual({
      ...empty,
      above: '2000',
      dropPercent: '40',
      dropPeople: '20',
    });
  });

  it('keeps what the form does not show and each rule’s other settings', () => {
    const previous = {
      above: { threshold: 2000, forSeconds: 30 },
      drop: { percent: 40, people: 20, windowSeconds: 60 },
      milestones: [1000],
    };
    const result = rulesOf(previous, {
      ...formValuesOf(previous),
      above: '2500',
      dropPercent: '35',
      spikePercent: '10',
      spikePeople: '5',
    });
    expect(result).toEqual({
      ok: true,
      rules: {
        above: { threshold: 2500, forSeconds: 30 },
        drop: { percent: 35, people: 20, windowSeconds: 60 },
        spike: { percent: 10, people: 5, windowSeconds: 120 },
        milestones: [1000],
      },
    });
  });

  it('gives null when every field is empty and nothing else is set: the room follows the defaults', () => {
    expect(rulesOf({ above: { threshold: 5 } }, empty)).toEqual({ ok: true, rules: null });
  });

  it('names the first wrong field', () => {
    expect(rulesOf(null, { ...empty, above: '-1' })).toEqual({ ok: false, field: 'above' });
    expect(rulesOf(null, { ...empty, below: '1.5' })).toEqual({ ok: false, field: 'below' });
    expect(rulesOf(null, { ...empty, spikePercent: '0', spikePeople: '3' })).toEqual({
      ok: false,
      field: 'spikePercent',
    });
    expect(rulesOf(null, { ...empty, dropPercent: '20' })).toEqual({ ok: false, field: 'dropPeople' });
    expect(rulesOf(null, { ...empty, dropPeople: 'many' })).toEqual({ ok: false, field: 'dropPeople' });
  });
});
