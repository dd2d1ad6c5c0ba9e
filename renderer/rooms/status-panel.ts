/**
 * What the rooms area shows when there is no list to show: loading, no rooms yet, nothing matches
 * the filter, or the engine cannot be reached. Each says what is going on and what to do.
 */
import { button, el, setText } from '../dom';
import type { Translator } from '../i18n/translator';
import type { PanelState } from './panel-state';

/** What the panels' buttons do. */
export interface PanelActions {
  openSettings(): void;
  clearQuery(): void;
  retryNow(): void;
}

/** The panel shown instead of the list; redrawn only when what it says changes. */
export class StatusPanel {
  readonly element = el('section', { class: 'status-panel' });
  private drawn = '';
  private body: HTMLElement | null = null;

  constructor(private readonly actions: PanelActions) {}

  show(state: PanelState, tr: Translator): void {
    const drawn = `${state.kind}|${tr.locale}|${state.kind === 'no-match' ? state.query : ''}`;
    if (drawn === this.drawn && state.kind === 'unreachable' && this.body) {
      // Only the countdown moves: rewriting it in place keeps focus on the retry button.
      setText(this.body, tr.t('status.unreachable.body', { count: state.retryInS }));
      return;
    }
    if (drawn === this.drawn) return;
    this.drawn = drawn;
    this.body = null;
    this.element.dataset.kind = state.kind;
    this.element.replaceChildren(...this.content(state, tr));
  }

  private content(state: PanelState, tr: Translator): HTMLElement[] {
    switch (state.kind) {
      case 'loading': {
        const skeleton = el('div', { class: 'skeleton', 'aria-hidden': 'true' });
        for (let i = 0; i < 4; i++) skeleton.append(el('div', { class: 'skeleton-row' }));
        return [el('p', { class: 'panel-title' }, tr.t('status.loading')), skeleton];
      }
      case 'empty':
        return [
          el('h2', { class: 'panel-title' }, tr.t('status.empty.title')),
          el('p', {}, tr.t('status.empty.body')),
          button(tr.t('status.empty.action'), () => this.actions.openSettings(), { class: 'primary' }),
        ];
      case 'no-match':
        return [
          el('p', { class: 'panel-title' }, tr.t('status.noMatch', { text: state.query.trim() })),
          button(tr.t('status.noMatch.action'), () => this.actions.clearQuery()),
        ];
      case 'unreachable':
        this.body = el('p', {}, tr.t('status.unreachable.body', { count: state.retryInS }));
        return [
          el('h2', { class: 'panel-title bad' }, tr.t('status.unreachable.title')),
          this.body,
          el('p', { class: 'problem' }, state.problem),
          button(tr.t('status.unreachable.action'), () => this.actions.retryNow()),
        ];
    }
  }
}
