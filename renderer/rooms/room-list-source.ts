/** What the room list reads to fill its rows: kept apart from the list so that it needs no DOM. */
import type { Translator } from '../i18n/translator';
import type { ListEntry } from './room-order';
import type { RoomDetail, RoomRow } from './room-rows';

/** A heading line of the list. */
export type HeadingEntry = Extract<ListEntry, { kind: 'heading' }>;

/** The words of the list's lines, read when a line is drawn or refreshed. */
export interface RoomListSource {
  translator(): Translator;
  /** The row's words, or null for a room no longer known. */
  row(key: string): RoomRow | null;
  detail(key: string): RoomDetail | null;
  heading(entry: HeadingEntry): { title: string; meta: string };
}
