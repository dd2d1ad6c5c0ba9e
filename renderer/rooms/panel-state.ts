/** Which panel the rooms area shows instead of the list, and why. Pure. */

/** What the rooms area says when it has no list to show. */
export type PanelState =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'no-match'; query: string }
  | { kind: 'unreachable'; retryInS: number; problem: string };

/** What the rooms area shows instead of the list, or null when the list has rooms to show. */
export function panelStateFor(view: {
  loaded: boolean;
  failure: { retryInS: number; problem: string } | null;
  rooms: number;
  shown: number;
  query: string;
}): PanelState | null {
  if (!view.loaded) return view.failure ? { kind: 'unreachable', ...view.failure } : { kind: 'loading' };
  if (view.rooms === 0) return { kind: 'empty' };
  if (view.shown === 0) return { kind: 'no-match', query: view.query };
  return null;
}
