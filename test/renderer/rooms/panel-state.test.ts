import { describe, expect, it } from 'vitest';
import { panelStateFor } from '../../../renderer/rooms/panel-state';

const view = { loaded: true, failure: null, rooms: 10, shown: 10, query: '' };

describe('what the rooms area shows instead of the list', () => {
  it('says it is loading, or that the engine cannot be reached, until the first snapshot', () => {
    expect(panelStateFor({ ...view, loaded: false })).toEqual({ kind: 'loading' });
    expect(panelStateFor({ ...view, loaded: false, failure: { retryInS: 4, problem: 'refused' } })).toEqual({
      kind: 'unreachable',
      retryInS: 4,
      problem: 'refused',
    });
  });

  it('tells apart no rooms at all from a filter that matches none', () => {
    expect(panelStateFor({ ...view, rooms: 0, shown: 0 })).toEqual({ kind: 'empty' });
    expect(panelStateFor({ ...view, shown: 0, query: 'yoga' })).toEqual({ kind: 'no-match', query: 'yoga' });
    expect(panelStateFor(view)).toBeNull();
  });
});
