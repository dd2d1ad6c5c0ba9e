/**
 * The overlay's look as a form: every URL parameter of the OBS overlay as a field. The fields are
 * read back through the same parser the server uses, so the link says exactly what the form shows.
 * The choices are kept per room in the page's storage, for the next time the link is copied.
 */
import {
  OVERLAY_DEFAULTS,
  OVERLAY_FONTS,
  OVERLAY_WORDS,
  type OverlayOptions,
  optionsQuery,
  parseOverlayOptions,
} from '../../main/common/overlay-options';
import { el } from '../dom';
import { checkbox, field } from '../form-field';
import type { ViewTranslator, ViewWordKey } from '../i18n/view-words';
import type { PreferenceStorage } from '../rooms/preferences';

const STORAGE_PREFIX = 'headcount.overlay.';

/** The room's saved choices, else the defaults in the UI's language. */
export function savedOverlayOptions(
  storage: PreferenceStorage | null,
  key: string,
  lang: OverlayOptions['lang'],
): OverlayOptions {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(STORAGE_PREFIX + key) ?? null;
  } catch {
    // Refused storage: the defaults stand in.
  }
  return saved === null ? { ...OVERLAY_DEFAULTS, lang } : parseOverlayOptions(new URLSearchParams(saved));
}

/** Keeps the room's choices; a storage that refuses is ignored. */
export function saveOverlayOptions(storage: PreferenceStorage | null, key: string, options: OverlayOptions) {
  const query = optionsQuery(options);
  // The language is kept even when it is the default, or a Chinese UI would offer it again.
  query.set('lang', options.lang);
  try {
    storage?.setItem(STORAGE_PREFIX + key, query.toString());
  } catch {
    // Full or refused: the choice lasts for this page.
  }
}

/** The form; `options()` reads it, `onChange` hears every edit. */
export class OverlayForm {
  readonly element = el('fieldset', { class: 'overlay-form' });
  private fields: Record<string, HTMLInputElement | HTMLSelectElement> = {};
  private current: OverlayOptions;

  constructor(
    private readonly id: string,
    initial: OverlayOptions,
    private readonly onChange: (options: OverlayOptions) => void,
    tr: ViewTranslator,
  ) {
    this.current = initial;
    this.element.addEventListener('input', () => this.changed());
    this.element.addEventListener('change', () => this.changed());
    this.translate(tr);
  }

  options(): OverlayOptions {
    return this.current;
  }

  /** Draws the fields in the UI's language with the values they hold. */
  translate(tr: ViewTranslator): void {
    const o = this.current;
    const select = (name: string, values: readonly string[], label: (value: string) => string) => {
      const node = el('select', { name });
      for (const value of values) node.append(el('option', { value }, label(value)));
      node.value = String(o[name as keyof OverlayOptions]);
      return node;
    };
    const grid = el('div', { class: 'overlay-grid' });
    const put = (name: string, label: string, input: HTMLInputElement | HTMLSelectElement, hint?: string) => {
      this.fields[name] = field(grid, `${this.id}-${name}`, label, input, hint).input;
    };
    put(
      'font',
      tr.t('overlay.font'),
      select('font', fontChoices(o.font), (f) => fontName(f, tr)),
    );
    put('size', tr.t('overlay.size'), numberInput('size', o.size, 12, 320));
    put(
      'color',
      tr.t('overlay.color'),
      el('input', { type: 'color', name: 'color', value: o.color.slice(0, 7) }),
    );
    put(
      'align',
      tr.t('overlay.align'),
      select('align', ['left', 'center', 'right'], (a) => tr.t(key(`align.${a}`))),
    );
    const label = el('input', { type: 'text', name: 'label', maxlength: '40' });
    label.value = o.label ?? '';
    label.placeholder = OVERLAY_WORDS[o.lang].label;
    label.disabled = o.label === '';
    put('label', tr.t('overlay.label'), label);
    put(
      'goal',
      tr.t('overlay.goal'),
      numberInput('goal', o.goal, 1, 1_000_000_000),
      tr.t('overlay.goal.hint'),
    );
    put(
      'lang',
      tr.t('overlay.lang'),
      select('lang', ['en', 'zh-CN'], (l) => (l === 'en' ? 'English' : '中文')),
    );
    put(
      'closed',
      tr.t('overlay.closed'),
      select('closed', ['hide', 'show'], (c) => tr.t(key(`closed.${c}`))),
    );
    const checks = el('div', { class: 'overlay-checks' });
    this.fields.noLabel = checkbox(checks, `${this.id}-no-label`, tr.t('overlay.noLabel'), o.label === '');
    this.fields.shadow = checkbox(checks, `${this.id}-shadow`, tr.t('overlay.shadow'), o.shadow);
    this.fields.anim = checkbox(checks, `${this.id}-anim`, tr.t('overlay.anim'), o.anim === 'countup');
    this.element.replaceChildren(el('legend', {}, tr.t('overlay.options')), grid, checks);
  }

  private changed(): void {
    const value = (name: string) => this.fields[name]?.value ?? '';
    const checked = (name: string) => (this.fields[name] as HTMLInputElement | undefined)?.checked === true;
    const query = new URLSearchParams({
      font: value('font'),
      size: value('size'),
      color: value('color'),
      align: value('align'),
      goal: value('goal'),
      lang: value('lang'),
      closed: value('closed'),
      shadow: checked('shadow') ? 'on' : 'off',
      anim: checked('anim') ? 'countup' : 'none',
    });
    const label = value('label').trim();
    if (checked('noLabel')) query.set('label', '');
    else if (label !== '') query.set('label', label);
    this.current = parseOverlayOptions(query);
    const labelInput = this.fields.label as HTMLInputElement | undefined;
    if (labelInput) {
      labelInput.disabled = checked('noLabel');
      labelInput.placeholder = OVERLAY_WORDS[this.current.lang].label;
    }
    this.onChange(this.current);
  }
}

const key = (suffix: string) => `overlay.${suffix}` as ViewWordKey;

/** The font keywords, and a saved family name among them. */
function fontChoices(font: string): string[] {
  return (OVERLAY_FONTS as readonly string[]).includes(font) ? [...OVERLAY_FONTS] : [...OVERLAY_FONTS, font];
}

function fontName(font: string, tr: ViewTranslator): string {
  return (OVERLAY_FONTS as readonly string[]).includes(font) ? tr.t(key(`font.${font}`)) : font;
}

function numberInput(name: string, value: number | null, min: number, max: number): HTMLInputElement {
  const input = el('input', { type: 'number', name, min: String(min), max: String(max), step: '1' });
  input.value = value === null ? '' : String(value);
  return input;
}
