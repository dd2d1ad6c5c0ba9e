/**
 * The room view's "Show the count to viewers" section: how the count is written into the room
 * (off, a group attribute, a group counter or a custom message) and under which key, the message
 * quota's warning and its acknowledgement, how the push stands now, and, where the engine can read
 * it (the demo's simulator), what the room's viewers see.
 */
import { DEFAULT_PUSH_KEY, PUSH_VIAS, type PushVia } from '../../main/common/room-push';
import type { MonitorApi, RoomPushSetup, RoomView } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { checkbox, field, messageOf } from '../form-field';
import type { Translator } from '../i18n/translator';
import { pushChoiceOf, pushStateLine } from './push-words';

const CHOICES: ReadonlyArray<PushVia | 'off'> = ['off', ...PUSH_VIAS];
let nextId = 0;

export class PushSection {
  readonly element = el('section', { class: 'push-section', 'aria-labelledby': `push-title-${++nextId}` });
  private readonly title = el('h3', { id: `push-title-${nextId}` });
  private readonly intro = el('p', { class: 'hint' });
  private readonly form = el('form', { class: 'push-form', novalidate: '' });
  private readonly via = el('select', { 'data-field': 'via' });
  private readonly key = el('input', {
    type: 'text',
    maxlength: '64',
    autocomplete: 'off',
    'data-field': 'key',
  });
  private readonly quota = el('p', { class: 'quota-warning', role: 'note' });
  private readonly acknowledgeRow: HTMLElement;
  private readonly acknowledge: HTMLInputElement;
  private readonly save = button('', () => void this.store(), { class: 'primary push-save' });
  private readonly status = el('p', { class: 'action-status', role: 'status' });
  private readonly state = el('p', { class: 'push-state' });
  private readonly viewers = el('p', { class: 'push-viewers' });
  private readonly viaField;
  private readonly keyField;
  private setup: RoomPushSetup | null = null;
  private lastWritten: number | null = null;

  constructor(
    private readonly api: Pick<MonitorApi, 'getRoomPush' | 'setRoomPush'>,
    private readonly key_: string,
    private readonly room: () => RoomView | undefined,
    private readonly tr: () => Translator,
  ) {
    const id = nextId;
    this.viaField = field(this.form, `push-via-${id}`, '', this.via);
    this.keyField = field(this.form, `push-key-${id}`, '', this.key, ' ');
    this.form.append(this.quota);
    this.acknowledge = checkbox(this.form, `push-ack-${id}`, '', false);
    this.acknowledgeRow = this.acknowledge.parentElement as HTMLElement;
    const actions = el('div', { class: 'action-bar' });
    actions.append(this.save);
    this.form.append(actions, this.status);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.store();
    });
    this.via.addEventListener('change', () => this.showChoice());
    this.element.append(this.title, this.intro, this.form, this.state, this.viewers);
    this.key.value = DEFAULT_PUSH_KEY;
    this.translate();
    // Closed to input until the room's push is in the form: a choice made before would be overwritten.
    this.setEnabled(false);
    this.load(true);
  }

  /** Writes the section's words in the UI's language. */
  translate(): void {
    const tr = this.tr();
    setText(this.title, tr.t('push.heading'));
    setText(this.intro, tr.t('push.intro'));
    const chosen = this.via.value || 'off';
    this.via.replaceChildren(
      ...CHOICES.map((choice) => el('option', { value: choice }, tr.t(`push.via.${choice}`))),
    );
    this.via.value = chosen;
    setText(this.viaField.row.querySelector('label') as HTMLElement, tr.t('push.via'));
    setText(this.keyField.row.querySelector('label') as HTMLElement, tr.t('push.key'));
    setText(this.keyField.row.querySelector('.hint') as HTMLElement, tr.t('push.key.hint'));
    setText(this.quota, tr.t('push.quota'));
    setText(this.acknowledgeRow.querySelector('label') as HTMLElement, tr.t('push.acknowledge'));
    setText(this.save, tr.t('push.apply'));
    this.showChoice();
    this.roomChanged(true);
  }

  /** The room was pushed: how its push stands now, and what viewers see once a new count is written. */
  roomChanged(force = false): void {
    const push = this.room()?.push ?? null;
    this.state.hidden = push === null;
    if (push) setText(this.state, pushStateLine(push, this.tr()));
    const written = push?.written?.writtenAt ?? null;
    if (written !== this.lastWritten) {
      this.lastWritten = written;
      if (this.setup?.viewers) this.load(false);
    } else if (force) this.showViewers();
  }

  /** Reads the room's push and what viewers see; `fill` puts the push in the form too. */
  private load(fill: boolean): void {
    this.api.getRoomPush(this.key_).then(
      (setup) => {
        this.setup = setup;
        if (fill) this.fill(setup);
        this.showViewers();
        if (fill) this.setEnabled(true);
      },
      (error: unknown) => {
        setText(this.status, this.tr().t('push.failed', { reason: messageOf(error) }));
        // Not knowing how the room stands, the person may still choose.
        if (fill) this.setEnabled(true);
      },
    );
  }

  private setEnabled(enabled: boolean): void {
    for (const control of [this.via, this.key, this.acknowledge, this.save]) control.disabled = !enabled;
  }

  private fill(setup: RoomPushSetup): void {
    this.via.value = setup.push?.via ?? 'off';
    this.key.value = setup.push?.key ?? DEFAULT_PUSH_KEY;
    this.acknowledge.checked = setup.push?.via === 'message';
    this.showChoice();
  }

  private showChoice(): void {
    const via = this.via.value as PushVia | 'off';
    this.keyField.row.hidden = via === 'off';
    const message = via === 'message';
    this.quota.hidden = !message;
    this.acknowledgeRow.hidden = !message;
  }

  private showViewers(): void {
    const viewers = this.setup?.viewers;
    this.viewers.hidden = !viewers;
    if (!viewers) return;
    const tr = this.tr();
    setText(
      this.viewers,
      viewers.value === null
        ? tr.t('push.viewers.none')
        : tr.t('push.viewers', { value: String(viewers.value) }),
    );
  }

  private async store(): Promise<void> {
    const tr = this.tr();
    const choice = pushChoiceOf(this.via.value as PushVia | 'off', this.key.value, this.acknowledge.checked);
    this.keyField.showError(!choice.ok && choice.problem === 'key' ? tr.t('push.problem.key') : null);
    if (!choice.ok) {
      if (choice.problem === 'key') this.key.focus();
      else this.acknowledge.focus();
      setText(this.status, tr.t(choice.problem === 'key' ? 'push.problem.key' : 'push.problem.acknowledge'));
      return;
    }
    try {
      await this.api.setRoomPush(this.key_, choice.push, this.acknowledge.checked);
      setText(this.status, tr.t('push.saved'));
      this.load(false);
    } catch (error) {
      setText(this.status, tr.t('push.failed', { reason: messageOf(error) }));
    }
  }
}
