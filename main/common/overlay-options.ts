/**
 * The OBS overlay's URL parameters, which both sides read: `headcount serve` and the tray app's
 * overlay server parse them into the page they render, and the room view writes them into the link
 * a streamer copies. Every value is checked against a strict pattern or a list: anything unknown or
 * malformed falls back to its default, so no parameter can reach the page as markup or as CSS it
 * did not come from here.
 */

/** The languages the overlay speaks (its default label, "stream ended", the goal). */
export type OverlayLanguage = 'en' | 'zh-CN';

/** Font keywords with a stack behind each; any other font is a family name from {@link FONT_NAME}. */
export const OVERLAY_FONTS = ['sans', 'serif', 'mono', 'rounded', 'condensed', 'heavy'] as const;
export type OverlayFontKeyword = (typeof OVERLAY_FONTS)[number];

/** What the page shows and how, once parsed. */
export interface OverlayOptions {
  /** A keyword of {@link OVERLAY_FONTS}, or the family name of a font installed on the streamer's machine. */
  font: string;
  /** The count's size in CSS pixels. */
  size: number;
  /** `#rrggbb` or `#rrggbbaa`, lower case. */
  color: string;
  /** The words beside the count: null for the language's own ("watching"), '' for none. */
  label: string | null;
  align: 'left' | 'center' | 'right';
  /** A dark shadow under the text, so it reads over any video. */
  shadow: boolean;
  /** A progress bar toward this many people, or null for none. */
  goal: number | null;
  /** `countup` rolls the number to each new count (not when the system asks for reduced motion). */
  anim: 'countup' | 'none';
  lang: OverlayLanguage;
  /** When the room is closed: hide the overlay, or show its last count dimmed with "stream ended". */
  closed: 'hide' | 'show';
}

/** The page with no parameters. */
export const OVERLAY_DEFAULTS: Readonly<OverlayOptions> = {
  font: 'sans',
  size: 64,
  color: '#ffffff',
  label: null,
  align: 'left',
  shadow: true,
  goal: null,
  anim: 'countup',
  lang: 'en',
  closed: 'hide',
};

/** What the overlay itself says, in each of its languages. */
export const OVERLAY_WORDS: Readonly<
  Record<OverlayLanguage, { label: string; ended: string; goal: string; title: string }>
> = {
  en: { label: 'watching', ended: 'Stream ended', goal: 'Goal', title: 'Headcount overlay' },
  'zh-CN': { label: '人在看', ended: '直播已结束', goal: '目标', title: 'Headcount 直播叠加层' },
};

/** The words beside the count: the language's own unless the link names others ('' for none). */
export function labelText(options: Pick<OverlayOptions, 'label' | 'lang'>): string {
  return options.label ?? OVERLAY_WORDS[options.lang].label;
}

export const MIN_OVERLAY_SIZE = 12;
export const MAX_OVERLAY_SIZE = 320;
/** Longer labels do not fit beside a count on stream; a longer one is taken as a mistake. */
export const MAX_LABEL_LENGTH = 40;
export const MAX_GOAL = 1_000_000_000;

/**
 * A font family name as fonts are named: letters (any script), digits, spaces, `-` and `_`. No
 * quote, backslash, semicolon or bracket can pass, so the name is safe inside a CSS string.
 */
const FONT_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,47}$/u;
/** `#rgb`, `#rrggbb` or `#rrggbbaa`, with or without the `#` (which a URL must write as %23). */
const HEX_COLOR = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** A few colour names people type; anything else is written in hex. */
const NAMED_COLORS: Readonly<Record<string, string>> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff3b30',
  orange: '#ff9500',
  yellow: '#ffcc00',
  gold: '#ffd700',
  green: '#34c759',
  cyan: '#32d6ff',
  blue: '#0a84ff',
  purple: '#af52de',
  pink: '#ff2d92',
  gray: '#8e8e93',
  grey: '#8e8e93',
};
const YES = new Set(['on', 'true', 'yes', '1']);
const NO = new Set(['off', 'false', 'no', '0', 'none']);
/** Characters that have no place in a label shown on stream: controls, and bidi overrides. */
const UNPRINTABLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** The options a URL's query asks for; see the file's comment. */
export function parseOverlayOptions(query: URLSearchParams): OverlayOptions {
  const get = (name: string) => query.get(name)?.trim() ?? null;
  return {
    font: fontOf(get('font')),
    size:
      wholeNumber(get('size')?.replace(/px$/i, ''), MIN_OVERLAY_SIZE, MAX_OVERLAY_SIZE) ??
      OVERLAY_DEFAULTS.size,
    color: colorOf(get('color')),
    label: labelOf(query.get('label')),
    align: oneOf(get('align'), ['left', 'center', 'right'] as const) ?? OVERLAY_DEFAULTS.align,
    shadow: switchOf(get('shadow')) ?? OVERLAY_DEFAULTS.shadow,
    goal: wholeNumber(get('goal')?.replace(/[,_\s]/g, ''), 1, MAX_GOAL),
    anim: oneOf(get('anim'), ['countup', 'none'] as const) ?? OVERLAY_DEFAULTS.anim,
    lang: languageOf(get('lang')),
    closed: oneOf(get('closed'), ['hide', 'show'] as const) ?? OVERLAY_DEFAULTS.closed,
  };
}

