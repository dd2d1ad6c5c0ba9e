/** Settings: the app profiles (add, edit, remove, test) and each one's polling with its budget meter. */
import type { MonitorApi, MonitorSnapshot, ProfileView } from '../../main/contract/monitor-api';
import { errorWords, keyStorageWords, regionLabel } from '../alerts/alert-words';
import { button, el, setText } from '../dom';
import { checkbox, field, fieldset, messageOf } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';
import { tiersWords } from '../rooms/tier-words';
import { budgetLines, meterLine, pollingFrom } from './budget-meter';
import { type ProfileProblem, profileInputFrom } from './profile-fields';
/** What the settings view needs from the snapshot. */
export type SettingsContext = Pick<MonitorSnapshot, 'demo' | 'profiles' | 'regions'>;

const CUSTOM = '';

/**
 * The profiles section; `changed` reloads the settings after a profile was saved or removed, and
 * says `words` (what became of the save) where the redrawn view keeps them.
 */
export function profilesSection(
  api: MonitorApi,
  context: SettingsContext,
  tr: ViewTranslator,
  changed: (words?: string) => void,
): HTMLElement {
  const own = context.profiles.filter((p) => !(context.demo && p.id === 'demo'));
  const section = el('section', { class: 'settings-section', 'aria-labelledby': 'h-profiles' });
  section.append(el('h2', { id: 'h-profiles' }, tr.t(own.length ? 'settings.profiles' : 'settings.addApp')));
  const formArea = el('div');
  const showForm = (profile: ProfileView | undefined) => {
    formArea.replaceChildren(profileForm(api, context, profile, tr, changed));
    formArea.querySelector<HTMLElement>('input')?.focus();
  };
  const list = el('ul', { class: 'profile-list' });
  for (const profile of own) list.append(profileItem(api, profile, tr, () => showForm(profile), changed));
  if (own.length)
    section.append(
      list,
      button(tr.t('settings.newProfile'), () => showForm(undefined)),
    );
  formArea.replaceChildren(profileForm(api, context, undefined, tr, changed));
  section.append(formArea);
  for (const profile of own) section.append(pollingForm(api, profile, tr));
  return section;
}

function profileItem(
  api: MonitorApi,
  profile: ProfileView,
  tr: ViewTranslator,
  edit: () => void,
  changed: (words?: string) => void,
): HTMLElement {
  const item = el('li', { class: 'profile-item' });
  const note = el(
    'p',
    { class: 'hint' },
    tr.t('settings.profileLine', { profile: profile.label, note: keyStorageWords(profile, tr) }),
  );
  const answer = el('p', { class: 'answer', role: 'status' });
  let armed = false;
  const remove = button(tr.t('settings.remove', { name: profile.label }), () => {
    if (!armed) {
      armed = true;
      setText(remove, tr.t('settings.removeConfirm', { name: profile.label }));
      return;
    }
    api.removeProfile(profile.id).then(
      () => changed(),
      (error: unknown) => setText(answer, messageOf(error)),
    );
  });
  item.append(el('strong', {}, profile.label), note);
  // Why the profile stopped polling, in the UI's language rather than the engine's English.
  if (profile.error)
    item.append(
      el(
        'p',
        { class: 'hint problem' },
        tr.t('banner.reason', { profile: profile.label, reason: errorWords(profile.error, tr) }),
      ),
    );
  item.append(button(tr.t('settings.edit', { name: profile.label }), edit), remove, answer);
  return item;
}

