import { describe, expect, it } from 'vitest';
import { countOf } from '../../../renderer/overlay/count-event';

describe('reading an event of the overlay stream', () => {
  it('takes a count and refuses anything else', () => {
    expect(countOf('{"online":12,"ageMs":5,"state":"live"}')).toEqual({
      online: 12,
      ageMs: 5,
      state: 'live',
    });
    expect(countOf('{"online":null,"ageMs":null,"state":"held"}')).toEqual({
      online: null,
      ageMs: null,
      state: 'held',
    });
    for (const bad of [
      '',
      'null',
      '[]',
      '{"online":"12","ageMs":1,"state":"live"}',
      '{"online":-1,"ageMs":1,"state":"live"}',
      '{"online":1,"ageMs":1,"state":"party"}',
      '{"online":1,"state":"live"}',
    ])
      expect(countOf(bad)).toBeNull();
  });
});
