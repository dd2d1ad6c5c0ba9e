import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOf } from '../../../main/core/history/text-lines';

async function collect(pieces: Iterable<string>) {
  const lines = [];
  for await (const line of linesOf(pieces)) lines.push(line);
  return lines;
}

describe('linesOf', () => {
  it('gives the lines of text split into pieces anywhere, as splitting it whole would', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('a', 'é', '{', '\n', ' ') }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (text, cuts) => {
          const at = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i]));
          const whole = text.split('\n');
          expect(await collect(pieces)).toEqual(
            whole.map((line, i) => ({ text: line, complete: i < whole.length - 1 })),
          );
        },
      ),
    );
  });

  it('says the last line is cut off when no newline ends it, and gives an empty one when one does', async () => {
    expect(await collect(['{"a":1}\n{"b"', ':2'])).toEqual([
      { text: '{"a":1}', complete: true },
      { text: '{"b":2', complete: false },
    ]);
    expect(await collect(['x\n'])).toEqual([
      { text: 'x', complete: true },
      { text: '', complete: false },
    ]);
  });
});
