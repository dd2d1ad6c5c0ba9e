/**
 * The room view's "OBS overlay" section: in the tray app, turning the overlay's loopback server on
 * (and its port); then a live preview of this room's overlay, its look as a form, the link with
 * "Copy link for OBS", the Browser Source size to use, and "Make a new link" to revoke the old one.
 */
import { type OverlayOptions, overlayQuery } from '../../main/common/overlay-options';
import { suggestedSourceSize } from '../../main/common/overlay-size';
import type { MonitorApi, OverlayView, RoomView } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { checkbox, field, messageOf } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';
import { OverlayForm, savedOverlayOptions, saveOverlayOptions } from './overlay-form';
import { OverlayPreview } from './overlay-preview';

/** The room the section is about, and the others (a link names the profile when two watch one id). */
export interface OverlayRoom {
  room(): RoomView | undefined;
  rooms(): Iterable<RoomView>;
}

export class OverlaySection {
  readonly element = el('section', { class: 'overlay-section', 'aria-labelledby': 'overlay-title' });
  private readonly title = el('h3', { id: 'overlay-title' });
  private readonly intro = el('p', { class: 'hint' });
  private readonly switches = el('div', { class: 'overlay-switch' });
  private readonly status = el('p', { class: 'action-status', role: 'status' });
  private readonly body = el('div', { class: 'overlay-body' });
  private readonly preview = new OverlayPreview();
  private readonly form: OverlayForm;
  private readonly linkBox = el('div');
  private readonly sizeLine = el('p', { class: 'overlay-size' });
  private readonly actions = el('div', { class: 'action-bar' });
  private readonly confirm = el('div', { class: 'overlay-confirm' });
  private view: OverlayView | null = null;
  private link = '';

  constructor(
    private readonly api: Pick<MonitorApi, 'getOverlay' | 'setOverlay'>,
    key: string,
    private readonly source: OverlayRoom,
    private readonly tr: () => ViewTranslator,
  ) {
    const storage = storageOrNull();
    const initial = savedOverlayOptions(storage, key, tr().locale);
    this.form = new OverlayForm(
      'overlay',
      initial,
      (options) => {
        saveOverlayOptions(storage, key, options);
        this.showLink();
      },
      tr(),
    );
    this.confirm.hidden = true;
    // Nothing to show until the engine says how the overlay stands.
    this.body.hidden = true;
    this.body.append(
      this.preview.element,
      this.form.element,
      this.linkBox,
      this.sizeLine,
      this.actions,
      this.confirm,
    );
    this.element.append(this.title, this.intro, this.switches, this.status, this.body);
    this.translate();
    this.api.getOverlay().then(
      (view) => this.show(view),
      (error: unknown) => setText(this.status, this.tr().t('overlay.failed', { reason: messageOf(error) })),
    );
  }

  translate(): void {
    const tr = this.tr();
    setText(this.title, tr.t('overlay.heading'));
    setText(this.intro, tr.t('overlay.intro'));
    this.form.translate(tr);
    if (this.view) this.show(this.view);
  }

  destroy(): void {
    this.preview.destroy();
  }

