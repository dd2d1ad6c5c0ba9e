import { createHash } from 'node:crypto';
import { fontStack, labelText, OVERLAY_WORDS, type OverlayOptions } from '../../common/overlay-options';
import type { OverlayCount } from '../../contract/overlay-api';

/** The page's own script and stylesheet, inlined into every page (see overlay-assets.ts). */
export interface OverlayAssets {
  script: string;
  style: string;
}

/** An overlay page and the Content-Security-Policy that lets exactly its own script and style run. */
export interface RenderedOverlay {
  html: string;
  csp: string;
}

/**
 * The overlay page with the room's count already in it, so that it paints with a value before its
 * script runs and before the event stream says anything: a scene switch in OBS, a refresh or a
 * reconnect never shows 0 or nothing. Every text from the link is escaped; the options reach the
 * style only as values parseOverlayOptions checked (a hex colour, a number, a font name of letters
 * and digits). Script and style are inline, allowed by their hashes: nothing else runs.
 */
export function renderOverlay(
  options: OverlayOptions,
  count: OverlayCount,
  assets: OverlayAssets,
  frameAncestors: readonly string[],
): RenderedOverlay {
  const words = OVERLAY_WORDS[options.lang];
  const label = labelText(options);
  const shown = count.state !== 'closed' || options.closed === 'show';
  const style = `${assets.style}${optionStyle(options, count)}`;
  const bodyClasses = [options.align === 'left' ? '' : options.align, options.shadow ? 'shadow' : '']
    .filter(Boolean)
    .join(' ');
  const state = [count.state === 'live' ? '' : 'dim', shown ? '' : 'gone'].filter(Boolean).join(' ');
  const data = {
    online: count.online === null ? '' : String(count.online),
    age: count.ageMs === null ? '' : String(count.ageMs),
    state: count.state,
    anim: options.anim,
    goal: options.goal === null ? '' : String(options.goal),
    closed: options.closed,
  };
  const html = `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(words.title)}</title>
<style>${style}</style>
</head>
<body${bodyClasses ? ` class="${bodyClasses}"` : ''}>
<main id="overlay" class="overlay${state ? ` ${state}` : ''}"${Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('')}>
<p class="line"><span class="count">${escapeHtml(countText(count.online, options.lang))}</span>${
    label === '' ? '' : `<span class="label">${escapeHtml(label)}</span>`
  }</p>
<p class="ended"${count.state === 'closed' ? '' : ' hidden'}>${escapeHtml(words.ended)}</p>
${
  options.goal === null
    ? ''
    : `<div class="goal"><div class="bar"><div class="fill"></div></div><span class="goal-text">${escapeHtml(
        `${words.goal} ${countText(options.goal, options.lang)}`,
      )}</span></div>`
}
</main>
<script>${assets.script}</script>
</body>
</html>
`;
  const csp = [
    "default-src 'none'",
    `script-src ${hashSource(assets.script)}`,
    `style-src ${hashSource(style)}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
  return { html, csp };
}

/** The count as the page writes it in `lang` ("12,345"), or a dash while the room has none. */
export function countText(online: number | null, lang: OverlayOptions['lang']): string {
  return online === null ? '—' : formatter(lang).format(online);
}

/** The part of the style that comes from the options: each value checked by parseOverlayOptions. */
function optionStyle(options: OverlayOptions, count: OverlayCount): string {
  const rules = [
    `.overlay{font-family:${fontStack(options.font)};font-size:${options.size}px;color:${options.color}}`,
  ];
  if (options.goal !== null) {
    const share = Math.min(1, (count.online ?? 0) / options.goal);
    rules.push(`.fill{width:${(share * 100).toFixed(1)}%}`);
  }
  return rules.join('');
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: string): Intl.NumberFormat {
  let format = formatters.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    formatters.set(lang, format);
  }
  return format;
}

/** A CSP source allowing exactly `text` as an inline script or style. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
