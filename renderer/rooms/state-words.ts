/**
 * The words for each room state in every language of the UI, so the filter finds "failing",
 * "not found" or "获取失败" whatever language the UI shows. Pure.
 */
import { ROOM_STATES } from '../../main/common/room-states';
import type { RoomState } from '../../main/contract/monitor-api';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-cn';

/** The words in lower case, made at the first filtering rather than as the page's script loads. */
let words: ReadonlyMap<RoomState, readonly string[]> | null = null;

/** Whether `needle` (lower case, trimmed) is part of a word for `state` in any language. */
export function stateMatches(state: RoomState, needle: string): boolean {
  words ??= new Map(
    ROOM_STATES.map((state) => [
      state,
      [en, zhCN].map((dictionary) => dictionary[`roomState.${state}`].toLocaleLowerCase()),
    ]),
  );
  return (words.get(state) ?? []).some((word) => word.includes(needle));
}
