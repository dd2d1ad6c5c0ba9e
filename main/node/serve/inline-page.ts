import { createHash } from 'node:crypto';
import { INLINE_STYLE_ID } from '../../common/inline-snapshot';

/** The page's own script and stylesheet, as built (popover.js, popover.css). */
export interface PageFiles {
  script: string;
  style: string;
}

/** The dashboard page as serve sends it, and the CSP that lets its own script and stylesheet run. */
export interface InlinedPage {
  html: string;
  csp: string;
}

const SCRIPT_TAG = /<script src="popover\.js"[^>]*><\/script>\s*/;
const STYLE_PRELOAD = /<link rel="preload" href="popover\.css"[^>]*>/;
const META_CSP = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;

/**
 * The page with its script and stylesheet inside it, so that one answer brings all its first rows
 * need, and a cold page no longer waits for two more requests to reach serve's event loop, nor its
 * snapshot for them (the snapshot was made only once the script had been asked for, so as not to
 * hold it back). The stylesheet goes in the head; the script at the end of the body, where it runs
 * while serve makes the snapshot that follows it, as an async module: in a task of its own rather
 * than holding the parser, so the placeholder rows paint first (a classic inline script put the
 * first paint after the popover was built). Both are allowed by their hashes, in the CSP header
 * `csp` and the page's own: nothing else inline runs. Null when the page is not the one this
 * expects, or a file holds text that would end its element early: then the page is sent as it is,
 * asking for its files.
 */
export function inlinePage(html: string, files: PageFiles, csp: string): InlinedPage | null {
  if (!SCRIPT_TAG.test(html) || !STYLE_PRELOAD.test(html)) return null;
  if (/<\/script|<!--/i.test(files.script) || /<\/style/i.test(files.style)) return null;
  const hashes = { script: sourceHash(files.script), style: sourceHash(files.style) };
  const page = html
    .replace(SCRIPT_TAG, '')
    .replace(/<\/body>|$/, (end) => `<script type="module" async>${files.script}</script>${end}`)
    // A function as the replacement: a `$` in the files is text, not a pattern.
    .replace(STYLE_PRELOAD, () => `<style id="${INLINE_STYLE_ID}">${files.style}</style>`)
    .replace(META_CSP, (_whole, open: string, policy: string, close: string) =>
      [open, withHashes(policy, hashes), close].join(''),
    );
  return { html: page, csp: withHashes(csp, hashes) };
}

/** A CSP source for the exact text of an inline element. */
function sourceHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy with each hash added to its directive; a policy without the directive gets one with
 * default-src's sources and the hash, so what default-src allowed stays allowed.
 */
function withHashes(policy: string, hashes: { script: string; style: string }): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean);
  const named = (name: string) => directives.findIndex((directive) => directive.split(/\s+/)[0] === name);
  const fallback = directives[named('default-src')]?.replace(/^default-src\s*/, '') ?? '';
  for (const [name, hash] of [
    ['script-src', hashes.script],
    ['style-src', hashes.style],
  ] as const) {
    const at = named(name);
    if (at < 0) directives.push([name, fallback, hash].filter(Boolean).join(' '));
    else directives[at] = `${directives[at]} ${hash}`;
  }
  return directives.join('; ');
}
