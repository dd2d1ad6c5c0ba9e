/** Settings: rule defaults, webhooks, quiet hours and running snoozes, each saved as its own patch. */
import type { MonitorApi, SettingsPatch, SettingsView, WebhookFormat } from '../main/contract/monitor-api';
import { button, el, setText } from './dom';
import { checkbox, field, fieldset, messageOf } from './form-field';
import type { Translator } from './i18n/translator';
import { type RulesProblem, rulesFieldsOf, rulesFrom } from './rules-fields';

const FORMATS: readonly WebhookFormat[] = ['wecom', 'dingtalk', 'feishu', 'slack', 'json'];

/** Sends a patch, says the outcome in `answer`, and hands the settings as they now are to `then`. */
export type SaveSettings = (patch: SettingsPatch, answer: HTMLElement) => void;

/** A saver that reports in words and re-renders with the answer. */
export function settingsSaver(
  api: MonitorApi,
  tr: Translator,
  then: (view: SettingsView, said: string) => void,
): SaveSettings {
  return (patch, answer) => {
    setText(answer, tr.t('settings.saving'));
    api.updateSettings(patch).then(
      (view) => then(view, tr.t('general.saved')),
      (error: unknown) => setText(answer, messageOf(error)),
    );
  };
}

/** The rule defaults every room starts from. */
export function rulesForm(view: SettingsView, tr: Translator, save: SaveSettings): HTMLElement {
  const form = el('form', { class: 'rules-form', novalidate: '' });
  const set = fieldset(tr.t('defaults.legend'));
  form.append(set);
  const now = rulesFieldsOf(view.rules);
  const input = (value: string) => el('input', { value, inputmode: 'numeric' });
  const fields = {
    above: field(set, 'r-above', tr.t('defaults.above'), input(now.above), tr.t('defaults.offWhenEmpty')),
    below: field(set, 'r-below', tr.t('defaults.below'), input(now.below)),
    spikePercent: field(set, 'r-spike', tr.t('defaults.spike'), input(now.spikePercent)),
    dropPercent: field(set, 'r-drop', tr.t('defaults.drop'), input(now.dropPercent)),
    milestones: field(
      set,
      'r-milestones',
      tr.t('defaults.milestones'),
      input(now.milestones),
      tr.t('defaults.milestones.hint'),
    ),
  } satisfies Record<RulesProblem, unknown>;
  const stale = checkbox(set, 'r-stale', tr.t('defaults.stale'), now.stale);
  const closed = checkbox(set, 'r-closed', tr.t('defaults.closed'), now.closed);
  const answer = el('p', { class: 'answer', role: 'status' });
  form.append(el('button', { type: 'submit' }, tr.t('defaults.save')), answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const shown of Object.values(fields)) shown.showError(null);
    const read = rulesFrom(view.rules, {
      above: fields.above.input.value,
      below: fields.below.input.value,
      spikePercent: fields.spikePercent.input.value,
      dropPercent: fields.dropPercent.input.value,
      milestones: fields.milestones.input.value,
      stale: stale.checked,
      closed: closed.checked,
    });
    if ('problems' in read) {
      for (const problem of read.problems) fields[problem].showError(tr.t(`defaults.problem.${problem}`));
      setText(answer, tr.t('settings.fix'));
      return;
    }
    save({ rules: read.rules }, answer);
  });
  return form;
}

