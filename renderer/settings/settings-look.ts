/**
 * Language and theme: applied the moment they change, kept in the app's settings file where the
 * edition has one (the tray app), else in this page's storage.
 */
import type { AppSection } from '../../main/contract/monitor-api';
import { el } from '../dom';
import { field, fieldset } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';

/** The look as the settings show and change it. */
export type Look = Pick<AppSection, 'language' | 'theme'>;

/** The language and theme form; `choose` applies a change at once, `keptInApp` says where it is kept. */
export function lookForm(
  current: Look,
  keptInApp: boolean,
  tr: ViewTranslator,
  choose: (look: Partial<Look>) => void,
): HTMLElement {
  const form = el('form', { class: 'look-form', novalidate: '' });
  const set = fieldset(tr.t('look.legend'));
  form.append(set);
  const pair = el('div', { class: 'look-pair' });
  set.append(pair);
  const language = field(pair, 'l-language', tr.t('control.language'), el('select'));
  for (const [key, label] of [
    ['system', tr.t('app.language.system')],
    ['en', 'English'],
    ['zh-CN', '中文'],
  ] as const)
    language.input.append(new Option(label, key, false, key === current.language));
  const theme = field(pair, 'l-theme', tr.t('control.theme'), el('select'));
  for (const key of ['system', 'light', 'dark'] as const)
    theme.input.append(new Option(tr.t(`control.theme.${key}`), key, false, key === current.theme));
  set.append(el('p', { class: 'hint' }, tr.t(keptInApp ? 'look.keptInApp' : 'look.keptInPage')));
  language.input.addEventListener('change', () =>
    choose({ language: language.input.value as Look['language'] }),
  );
  theme.input.addEventListener('change', () => choose({ theme: theme.input.value as Look['theme'] }));
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}
