/** A labelled form control with its hint and error text tied to it, for screen readers too. */
import { el, setText } from './dom';

/** A control placed with its label; `showError` writes (or clears) the text tied to it. */
export interface Field<T extends HTMLElement> {
  input: T;
  row: HTMLElement;
  showError(text: string | null): void;
}

/**
 * Puts `input` in `parent` under a `<label>`, with an optional hint, and an error line that stays
 * empty until `showError`. Both are named by the control's `aria-describedby`.
 */
export function field<T extends HTMLElement>(
  parent: HTMLElement,
  id: string,
  label: string,
  input: T,
  hint?: string,
): Field<T> {
  input.id = id;
  const row = el('div', { class: 'field' });
  const described: string[] = [];
  row.append(el('label', { for: id }, label), input);
  if (hint) {
    row.append(el('p', { class: 'hint', id: `${id}-hint` }, hint));
    described.push(`${id}-hint`);
  }
  const error = el('p', { class: 'field-error', id: `${id}-error` });
  row.append(error);
  described.push(`${id}-error`);
  input.setAttribute('aria-describedby', described.join(' '));
  parent.append(row);
  return {
    input,
    row,
    showError(text) {
      setText(error, text ?? '');
      if (text) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/** A checkbox with its label after it, as people expect to click. */
export function checkbox(parent: HTMLElement, id: string, label: string, checked: boolean): HTMLInputElement {
  const input = el('input', { type: 'checkbox', id });
  input.checked = checked;
  const row = el('div', { class: 'check' });
  row.append(input, el('label', { for: id }, label));
  parent.append(row);
  return input;
}

/** A `<fieldset>` with its legend. */
export function fieldset(legend: string, className = ''): HTMLFieldSetElement {
  const set = el('fieldset', className ? { class: className } : {});
  set.append(el('legend', {}, legend));
  return set;
}

/** The message of a failed call, without the IPC wrapper Electron adds around it. */
export function messageOf(error: unknown): string {
  return error instanceof Error
    ? error.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '')
    : String(error);
}
