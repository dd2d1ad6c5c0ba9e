/**
 * The settings view: app profiles and their polling, adding and finding rooms, alert rules,
 * webhooks, quiet hours, snoozes, and the app's own settings. Every change is sent at once and
 * applies live; after it the view is drawn again from the engine's answer, with focus kept.
 */
import type { MonitorApi, SettingsView } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { messageOf } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';
import { quietHoursForm, rulesForm, settingsSaver, snoozesPart } from './settings-alerting';
import { appForm, type TrayRoomChoice } from './settings-app';
import { type Look, lookForm } from './settings-look';
import { profilesSection, type SettingsContext } from './settings-profiles';
import { roomsSection } from './settings-rooms';
import { webhooksForm } from './settings-webhooks';

/** What else the popover gives the settings: the rooms the tray may show, and the look and its keeping. */
export interface SettingsExtras {
  rooms: readonly TrayRoomChoice[];
  look: Look;
  /** Whether the look is kept in the app's settings file rather than the page's storage. */
  lookKeptInApp: boolean;
  chooseLook(look: Partial<Look>): void;
}

/** The settings view in the UI's language; `done` goes back to the rooms. */
export function settingsView(
  api: MonitorApi,
  context: SettingsContext,
  tr: ViewTranslator,
  done: () => void,
  extras: SettingsExtras = {
    rooms: [],
    look: { language: 'system', theme: 'system' },
    lookKeptInApp: false,
    chooseLook: () => {},
  },
): HTMLElement {
  const view = el('section', { class: 'settings', 'aria-label': tr.t('settings.label') });
  const profilesArea = el('div');
  const generalArea = el('section', { class: 'settings-section', 'aria-labelledby': 'h-general' });
  const said = el('p', { class: 'answer', role: 'status' });
  view.append(
    profilesArea,
    generalArea,
    lookForm(extras.look, extras.lookKeptInApp, tr, extras.chooseLook),
    said,
    button(tr.t('settings.back'), done, { class: 'back' }),
  );

  const drawProfiles = (current: SettingsContext) =>
    keepingFocus(view, () => {
      const own = current.profiles.filter((p) => !(current.demo && p.id === 'demo'));
      profilesArea.replaceChildren(
        profilesSection(api, current, tr, reloadProfiles),
        ...(own.length ? [roomsSection(api, own, tr)] : []),
      );
    });
  const reloadProfiles = (words?: string) => {
    api.getSnapshot().then(
      (snapshot) => {
        drawProfiles(snapshot);
        // The form that said it is gone with the redraw: the view's own status line keeps it.
        if (words) setText(said, words);
      },
      (error: unknown) => setText(said, messageOf(error)),
    );
  };
  const save = settingsSaver(api, tr, (settings, words) => {
    drawGeneral(settings);
    setText(said, words);
  });
  const drawGeneral = (settings: SettingsView) =>
    keepingFocus(view, () =>
      generalArea.replaceChildren(
        el('h2', { id: 'h-general' }, tr.t('general.heading')),
        rulesForm(settings, tr, save),
        webhooksForm(settings, tr, save),
        quietHoursForm(settings, tr, save),
        snoozesPart(api, settings, tr, loadGeneral),
        ...[appForm(settings, extras.rooms, tr, save)].filter((form) => form !== null),
      ),
    );
  const loadGeneral = () => {
    generalArea.replaceChildren(el('p', { class: 'hint' }, tr.t('general.loading')));
    api
      .getSettings()
      .then(drawGeneral, (error: unknown) =>
        generalArea.replaceChildren(
          el('p', { class: 'answer' }, tr.t('general.failed', { reason: messageOf(error) })),
        ),
      );
  };
  drawProfiles(context);
  loadGeneral();
  return view;
}

/** Redraws with focus put back on the control with the same id, so a keyboard user keeps their place. */
function keepingFocus(root: HTMLElement, draw: () => void): void {
  const id = root.contains(document.activeElement) ? document.activeElement?.id : '';
  draw();
  if (id) document.getElementById(id)?.focus();
}
