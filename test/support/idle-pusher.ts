/**
 * The count pusher of a watch whose rooms do not show their count to viewers: it writes nothing, and
 * the screen says nothing of it. A write would be a test's mistake, and throws.
 */
import type { Clock } from '../../main/core/clock';
import { CountPusher } from '../../main/core/push/count-pusher';

function neverWritten(): never {
  throw new Error('No room of this watch shows its count to viewers.');
}

export function idlePusher(clock: Clock): CountPusher {
  return new CountPusher({
    writer: {
      modifyGroupAttr: neverWritten,
      updateGroupCounter: neverWritten,
      sendGroupCustomMessage: neverWritten,
    },
    clock,
    slowDown: () => {},
    onStatus: () => {},
  });
}
