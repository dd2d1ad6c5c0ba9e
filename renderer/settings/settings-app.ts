/**
 * Settings of the tray app itself: launch at login, the number in the tray, the global shortcut.
 * Language and theme have a form of their own (settings-look.ts), which every edition shows.
 */

import type { AcceleratorFault } from '../../main/common/accelerator';
import type { SettingsView } from '../../main/contract/monitor-api';
import { el, setText } from '../dom';
import { checkbox, field, fieldset } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';
import { shortcutFrom } from './global-shortcut';
import type { SaveSettings } from './settings-alerting';

/** A room the tray may show, by key and name. */
export interface TrayRoomChoice {
  key: string;
  label: string;
}

/** The app section, or null where the edition has no tray (`headcount serve`). */
export function appForm(
  view: SettingsView,
  rooms: readonly TrayRoomChoice[],
  tr: ViewTranslator,
  save: SaveSettings,
): HTMLElement | null {
  const app = view.app;
  if (!app) return null;
  const form = el('form', { class: 'app-form', novalidate: '' });
  const set = fieldset(tr.t('app.legend'));
  form.append(set);
  const login = checkbox(set, 'a-login', tr.t('app.launchAtLogin'), app.launchAtLogin);
  const tray = field(set, 'a-tray', tr.t('app.tray'), el('select'));
  tray.input.append(new Option(tr.t('app.tray.sum'), 'sum'));
  for (const room of rooms) tray.input.append(new Option(room.label, room.key));
  tray.input.value = app.trayNumber === 'sum' ? 'sum' : app.trayNumber.roomKey;
  const shortcut = field(
    set,
    'a-shortcut',
    tr.t('app.shortcut'),
    el('input', { value: app.shortcut ?? '', autocomplete: 'off', spellcheck: 'false' }),
    tr.t('app.shortcut.hint'),
  );
  // Said as soon as the person leaves the field, not only on save; cleared once it reads well.
  const checkShortcut = () => {
    const read = shortcutFrom(shortcut.input.value);
    shortcut.showError('fault' in read ? faultWords(read.fault, shortcut.input.value.trim(), tr) : null);
    return read;
  };
  shortcut.input.addEventListener('change', checkShortcut);
  // Saved but refused by the system: say so, or the person believes the keys work.
  const active = view.activeShortcut;
  if (active !== undefined && app.shortcut !== null && app.shortcut.toLowerCase() !== active?.toLowerCase())
    shortcut.showError(
      tr.t(active ? 'app.shortcut.held.keeping' : 'app.shortcut.held', {
        shortcut: app.shortcut,
        active: active ?? '',
      }),
    );
  const answer = el('p', { class: 'answer', role: 'status' });
  form.append(el('button', { type: 'submit' }, tr.t('app.save')), answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const accelerator = checkShortcut();
    if ('fault' in accelerator) {
      setText(answer, tr.t('settings.fix'));
      shortcut.input.focus();
      return;
    }
    setText(answer, '');
    save(
      {
        app: {
          launchAtLogin: login.checked,
          trayNumber: tray.input.value === 'sum' ? 'sum' : { roomKey: tray.input.value },
          shortcut: accelerator.shortcut,
        },
      },
      answer,
    );
  });
  return form;
}

/** What is wrong with a typed shortcut, in the UI's language. */
function faultWords(fault: AcceleratorFault, typed: string, tr: ViewTranslator): string {
  const key = `app.shortcut.problem.${fault.kind}` as const;
  switch (fault.kind) {
    case 'unknown-key':
    case 'no-modifier':
      return tr.t(key, { key: fault.key });
    case 'unknown-modifier':
      return tr.t(key, { modifier: fault.modifier });
    default:
      return tr.t(key, { shortcut: typed });
  }
}
