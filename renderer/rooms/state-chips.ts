/**
 * The rooms by state beside the total, "12 live · 1 closed · 2 failing · 3 stale", from the
 * engine's summary. Each is a toggle that filters the list to exactly those rooms: the troubled
 * rooms among thousands are one click away.
 */
import { ROOM_STATES } from '../../main/common/room-states';
import type { MonitorSummary, RoomState } from '../../main/contract/monitor-api';
import { el, setAttr, setText } from '../dom';
import type { Translator } from '../i18n/translator';
import { toneOf } from './room-state';

/** The chips; `choose` gets the state pressed, or null when the pressed one is pressed again. */
export class StateChips {
  readonly element = el('div', { class: 'state-chips', role: 'group' });
  private readonly chips = new Map<RoomState, HTMLButtonElement>();
  private readonly filtered = el('span', { class: 'filtered' });

  constructor(choose: (state: RoomState | null) => void) {
    for (const state of ROOM_STATES) {
      const chip = el('button', {
        type: 'button',
        class: 'chip',
        'data-state': state,
        'data-tone': toneOf(state),
        'aria-pressed': 'false',
        hidden: '',
      });
      chip.addEventListener('click', () =>
        choose(chip.getAttribute('aria-pressed') === 'true' ? null : state),
      );
      this.chips.set(state, chip);
      this.element.append(chip);
    }
    this.element.append(this.filtered);
  }

  /**
   * Shows each state that has rooms (and the one chosen, even at 0) with its count; `filtered`
   * says what a filter leaves, after the chips.
   */
  show(summary: MonitorSummary | null, chosen: RoomState | null, filtered: string, tr: Translator): void {
    this.element.setAttribute('aria-label', tr.t('chips.label'));
    for (const [state, chip] of this.chips) {
      const count = summary?.states[state] ?? 0;
      chip.hidden = count === 0 && state !== chosen;
      setAttr(chip, 'aria-pressed', String(state === chosen));
      setText(chip, tr.t('chips.state', { count, state: tr.t(`roomState.${state}`) }));
    }
    setText(this.filtered, filtered);
  }
}
