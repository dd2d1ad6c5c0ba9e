import { describe, expect, it } from 'vitest';
import { INLINE_SNAPSHOT_ID, inlineSnapshotBlock } from '../../main/common/inline-snapshot';

/** What a browser's HTML parser takes as the data block's text: everything up to the first `</script`. */
function parsedText(block: string): string {
  const open = block.indexOf('>') + 1;
  return block.slice(open, block.toLowerCase().indexOf('</script', open));
}

describe('the snapshot inside the page', () => {
  it('reads back as the same JSON, whatever a room is named', () => {
    const snapshot = {
      rooms: [
        { key: 'a', label: '</script><script>alert(1)</script>' },
        { key: 'b', label: '<!-- <script> 直播间 \u2028 & "quotes"' },
      ],
    };
    const json = JSON.stringify(snapshot);
    const block = inlineSnapshotBlock(json, 'ab12cd.42');
    expect(
      block.startsWith(`<script type="application/json" id="${INLINE_SNAPSHOT_ID}" data-after="ab12cd.42">`),
    ).toBe(true);
    // No name can end the block early or open a comment in it: the only `<` left is the block's own end.
    expect(block.match(/</g)).toHaveLength(2);
    expect(JSON.parse(parsedText(block))).toEqual(snapshot);
  });

  it('keeps only the characters a mark has in its attribute', () => {
    expect(inlineSnapshotBlock('{}', '"><script>x')).toContain('data-after="scriptx"');
  });
});
