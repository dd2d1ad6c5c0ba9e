/** Settings in the popover, first version: add or change an app profile, test it, and add rooms. */
import type { MonitorApi, MonitorSnapshot, ProfileView } from '../main/contract/monitor-api';
import { button, el } from './dom';
import type { Translator } from './i18n/translator';
import { pastedRoomIds, profileInputFrom } from './profile-fields';

/** What the settings view needs from the snapshot. */
export type SettingsContext = Pick<MonitorSnapshot, 'demo' | 'profiles' | 'regions'>;

/** The settings view in the UI's language; `done` goes back to the rooms. */
export function settingsView(
  api: MonitorApi,
  context: SettingsContext,
  tr: Translator,
  done: () => void,
): HTMLElement {
  const view = el('section', { class: 'settings', 'aria-label': tr.t('settings.label') });
  const own = context.profiles.filter((p) => !(context.demo && p.id === 'demo'));
  view.append(el('h2', {}, tr.t(own.length ? 'settings.profiles' : 'settings.addApp')));
  for (const profile of own)
    view.append(
      el(
        'p',
        { class: 'profile-line' },
        tr.t('settings.profileLine', { profile: profile.label, note: profile.keyStorageNote }),
      ),
    );
  view.append(profileForm(api, context, own[0], tr), ...(own.length ? [roomsForm(api, own, tr)] : []));
  view.append(button(tr.t('settings.back'), done, { class: 'back' }));
  return view;
}

function profileForm(
  api: MonitorApi,
  context: SettingsContext,
  existing: ProfileView | undefined,
  tr: Translator,
): HTMLElement {
  const form = el('form', { class: 'profile-form' });
  const field = <T extends HTMLElement>(name: string, label: string, input: T): T => {
    input.setAttribute('name', name);
    input.setAttribute('id', `f-${name}`);
    form.append(el('label', { for: `f-${name}` }, label), input);
    return input;
  };
  const label = field(
    'label',
    tr.t('field.name'),
    el('input', { value: existing?.label ?? '', autocomplete: 'off' }),
  );
  const sdkAppId = field(
    'sdkAppId',
    tr.t('field.sdkAppId'),
    el('input', { value: existing ? String(existing.sdkAppId) : '', inputmode: 'numeric' }),
  );
  const identifier = field(
    'identifier',
    tr.t('field.identifier'),
    el('input', { value: existing?.identifier ?? 'administrator' }),
  );
  const region = field('region', tr.t('field.region'), el('select'));
  for (const r of context.regions)
    region.append(new Option(r.label, r.key, false, r.key === (existing?.region ?? 'china')));
  const secretKey = field(
    'secretKey',
    tr.t(existing ? 'field.secretKey.keep' : 'field.secretKey'),
    el('input', { type: 'password', autocomplete: 'off', spellcheck: 'false' }),
  );
  const answer = el('p', { class: 'answer', role: 'status' });
  const test = button(tr.t('settings.test'), () => void run('test'));
  const save = el('button', { type: 'submit' }, tr.t(existing ? 'settings.save' : 'settings.add'));
  form.append(test, save, answer);
  const read = () =>
    profileInputFrom({
      ...(existing ? { id: existing.id } : {}),
      label: label.value,
      sdkAppId: sdkAppId.value,
      identifier: identifier.value,
      region: region.value,
      endpoint: '',
      secretKey: secretKey.value,
      allowWeakStorage: false,
    });
  const run = async (action: 'test' | 'save') => {
    const checked = read();
    if ('problems' in checked) {
      answer.textContent = checked.problems.map((problem) => tr.t(problem)).join(' ');
      return;
    }
    answer.textContent = tr.t(action === 'test' ? 'settings.testing' : 'settings.saving');
    try {
      if (action === 'test') answer.textContent = (await api.testConnection(checked.input)).message;
      else {
        const saved = await api.saveProfile(checked.input);
        secretKey.value = '';
        answer.textContent = tr.t('settings.saved', { note: saved.keyStorageNote });
      }
    } catch (error) {
      answer.textContent =
        error instanceof Error
          ? error.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '')
          : String(error);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run('save');
  });
  return form;
}

function roomsForm(api: MonitorApi, profiles: ProfileView[], tr: Translator): HTMLElement {
  const form = el('form', { class: 'rooms-form' });
  const ids = el('textarea', { id: 'f-rooms', rows: '4', placeholder: '@TGS#a6I4ZUUGO\nlaunch-day' });
  const answer = el('p', { class: 'answer', role: 'status' });
  form.append(
    el('label', { for: 'f-rooms' }, tr.t('settings.rooms', { profile: profiles[0]?.label ?? '' })),
    ids,
    el('button', { type: 'submit' }, tr.t('settings.addRooms')),
    answer,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const pasted = pastedRoomIds(ids.value);
    if (pasted.length === 0 || !profiles[0]) return;
    void api.addRooms(profiles[0].id, pasted).then((result) => {
      const refused = result.refused.map((r) =>
        tr.t('settings.refused', { id: r.groupId, reason: r.reason }),
      );
      answer.textContent = [tr.t('settings.added', { count: result.added.length }), ...refused].join(' ');
      ids.value = result.refused.map((r) => r.groupId).join('\n');
    });
  });
  return form;
}