/** The webhooks, masked as the engine shows them, with remove and add. */
export function webhooksForm(view: SettingsView, tr: Translator, save: SaveSettings): HTMLElement {
  const form = el('form', { class: 'webhooks-form', novalidate: '' });
  const set = fieldset(tr.t('webhooks.legend'));
  form.append(set);
  const answer = el('p', { class: 'answer', role: 'status' });
  const kept = view.webhooks.map(({ id, name, format, rules, minSeverity }) => ({
    id,
    format,
    ...(name ? { name } : {}),
    ...(rules ? { rules } : {}),
    ...(minSeverity ? { minSeverity } : {}),
  }));
  const list = el('ul', { class: 'webhook-list' });
  if (view.webhooks.length === 0) list.append(el('li', { class: 'hint' }, tr.t('webhooks.none')));
  for (const webhook of view.webhooks) {
    const name = webhook.name ?? tr.t(`webhooks.format.${webhook.format}`);
    const item = el('li');
    item.append(
      el('span', {}, `${name} · ${tr.t(`webhooks.format.${webhook.format}`)}`),
      el('code', {}, webhook.maskedUrl),
      button(tr.t('webhooks.remove', { name }), () =>
        save({ webhooks: kept.filter((k) => k.id !== webhook.id) }, answer),
      ),
    );
    list.append(item);
  }
  set.append(list);
  const add = fieldset(tr.t('webhooks.add'));
  const name = field(add, 'w-name', tr.t('webhooks.name'), el('input', { autocomplete: 'off' }));
  const format = field(add, 'w-format', tr.t('webhooks.format'), el('select'));
  for (const f of FORMATS) format.input.append(new Option(tr.t(`webhooks.format.${f}`), f));
  const url = field(
    add,
    'w-url',
    tr.t('webhooks.url'),
    el('input', { type: 'url', autocomplete: 'off', spellcheck: 'false' }),
    tr.t('webhooks.url.hint'),
  );
  const secret = field(
    add,
    'w-secret',
    tr.t('webhooks.secret'),
    el('input', { type: 'password', autocomplete: 'off' }),
  );
  set.append(add);
  form.append(el('button', { type: 'submit' }, tr.t('webhooks.addButton')), answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const address = url.input.value.trim();
    const valid = /^https?:\/\/[^\s/]+/.test(address);
    url.showError(valid ? null : tr.t('webhooks.url.problem'));
    if (!valid) return;
    const added = {
      format: format.input.value as WebhookFormat,
      url: address,
      ...(name.input.value.trim() ? { name: name.input.value.trim() } : {}),
      ...(secret.input.value ? { secret: secret.input.value } : {}),
    };
    save({ webhooks: [...kept, added] }, answer);
  });
  return form;
}

/** Quiet hours: on or off, from and to. */
export function quietHoursForm(view: SettingsView, tr: Translator, save: SaveSettings): HTMLElement {
  const form = el('form', { class: 'quiet-form', novalidate: '' });
  const set = fieldset(tr.t('quiet.legend'));
  form.append(set);
  const on = checkbox(set, 'q-on', tr.t('quiet.on'), view.quietHours !== null);
  const start = field(
    set,
    'q-start',
    tr.t('quiet.start'),
    el('input', { type: 'time', value: view.quietHours?.start ?? '23:00' }),
  );
  const end = field(
    set,
    'q-end',
    tr.t('quiet.end'),
    el('input', { type: 'time', value: view.quietHours?.end ?? '07:30' }),
    tr.t('quiet.hint'),
  );
  const answer = el('p', { class: 'answer', role: 'status' });
  form.append(el('button', { type: 'submit' }, tr.t('quiet.save')), answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!on.checked) return save({ quietHours: null }, answer);
    const time = /^([01]\d|2[0-3]):[0-5]\d$/;
    start.showError(time.test(start.input.value) ? null : tr.t('quiet.problem'));
    end.showError(time.test(end.input.value) ? null : tr.t('quiet.problem'));
    if (!time.test(start.input.value) || !time.test(end.input.value)) return;
    const letThrough = view.quietHours?.letThrough;
    save(
      {
        quietHours: { start: start.input.value, end: end.input.value, ...(letThrough ? { letThrough } : {}) },
      },
      answer,
    );
  });
  return form;
}

/** The running snoozes, each with a button that ends it. */
export function snoozesPart(
  api: MonitorApi,
  view: SettingsView,
  tr: Translator,
  reload: () => void,
): HTMLElement {
  const set = fieldset(tr.t('snoozes.legend'));
  const list = el('ul', { class: 'snooze-list' });
  if (view.snoozes.length === 0) list.append(el('li', { class: 'hint' }, tr.t('snoozes.none')));
  for (const snooze of view.snoozes) {
    const what = snooze.target.kind === 'all' ? tr.t('snoozes.all') : snooze.label;
    const item = el('li');
    item.append(
      el('span', {}, tr.t('snoozes.until', { what, time: tr.time(snooze.until) })),
      button(tr.t('snoozes.cancel', { what }), () => void api.unsnooze(snooze.target).then(reload)),
    );
    list.append(item);
  }
  set.append(list);
  return set;
}
