import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../main/common/content-security-policy';
import { contentTypeOf } from '../../main/common/content-types';
import { APP_ORIGIN, appPagePath, appPageUrl, isAppUrl } from '../../main/shell/app-page';
import { externalLinkAllowed, navigationAllowed, newWindowOutcome } from '../../main/shell/navigation-policy';

const ROOT = resolve('/srv/renderer');

describe('app pages', () => {
  it('names pages under app://headcount/', () => {
    expect(appPageUrl('index.html')).toBe(`${APP_ORIGIN}/index.html`);
    expect(isAppUrl('app://headcount/index.html#room')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///srv/renderer/index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@headcount/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('maps a page to its file, "/" to index.html', () => {
    expect(appPagePath('app://headcount/', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(appPagePath('app://headcount/assets/app.js?v=2', ROOT)).toBe(join(ROOT, 'assets', 'app.js'));
    expect(appPagePath('app://headcount/a%20b.css', ROOT)).toBe(join(ROOT, 'a b.css'));
  });

  it('never reaches outside the renderer folder', () => {
    // Dot segments are resolved by URL parsing (as Chromium does for a standard scheme): they stay at the root.
    expect(appPagePath('app://headcount/../secret.json', ROOT)).toBe(join(ROOT, 'secret.json'));
    expect(appPagePath('app://headcount/%2e%2e/secret.json', ROOT)).toBe(join(ROOT, 'secret.json'));
    for (const url of [
      'app://headcount/assets/%2e%2e%2f%2e%2e%2fsecret.json',
      'app://headcount/%2e%2e%2fsecret.json',
      'app://headcount/..%5csecret.json',
      'app://headcount/a%00.html',
      'app://headcount/%E0%A4%A',
      'app://other/index.html',
      'https://headcount/index.html',
    ]) {
      expect(appPagePath(url, ROOT), url).toBeNull();
    }
  });

  it('serves each file with its content type', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/blob.bin')).toBe('application/octet-stream');
  });
});

describe('navigation policy', () => {
  it('opens only https links without credentials in the browser', () => {
    expect(externalLinkAllowed('https://cloud.tencent.com/document/product/269')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-settings:',
      'https://user:pw@example.com',
      'https://',
      'nonsense',
    ]) {
      expect(externalLinkAllowed(url), url).toBe(false);
      expect(newWindowOutcome(url), url).toBe('drop');
    }
    expect(newWindowOutcome('https://example.com/docs')).toBe('open-in-browser');
  });

  it('lets a page navigate only among the app’s pages', () => {
    expect(navigationAllowed('app://headcount/settings.html')).toBe(true);
    expect(navigationAllowed('https://example.com')).toBe(false);
    expect(navigationAllowed('file:///srv/renderer/index.html')).toBe(false);
  });
});

describe('APP_CSP', () => {
  const directives = new Map(
    APP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
  );

  it('allows only the app’s own scripts, with no eval and no inline code', () => {
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(APP_CSP).not.toMatch(/unsafe-(eval|inline)|wasm-unsafe/);
    // No wildcard host anywhere; only the overlay's preview may name any port, of loopback only.
    expect(APP_CSP.replace("frame-src 'self' http://127.0.0.1:*", '')).not.toContain('*');
    expect(directives.get('frame-src')).toBe("'self' http://127.0.0.1:*");
  });

  it('allows exactly the inline style of index.html, by its hash, in the header and in the page', () => {
    const page = readFileSync('renderer/index.html', 'utf8');
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
    expect(styles).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256')
      .update(styles[0] ?? '')
      .digest('base64')}'`;
    expect(directives.get('style-src')).toBe(`'self' ${hash}`);
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(meta).toContain(`style-src 'self' ${hash};`);
  });
});