function profileForm(
  api: MonitorApi,
  context: SettingsContext,
  existing: ProfileView | undefined,
  tr: ViewTranslator,
  changed: (words?: string) => void,
): HTMLElement {
  const form = el('form', { class: 'profile-form', novalidate: '' });
  const set = fieldset(
    existing ? tr.t('settings.editProfile', { name: existing.label }) : tr.t('settings.addApp'),
  );
  form.append(set);
  const label = field(
    set,
    'f-label',
    tr.t('field.name'),
    el('input', { value: existing?.label ?? '', autocomplete: 'off' }),
  );
  const sdkAppId = field(
    set,
    'f-sdkAppId',
    tr.t('field.sdkAppId'),
    el('input', { value: existing ? String(existing.sdkAppId) : '', inputmode: 'numeric' }),
  );
  const identifier = field(
    set,
    'f-identifier',
    tr.t('field.identifier'),
    el('input', { value: existing?.identifier ?? 'administrator' }),
  );
  const region = field(set, 'f-region', tr.t('field.region'), el('select'));
  const chosen = existing ? (existing.region ?? CUSTOM) : 'china';
  for (const r of context.regions)
    region.input.append(new Option(regionLabel(r, tr), r.key, false, r.key === chosen));
  region.input.append(new Option(tr.t('field.customEndpoint'), CUSTOM, false, chosen === CUSTOM));
  const endpoint = field(
    set,
    'f-endpoint',
    tr.t('field.endpoint'),
    el('input', { value: existing?.endpoint ?? '', type: 'url', placeholder: 'https://console.tim.qq.com' }),
  );
  const showEndpoint = () => {
    endpoint.row.hidden = region.input.value !== CUSTOM;
  };
  region.input.addEventListener('change', showEndpoint);
  showEndpoint();
  const secretKey = field(
    set,
    'f-secretKey',
    tr.t(existing ? 'field.secretKey.keep' : 'field.secretKey'),
    el('input', { type: 'password', autocomplete: 'off', spellcheck: 'false' }),
    existing ? keyStorageWords(existing, tr) : tr.t('field.secretKey.hint'),
  );
  const weakRow = el('div');
  const weak = checkbox(weakRow, 'f-weak', tr.t('field.allowWeak'), false);
  weakRow.append(el('p', { class: 'hint' }, tr.t('field.allowWeak.hint')));
  weakRow.hidden = existing?.weakStorageOffered !== true;
  set.append(weakRow);
  const answer = el('p', { class: 'answer', role: 'status' });
  const test = button(tr.t('settings.test'), () => void run('test'));
  const save = el('button', { type: 'submit' }, tr.t(existing ? 'settings.save' : 'settings.add'));
  form.append(el('div', { class: 'actions' }), answer);
  form.querySelector('.actions')?.append(test, save);
  const fields: Record<ProfileProblem, { showError(text: string | null): void }> = {
    'problem.label': label,
    'problem.sdkAppId': sdkAppId,
    'problem.identifier': identifier,
    'problem.region': endpoint,
  };
  const read = () =>
    profileInputFrom({
      ...(existing ? { id: existing.id } : {}),
      label: label.input.value,
      sdkAppId: sdkAppId.input.value,
      identifier: identifier.input.value,
      region: region.input.value,
      endpoint: endpoint.input.value,
      secretKey: secretKey.input.value,
      allowWeakStorage: weak.checked,
    });
  const run = async (action: 'test' | 'save') => {
    for (const shown of Object.values(fields)) shown.showError(null);
    const checked = read();
    if ('problems' in checked) {
      for (const problem of checked.problems) fields[problem].showError(tr.t(problem));
      answer.textContent = tr.t('settings.fix');
      return;
    }
    answer.textContent = tr.t(action === 'test' ? 'settings.testing' : 'settings.saving');
    try {
      if (action === 'test') {
        const result = await api.testConnection(checked.input);
        // A failure is worded from its kind and code; a success quotes the count the engine measured.
        answer.textContent =
          result.ok || !result.kind
            ? result.message
            : errorWords(
                result.code === undefined ? { kind: result.kind } : { kind: result.kind, code: result.code },
                tr,
              );
        return;
      }
      const saved = await api.saveProfile(checked.input);
      secretKey.input.value = '';
      answer.textContent = tr.t('settings.saved', { note: keyStorageWords(saved, tr) });
      // Kept in memory for want of a keyring: offer the weak opt-in here before the form goes away.
      if (saved.weakStorageOffered) weakRow.hidden = false;
      else changed(answer.textContent ?? '');
    } catch (error) {
      answer.textContent = messageOf(error);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run('save');
  });
  return form;
}

function pollingForm(api: MonitorApi, profile: ProfileView, tr: ViewTranslator): HTMLElement {
  const legend = tr.t('polling.legend', { profile: profile.label });
  // Named like its fieldset: the apply button sits outside it, and there is one form per profile.
  const form = el('form', { class: 'polling-form', novalidate: '', 'aria-label': legend });
  const set = fieldset(legend);
  form.append(set);
  const id = `p-${profile.id.replace(/[^\w-]/g, '_')}`;
  const interval = field(
    set,
    `${id}-interval`,
    tr.t('polling.interval'),
    el('input', { value: String(profile.plan.requestedIntervalS), inputmode: 'decimal' }),
  );
  const cap = field(
    set,
    `${id}-cap`,
    tr.t('polling.cap'),
    el('input', { value: String(profile.plan.capPerSecond), inputmode: 'numeric' }),
    tr.t('polling.cap.hint'),
  );
  const meter = el('p', { class: 'meter', 'aria-live': 'polite' });
  const answer = el('p', { class: 'answer', role: 'status' });
  set.append(meter);
  // What the engine does now with rooms that do not fit: which are fast, which slow, and why.
  if (profile.plan.tiers)
    set.append(el('p', { class: 'meter' }, tr.t('tiers.now', { tiers: tiersWords(profile.plan.tiers, tr) })));
  if (profile.budgets.length > 0) {
    // Each API has its own budget: writes into rooms never take a slot from the counts.
    const list = el('ul', { class: 'budget-list' });
    for (const line of budgetLines(profile.budgets, tr)) list.append(el('li', {}, line));
    set.append(el('p', { class: 'budget-heading' }, tr.t('budget.heading')), list);
  }
  form.append(el('button', { type: 'submit' }, tr.t('polling.apply')), answer);
  const update = () => {
    const polling = pollingFrom(interval.input.value, cap.input.value);
    interval.showError(
      'problem' in polling && polling.problem === 'interval' ? tr.t('polling.problem.interval') : null,
    );
    cap.showError('problem' in polling && polling.problem === 'cap' ? tr.t('polling.problem.cap') : null);
    if ('problem' in polling) return null;
    setText(
      meter,
      meterLine(profile.plan.rooms, polling.intervalSeconds, polling.maxRate, tr, profile.plan.answerMs),
    );
    return polling;
  };
  interval.input.addEventListener('input', update);
  cap.input.addEventListener('input', update);
  update();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const polling = update();
    if (!polling) return;
    api.setPolling(profile.id, polling).then(
      () => setText(answer, tr.t('polling.applied')),
      (error: unknown) => setText(answer, messageOf(error)),
    );
  });
  return form;
}