/**
 * The query of an overlay link: the room, the token, the profile when given, then only the options
 * that differ from the defaults, so the link stays short enough to read.
 */
export function overlayQuery(
  room: { groupId: string; profileId?: string | undefined },
  token: string,
  options: OverlayOptions,
): string {
  const query = new URLSearchParams({ room: room.groupId, token });
  if (room.profileId !== undefined) query.set('profile', room.profileId);
  for (const [name, value] of optionsQuery(options)) query.set(name, value);
  return query.toString();
}

/** The options that differ from the defaults, as URL parameters that parse back to them. */
export function optionsQuery(options: OverlayOptions): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of Object.keys(OVERLAY_DEFAULTS) as Array<keyof OverlayOptions>) {
    const value = options[name];
    if (value === OVERLAY_DEFAULTS[name]) continue;
    if (name === 'shadow') query.set(name, value ? 'on' : 'off');
    else query.set(name, String(value));
  }
  return query;
}

/** The font's CSS stack: the keyword's, or a family name with the sans stack behind it. */
export function fontStack(font: string): string {
  const keyword = OVERLAY_FONTS.find((k) => k === font);
  if (keyword) return FONT_STACKS[keyword];
  return FONT_NAME.test(font) ? `"${font}", ${FONT_STACKS.sans}` : FONT_STACKS.sans;
}

/**
 * Stacks of fonts found on Windows, macOS and Linux, with a CJK face before the generic family so
 * that Chinese labels use one.
 */
const FONT_STACKS: Readonly<Record<OverlayFontKeyword, string>> = {
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  serif: 'Georgia, "Times New Roman", "Songti SC", SimSun, "Noto Serif CJK SC", serif',
  mono: 'ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace',
  rounded:
    'ui-rounded, "SF Pro Rounded", "Arial Rounded MT Bold", Nunito, "PingFang SC", "Microsoft YaHei", sans-serif',
  condensed:
    '"Bahnschrift Condensed", "Roboto Condensed", "Arial Narrow", "PingFang SC", "Microsoft YaHei", sans-serif',
  heavy: 'Impact, "Arial Black", Haettenschweiler, "PingFang SC", "Microsoft YaHei", sans-serif',
};

function fontOf(value: string | null): string {
  if (!value) return OVERLAY_DEFAULTS.font;
  const keyword = OVERLAY_FONTS.find((k) => k === value.toLowerCase());
  if (keyword) return keyword;
  return FONT_NAME.test(value) ? value : OVERLAY_DEFAULTS.font;
}

function colorOf(value: string | null): string {
  if (!value) return OVERLAY_DEFAULTS.color;
  const named = NAMED_COLORS[value.toLowerCase()];
  if (named) return named;
  const hex = HEX_COLOR.exec(value)?.[1]?.toLowerCase();
  if (!hex) return OVERLAY_DEFAULTS.color;
  return hex.length === 3 ? `#${[...hex].map((digit) => digit + digit).join('')}` : `#${hex}`;
}

function labelOf(value: string | null): string | null {
  if (value === null) return null;
  const label = value.trim();
  if ([...label].length > MAX_LABEL_LENGTH || UNPRINTABLE.test(label)) return null;
  return label;
}

function languageOf(value: string | null): OverlayLanguage {
  const lower = value?.toLowerCase() ?? '';
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-hans' || lower === 'zh_cn') return 'zh-CN';
  return 'en';
}

function switchOf(value: string | null): boolean | null {
  const lower = value?.toLowerCase() ?? '';
  if (YES.has(lower)) return true;
  if (NO.has(lower)) return false;
  return null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  const lower = value?.toLowerCase();
  return allowed.find((choice) => choice === lower) ?? null;
}

function wholeNumber(value: string | null | undefined, min: number, max: number): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}
