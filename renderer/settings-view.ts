/** Settings in the popover, first version: add or change an app profile, test it, and add rooms. */
import type { MonitorApi, MonitorSnapshot, ProfileView } from '../main/contract/monitor-api';
import { pastedRoomIds, profileInputFrom } from './profile-fields';

export function settingsView(api: MonitorApi, snapshot: MonitorSnapshot, done: () => void): HTMLElement {
  const view = el('section', { class: 'settings', 'aria-label': 'Settings' });
  const own = snapshot.profiles.filter((p) => !(snapshot.demo && p.id === 'demo'));
  view.append(el('h2', {}, own.length ? 'App profiles' : 'Add your app'));
  for (const profile of own)
    view.append(el('p', { class: 'profile-line' }, `${profile.label}: ${profile.keyStorageNote}`));
  view.append(profileForm(api, snapshot, own[0]), ...(own.length ? [roomsForm(api, own)] : []));
  const close = el('button', { type: 'button' }, 'Back to rooms');
  close.addEventListener('click', done);
  view.append(close);
  return view;
}

function profileForm(
  api: MonitorApi,
  snapshot: MonitorSnapshot,
  existing: ProfileView | undefined,
): HTMLElement {
  const form = el('form', { class: 'profile-form' }) as HTMLFormElement;
  const field = (name: string, label: string, input: HTMLElement) => {
    input.setAttribute('name', name);
    input.setAttribute('id', `f-${name}`);
    const row = el('label', { for: `f-${name}` }, label);
    form.append(row, input);
    return input as HTMLInputElement;
  };
  const label = field('label', 'Name', el('input', { value: existing?.label ?? '', autocomplete: 'off' }));
  const sdkAppId = field(
    'sdkAppId',
    'SDKAppID',
    el('input', { value: existing ? String(existing.sdkAppId) : '', inputmode: 'numeric' }),
  );
  const identifier = field(
    'identifier',
    'Admin identifier',
    el('input', { value: existing?.identifier ?? 'administrator' }),
  );
  const region = el('select') as HTMLSelectElement;
  for (const r of snapshot.regions)
    region.append(new Option(r.label, r.key, false, r.key === (existing?.region ?? 'china')));
  field('region', 'Region', region);
  const keyHint = existing ? 'Secret key (leave empty to keep the saved one)' : 'Secret key';
  const secretKey = field(
    'secretKey',
    keyHint,
    el('input', { type: 'password', autocomplete: 'off', spellcheck: 'false' }),
  );
  const answer = el('p', { class: 'answer', role: 'status' });
  const test = el('button', { type: 'button' }, 'Test connection');
  const save = el('button', { type: 'submit' }, existing ? 'Save' : 'Add app');
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
      answer.textContent = checked.problems.join(' ');
      return;
    }
    answer.textContent = action === 'test' ? 'Testing…' : 'Saving…';
    try {
      if (action === 'test') answer.textContent = (await api.testConnection(checked.input)).message;
      else {
        const saved = await api.saveProfile(checked.input);
        secretKey.value = '';
        answer.textContent = `Saved. ${saved.keyStorageNote}`;
      }
    } catch (error) {
      answer.textContent =
        error instanceof Error
          ? error.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '')
          : String(error);
    }
  };
  test.addEventListener('click', () => void run('test'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run('save');
  });
  return form;
}

function roomsForm(api: MonitorApi, profiles: ProfileView[]): HTMLElement {
  const form = el('form', { class: 'rooms-form' }) as HTMLFormElement;
  const ids = el('textarea', {
    id: 'f-rooms',
    rows: '4',
    placeholder: '@TGS#a6I4ZUUGO\nlaunch-day',
  }) as HTMLTextAreaElement;
  const answer = el('p', { class: 'answer', role: 'status' });
  form.append(
    el('label', { for: 'f-rooms' }, `Add rooms to ${profiles[0]?.label} (one id per line)`),
    ids,
    el('button', { type: 'submit' }, 'Add rooms'),
    answer,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const pasted = pastedRoomIds(ids.value);
    if (pasted.length === 0 || !profiles[0]) return;
    void api.addRooms(profiles[0].id, pasted).then((result) => {
      const refused = result.refused.map((r) => `${r.groupId}: ${r.reason}`);
      answer.textContent = [`Added ${result.added.length}.`, ...refused].join(' ');
      ids.value = result.refused.map((r) => r.groupId).join('\n');
    });
  });
  return form;
}

function el(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
