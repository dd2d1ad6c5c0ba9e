import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../main/common/content-security-policy';
import { inlinePage } from '../../../main/node/serve/inline-page';

const INDEX = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
const files = { script: 'console.log("popover");', style: 'body { color: red; }' };
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** A directive's sources, by name. */
function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return found?.slice(1) ?? [];
}

describe('the dashboard page with its own script and stylesheet inside', () => {
  it('puts the stylesheet in the head and the script at the end of the body, and asks for neither', () => {
    const page = inlinePage(INDEX, files, APP_CSP);
    expect(page).not.toBeNull();
    const html = page?.html ?? '';
    expect(html).not.toContain('popover.js');
    expect(html).not.toContain('href="popover.css"');
    expect(html.indexOf('<style id="headcount-style">body { color: red; }</style>')).toBeLessThan(
      html.indexOf('</head>'),
    );
    // After the placeholder rows, where the snapshot will follow it.
    // A module that runs in a task of its own, so the placeholder rows paint before it.
    expect(html).toMatch(
      /<\/main>\s*<script type="module" async>console\.log\("popover"\);<\/script><\/body>/,
    );
  });

  it('lets exactly those two run, by their hashes, in the header and in the page', () => {
    const page = inlinePage(INDEX, files, APP_CSP);
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page?.html ?? '')?.[1] ?? '';
    for (const policy of [page?.csp ?? '', meta]) {
      expect(directive(policy, 'script-src')).toEqual(["'self'", hash(files.script)]);
      expect(directive(policy, 'style-src')).toContain(hash(files.style));
      expect(directive(policy, 'style-src')).toContain("'self'");
      expect(policy).not.toContain('unsafe-inline');
    }
    // Everything else stays as it was.
    expect(directive(page?.csp ?? '', 'connect-src')).toEqual(["'self'"]);
    expect(directive(page?.csp ?? '', 'object-src')).toEqual(["'none'"]);
  });

  it("gives a policy without script-src or style-src one from default-src's sources", () => {
    const page = inlinePage(INDEX, files, "default-src 'self' https://cdn.example; img-src data:");
    expect(directive(page?.csp ?? '', 'script-src')).toEqual([
      "'self'",
      'https://cdn.example',
      hash(files.script),
    ]);
    expect(directive(page?.csp ?? '', 'style-src')).toEqual([
      "'self'",
      'https://cdn.example',
      hash(files.style),
    ]);
    expect(directive(page?.csp ?? '', 'img-src')).toEqual(['data:']);
  });

  it('keeps a $ in the files as text', () => {
    const dollars = { script: 'const a = "$&$1$$";', style: '.x::after { content: "$&"; }' };
    const html = inlinePage(INDEX, dollars, APP_CSP)?.html ?? '';
    expect(html).toContain(`<script type="module" async>${dollars.script}</script>`);
    expect(html).toContain(`<style id="headcount-style">${dollars.style}</style>`);
  });

  it('leaves a page alone that is not the one it expects, or files that would end their element', () => {
    expect(inlinePage('<!doctype html><script src="popover.js" defer></script>', files, APP_CSP)).toBeNull();
    expect(inlinePage(INDEX, { ...files, script: 'const s = "</SCRIPT>";' }, APP_CSP)).toBeNull();
    expect(inlinePage(INDEX, { ...files, script: 'const s = "<!--";' }, APP_CSP)).toBeNull();
    expect(inlinePage(INDEX, { ...files, style: '/* </style> */' }, APP_CSP)).toBeNull();
  });
});
