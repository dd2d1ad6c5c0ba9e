/** One line of a text read in pieces: `complete` when a newline ended it (the last one may be cut off). */
export interface TextLine {
  text: string;
  complete: boolean;
}

/**
 * The lines of a text that arrives in pieces, as `text.split('\n')` gives them (the last one is
 * what follows the last newline, empty when the text ends with one), without ever holding the whole
 * text: a day's history file is tens of megabytes, and its lines are read one at a time.
 */
export async function* linesOf(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<TextLine> {
  let pending = '';
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      yield { text: pending + chunk.slice(start, end), complete: true };
      pending = '';
      start = end + 1;
    }
    pending += chunk.slice(start);
  }
  yield { text: pending, complete: false };
}
