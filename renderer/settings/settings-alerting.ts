/** Settings: rule defaults, quiet hours and running snoozes, each saved as its own patch. */
import { TIME_OF_DAY } from '../../main/common/time-of-day';
import type { MonitorApi, SettingsPatch, SettingsView } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { checkbox, field, fieldset, messageOf } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';
import { letThroughOf } from './alert-filters';
import { ruleChecks } from './rule-checks';
import { type RulesProblem, rulesFieldsOf, rulesFrom } from './rules-fields';

/** Sends a patch, says the outcome in `answer`, and hands the settings as they now are to `then`. */
export type SaveSettings = (patch: SettingsPatch, answer: HTMLElement) => void;

/** A saver that reports in words and re-renders with the answer. */
export function settingsSaver(
  api: MonitorApi,
  tr: ViewTranslator,
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
export function rulesForm(view: SettingsView, tr: ViewTranslator, save: SaveSettings): HTMLElement {
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

/** Quiet hours: on or off, from and to, and the alerts that still notify during them. */
export function quietHoursForm(view: SettingsView, tr: ViewTranslator, save: SaveSettings): HTMLElement {
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
  const letThrough = ruleChecks('q-through', tr.t('quiet.letThrough'), letThroughOf(view.quietHours), tr);
  set.append(letThrough.set);
  const answer = el('p', { class: 'answer', role: 'status' });
  form.append(el('button', { type: 'submit' }, tr.t('quiet.save')), answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!on.checked) return save({ quietHours: null }, answer);
    const startOk = TIME_OF_DAY.test(start.input.value);
    const endOk = TIME_OF_DAY.test(end.input.value);
    start.showError(startOk ? null : tr.t('quiet.problem'));
    end.showError(endOk ? null : tr.t('quiet.problem'));
    if (!startOk || !endOk) return;
    // Always named, so what the boxes show is what is kept; the zone is not shown here but is kept.
    const timeZone = view.quietHours?.timeZone;
    const quietHours = {
      start: start.input.value,
      end: end.input.value,
      letThrough: letThrough.ticked(),
      ...(timeZone ? { timeZone } : {}),
    };
    save({ quietHours }, answer);
  });
  return form;
}

/** The running snoozes, each with a button that ends it. */
export function snoozesPart(
  api: MonitorApi,
  view: SettingsView,
  tr: ViewTranslator,
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
