/** Small DOM helpers shared by the views: no framework, text only (never HTML from data). */

/** A new element with attributes and text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Sets text only when it differs, so an unchanged value costs no layout. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets an attribute only when it differs (or removes it for null). */
export function setAttr(node: Element, name: string, value: string | null): void {
  if (value === null) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** A button that runs `action` when pressed. */
export function button(label: string, action: () => void, attributes: Record<string, string> = {}) {
  const node = el('button', { type: 'button', ...attributes }, label);
  node.addEventListener('click', action);
  return node;
}

/**
 * Puts `ordered` in that order in `parent` (so reading order matches the screen) without moving
 * `keep`, the node holding focus: moving a focused node out of the document drops its focus.
 */
export function placeInOrder(parent: HTMLElement, ordered: HTMLElement[], keep: Element | null): void {
  const pivot = keep ? ordered.indexOf(keep as HTMLElement) : -1;
  if (pivot < 0) {
    let expected = parent.firstChild;
    for (const node of ordered) {
      if (node !== expected) parent.insertBefore(node, expected);
      expected = node.nextSibling;
    }
    return;
  }
  for (let i = pivot - 1; i >= 0; i--) {
    const node = ordered[i] as HTMLElement;
    const after = ordered[i + 1] as HTMLElement;
    if (node.nextSibling !== after) parent.insertBefore(node, after);
  }
  for (let i = pivot + 1; i < ordered.length; i++) {
    const node = ordered[i] as HTMLElement;
    const before = ordered[i - 1] as HTMLElement;
    if (before.nextSibling !== node) parent.insertBefore(node, before.nextSibling);
  }
}
