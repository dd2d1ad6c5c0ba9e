/**
 * What `headcount serve` puts inside the dashboard page: its first snapshot, a JSON data block at the
 * end of its body, so that the page draws its rooms without asking for them in a second request (a
 * data block is never run, so the page's CSP does not stand in its way); and its stylesheet, which
 * the page then does not ask for (main/node/serve/inline-page.ts).
 */

/** The id of the data block. */
export const INLINE_SNAPSHOT_ID = 'headcount-snapshot';

/**
 * The id of the page's stylesheet when serve brings it inside the page (main/node/serve/inline-page.ts):
 * the page then has it applied and asks for no file.
 */
export const INLINE_STYLE_ID = 'headcount-style';

/** The attribute that holds the mark of the last push in the snapshot (see push-resume.ts). */
export const INLINE_SNAPSHOT_AFTER = 'data-after';

/**
 * The data block for a snapshot's JSON text and its mark. Every `<` is written as `\u003c`, which
 * JSON reads back as the same character: a room named `</script><script>…` cannot end the block.
 */
export function inlineSnapshotBlock(json: string, mark: string): string {
  const attribute = mark.replace(/[^0-9A-Za-z._-]/g, '');
  return `<script type="application/json" id="${INLINE_SNAPSHOT_ID}" ${INLINE_SNAPSHOT_AFTER}="${attribute}">${json.replace(/</g, '\\u003c')}</script>`;
}