  private show(view: OverlayView): void {
    this.view = view;
    const tr = this.tr();
    // Redrawn in place: the control that held the keyboard gets it back.
    const focused = this.element.contains(document.activeElement) ? document.activeElement?.id : undefined;
    this.switches.replaceChildren();
    if (view.switchable) this.drawSwitches(view);
    const served = view.on && view.problem === null && view.token !== null;
    this.body.hidden = !served;
    setText(this.status, served ? '' : this.problemText(view));
    if (served) this.showLink();
    this.actions.replaceChildren(
      button(tr.t('overlay.copy'), () => void this.copy(), { class: 'primary', id: 'overlay-copy' }),
      ...(view.switchable
        ? [button(tr.t('overlay.newLink'), () => this.askNewLink(), { id: 'overlay-new' })]
        : []),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  private drawSwitches(view: OverlayView): void {
    const tr = this.tr();
    const on = checkbox(this.switches, 'overlay-on', tr.t('overlay.serve'), view.on);
    on.addEventListener('change', () => this.change({ on: on.checked }));
    const port = el('input', { type: 'number', min: '1024', max: '65535', step: '1', inputmode: 'numeric' });
    port.value = String(view.port ?? '');
    const portField = field(
      this.switches,
      'overlay-port',
      tr.t('overlay.port'),
      port,
      tr.t('overlay.serve.hint'),
    );
    port.addEventListener('change', () => {
      const value = Number(port.value);
      const valid = Number.isInteger(value) && value >= 1024 && value <= 65_535;
      portField.showError(valid ? null : tr.t('overlay.port.invalid'));
      if (valid && value !== this.view?.port) this.change({ port: value });
    });
  }

  private problemText(view: OverlayView): string {
    const tr = this.tr();
    const problem = view.problem;
    if (problem?.kind === 'no-token') return tr.t('overlay.noToken');
    if (problem?.kind === 'port-in-use') return tr.t('overlay.portInUse', { port: String(problem.port) });
    if (problem?.kind === 'failed') return tr.t('overlay.failed', { reason: problem.message });
    return tr.t('overlay.off');
  }

  private showLink(): void {
    const view = this.view;
    const room = this.source.room();
    if (!view?.token || !room) return;
    const tr = this.tr();
    const options: OverlayOptions = this.form.options();
    const shared = [...this.source.rooms()].some((r) => r.groupId === room.groupId && r.key !== room.key);
    const query = overlayQuery(
      { groupId: room.groupId, ...(shared ? { profileId: room.profileId } : {}) },
      view.token,
      options,
    );
    this.link = `${view.origin ?? location.origin}/overlay?${query}`;
    const size = suggestedSourceSize(options);
    this.preview.show(this.link, size, tr.t('overlay.preview'));
    const input = el('input', { type: 'text', readonly: '', class: 'overlay-link', spellcheck: 'false' });
    input.value = this.link;
    this.linkBox.replaceChildren();
    field(this.linkBox, 'overlay-link', tr.t('overlay.link'), input);
    setText(
      this.sizeLine,
      tr.t('overlay.size.suggested', { width: String(size.width), height: String(size.height) }),
    );
  }

  /**
   * Copies the link. The tray app denies every permission request, the clipboard's among them, so
   * where the asynchronous clipboard is refused the selected field is copied the older way; where
   * that fails too, the link stays selected for the keyboard.
   */
  private async copy(): Promise<void> {
    const tr = this.tr();
    try {
      await navigator.clipboard.writeText(this.link);
      setText(this.status, tr.t('overlay.copied'));
      return;
    } catch {
      // Refused: the selection below.
    }
    const input = this.linkBox.querySelector('input');
    input?.focus();
    input?.select();
    const copied = input !== null && document.execCommand('copy');
    setText(this.status, tr.t(copied ? 'overlay.copied' : 'overlay.copyFailed'));
  }

  private askNewLink(): void {
    const tr = this.tr();
    const make = button(tr.t('overlay.newLink'), () => {
      this.confirm.hidden = true;
      this.change({ newLink: true }, tr.t('overlay.newLink.done'));
    });
    const keep = button(tr.t('overlay.newLink.cancel'), () => {
      this.confirm.hidden = true;
      document.getElementById('overlay-new')?.focus();
    });
    this.confirm.replaceChildren(
      el('p', {}, tr.t('overlay.newLink.confirm')),
      el('div', { class: 'action-bar' }),
    );
    this.confirm.lastElementChild?.append(make, keep);
    this.confirm.hidden = false;
    keep.focus();
  }

  private change(change: Parameters<MonitorApi['setOverlay']>[0], done?: string): void {
    this.api.setOverlay(change).then(
      (view) => {
        this.show(view);
        if (done && view.problem === null) setText(this.status, done);
      },
      (error: unknown) =>
        setText(this.status, this.tr().t('overlay.changeFailed', { reason: messageOf(error) })),
    );
  }
}

function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
