/**
 * How hard a chosen token is to guess, by a simple estimate: each character is worth the bits of
 * the alphabet the token draws from (lower case, upper case, digits, symbols), except one that
 * repeats the character before it, continues a run (`abc`, `321`) or ends three characters seen
 * earlier in the token, which is worth one bit. `aaaaaaaaaaaaaaaa` is worth about 20 bits, a random
 * 16-character mix of letters and digits about 95, and `openssl rand -base64 24` about 190.
 */

/** Fewest bits a token chosen by a person must be worth (about 10^24 guesses). */
export const MIN_TOKEN_BITS = 80;

/** A character that follows from those before it is worth about this much. */
const PREDICTABLE_BITS = 1;
/** Only this much of a token is weighed: enough to pass any good one, and the estimate stays cheap. */
const WEIGHED_CHARS = 256;

const CLASSES: ReadonlyArray<{ size: number; test: RegExp }> = [
  { size: 26, test: /[a-z]/ },
  { size: 26, test: /[A-Z]/ },
  { size: 10, test: /[0-9]/ },
  { size: 33, test: /[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/ },
  // Letters of other scripts: a generous guess, as an attacker would not enumerate them all.
  { size: 100, test: /[\u0080-\u{10ffff}]/u },
];

/** The estimated number of bits a token is worth (see the module comment). */
export function tokenBits(token: string): number {
  const chars = [...token].slice(0, WEIGHED_CHARS);
  const pool = CLASSES.filter(({ test }) => chars.some((c) => test.test(c))).reduce((n, c) => n + c.size, 0);
  const perChar = pool > 1 ? Math.log2(pool) : 0;
  let bits = 0;
  chars.forEach((_, i) => {
    bits += predictable(chars, i) ? Math.min(PREDICTABLE_BITS, perChar) : perChar;
  });
  return Math.round(bits);
}

/** Why a chosen token is refused, or null when it is worth at least {@link MIN_TOKEN_BITS}. */
export function weakTokenProblem(token: string, what = 'dashboard token'): string | null {
  const bits = tokenBits(token);
  if (bits >= MIN_TOKEN_BITS) return null;
  return (
    `The ${what} is too easy to guess: about ${bits} bits by a simple estimate, and at least ` +
    `${MIN_TOKEN_BITS} are needed (a character that repeats, continues a run like "abc" or "123", or ` +
    'copies an earlier part counts for almost nothing). Use a random one, e.g. the output of: openssl rand -base64 24'
  );
}

function predictable(chars: readonly string[], i: number): boolean {
  const code = (k: number) => chars[k]?.codePointAt(0) ?? Number.NaN;
  if (i >= 1 && chars[i] === chars[i - 1]) return true;
  if (i >= 2) {
    const step = code(i) - code(i - 1);
    if (Math.abs(step) === 1 && step === code(i - 1) - code(i - 2)) return true;
    const trigram = chars.slice(i - 2, i + 1).join('');
    if (chars.slice(0, i).join('').includes(trigram)) return true;
  }
  return false;
}
