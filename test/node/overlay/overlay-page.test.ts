import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OVERLAY_DEFAULTS, parseOverlayOptions } from '../../../main/common/overlay-options';
import { countText, renderOverlay } from '../../../main/node/overlay/overlay-page';

const assets = { script: 'console.log("overlay")', style: 'html{background:transparent}' };
const live = { online: 12_345, ageMs: 800, state: 'live' as const };
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the overlay page as the server renders it', () => {
  it('carries the count, formatted for its language, before any script runs', () => {
    const { html } = renderOverlay(OVERLAY_DEFAULTS, live, assets, ["'self'"]);
    expect(html).toContain('<span class="count">12,345</span><span class="label">watching</span>');
    expect(html).toContain('data-online="12345" data-age="800" data-state="live"');
    const zh = renderOverlay({ ...OVERLAY_DEFAULTS, lang: 'zh-CN' }, live, assets, []).html;
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<span class="label">人在看</span>');
    expect(countText(null, 'en')).toBe('—');
  });

  it('allows exactly its own inline script and style by their hashes, and nothing else', () => {
    const { html, csp } = renderOverlay(OVERLAY_DEFAULTS, live, assets, ["'self'", 'app://headcount']);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).toBe(assets.script);
    expect(csp).toBe(
      [
        "default-src 'none'",
        `script-src ${sha(script)}`,
        `style-src ${sha(style)}`,
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self' app://headcount",
      ].join('; '),
    );
    expect(renderOverlay(OVERLAY_DEFAULTS, live, assets, []).csp).toContain("frame-ancestors 'none'");
  });

  it('writes a label as text, and styles only from checked values', () => {
    const options = parseOverlayOptions(
      new URLSearchParams({
        label: '<script>alert(1)</script>" onload="x',
        color: 'red;}body{background:url(//evil)}',
        font: 'Arial";}*{display:none',
      }),
    );
    const { html } = renderOverlay(options, live, assets, []);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('evil');
    expect(html).not.toContain('display:none');
    expect(html).toContain('color:#ffffff');
  });

  it('shows a failing room’s last count dimmed, and a closed one as `closed` says', () => {
    const held = renderOverlay(OVERLAY_DEFAULTS, { ...live, state: 'held' }, assets, []).html;
    expect(held).toContain('class="overlay dim"');
    expect(held).toContain('12,345');
    const closed = { ...live, state: 'closed' as const };
    expect(renderOverlay(OVERLAY_DEFAULTS, closed, assets, []).html).toContain('class="overlay dim gone"');
    const shown = renderOverlay({ ...OVERLAY_DEFAULTS, closed: 'show' }, closed, assets, []).html;
    expect(shown).toContain('class="overlay dim"');
    expect(shown).toContain('<p class="ended">Stream ended</p>');
    const waiting = renderOverlay(OVERLAY_DEFAULTS, { online: null, ageMs: null, state: 'held' }, assets, []);
    expect(waiting.html).toContain('<span class="count">—</span>');
  });

  it('draws the goal bar as far as the count has come', () => {
    const { html } = renderOverlay({ ...OVERLAY_DEFAULTS, goal: 50_000 }, live, assets, []);
    expect(html).toContain('.fill{width:24.7%}');
    expect(html).toContain('<span class="goal-text">Goal 50,000</span>');
    const past = renderOverlay({ ...OVERLAY_DEFAULTS, goal: 100 }, live, assets, []).html;
    expect(past).toContain('.fill{width:100.0%}');
  });
});
