/** Settings: adding rooms to any app profile, by pasting ids or by picking from the app's live rooms. */
import type { MonitorApi, ProfileView } from '../../main/contract/monitor-api';
import { el, setText } from '../dom';
import { field, fieldset, messageOf } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';
import { findRoomsForm } from './find-rooms';
import { pastedRoomIds } from './profile-fields';

/** The rooms section for `profiles` (those with a running engine can be searched). */
export function roomsSection(api: MonitorApi, profiles: ProfileView[], tr: ViewTranslator): HTMLElement {
  const section = el('section', { class: 'settings-section', 'aria-labelledby': 'h-rooms' });
  section.append(el('h2', { id: 'h-rooms' }, tr.t('addRooms.heading')));
  const picker = field(section, 'f-rooms-profile', tr.t('addRooms.profile'), el('select'));
  for (const profile of profiles) picker.input.append(new Option(profile.label, profile.id));
  const chosen = () => picker.input.value;
  const paste = pasteForm(api, chosen, tr);
  const name = () => picker.input.selectedOptions[0]?.text ?? '';
  // The box's label names the profile the rooms go to, and follows the picker.
  const label = paste.querySelector('label[for=f-rooms]');
  const nameBox = () => label && setText(label, tr.t('settings.rooms', { profile: name() }));
  picker.input.addEventListener('change', nameBox);
  nameBox();
  section.append(paste, findRoomsForm(api, chosen, tr));
  return section;
}

function pasteForm(api: MonitorApi, profileId: () => string, tr: ViewTranslator): HTMLElement {
  const form = el('form', { class: 'rooms-form', novalidate: '' });
  const set = fieldset(tr.t('addRooms.paste'));
  form.append(set);
  const ids = field(
    set,
    'f-rooms',
    tr.t('addRooms.ids'),
    el('textarea', { rows: '4', placeholder: '@TGS#a6I4ZUUGO\nlaunch-day' }),
    tr.t('addRooms.ids.hint'),
  );
  const answer = el('p', { class: 'answer', role: 'status' });
  form.append(el('button', { type: 'submit' }, tr.t('settings.addRooms')), answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const pasted = pastedRoomIds(ids.input.value);
    ids.showError(pasted.length === 0 ? tr.t('addRooms.ids.empty') : null);
    if (pasted.length === 0) return;
    setText(answer, tr.t('addRooms.checking'));
    api.addRooms(profileId(), pasted).then(
      (result) => {
        const refused = result.refused.map((r) =>
          tr.t('settings.refused', { id: r.groupId, reason: r.reason }),
        );
        setText(answer, [tr.t('settings.added', { count: result.added.length }), ...refused].join(' '));
        ids.input.value = result.refused.map((r) => r.groupId).join('\n');
      },
      (error: unknown) => setText(answer, messageOf(error)),
    );
  });
  return form;
}
