/** What the wide views (the table and the wall) read of a room: its row's words and its own facts. */
import type { RoomView } from '../../main/contract/monitor-api';
import type { Translator } from '../i18n/translator';
import type { RoomRow, TileWords } from './room-rows';

/** The words and facts of the rooms, read when a line or tile is drawn or refreshed. */
export interface WideSource {
  translator(): Translator;
  row(key: string): RoomRow | null;
  /** A tile's words: what of the row a tile shows. */
  tile(key: string): TileWords | null;
  room(key: string): RoomView | undefined;
  /** Whether an alert of the room is firing now. */
  firing(key: string): boolean;
}

/** What the wide views ask of the page. */
export interface WideActions {
  /** Opens the room view. */
  open(key: string): void;
  /** These rooms are drawn now (to fetch their sparklines). */
  shown?(keys: string[]): void;
}
