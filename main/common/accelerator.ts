/**
 * What a global shortcut setting may be: Electron's Accelerator syntax, checked the same way by the
 * engine before it registers one and by the page as the person types. Pure data out, so each side
 * words the fault in its own language.
 */

const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);

const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
]);

function isKey(part: string): boolean {
  const key = part.toLowerCase();
  return (
    /^[a-z0-9]$/.test(key) ||
    /^f([1-9]|1[0-9]|2[0-4])$/.test(key) ||
    /^num[0-9]$/.test(key) ||
    NAMED_KEYS.has(key) ||
    /^[)!@#$%^&*(:;=<,_\->.?/~`{\]|[}"'\\]$/.test(part)
  );
}

/** What can be wrong with an accelerator, with the part at fault. */
export type AcceleratorFault =
  | { kind: 'empty-part' }
  | { kind: 'no-key' }
  | { kind: 'unknown-key'; key: string }
  | { kind: 'unknown-modifier'; modifier: string }
  | { kind: 'no-modifier'; key: string }
  | { kind: 'repeated-modifier' };

/**
 * What is wrong with `accelerator` as a global shortcut, or null when it is usable: one or more
 * modifiers, then one key, joined by "+" (Electron's Accelerator syntax). A shortcut with no
 * modifier would take that key from every other app. Pure data, so each side words it its own way.
 */
export function acceleratorFault(accelerator: string): AcceleratorFault | null {
  const parts = accelerator.split('+').map((part) => part.trim());
  if (parts.some((part) => part === '')) return { kind: 'empty-part' };
  const key = parts[parts.length - 1] as string;
  const modifiers = parts.slice(0, -1);
  if (MODIFIERS.has(key.toLowerCase())) return { kind: 'no-key' };
  if (!isKey(key)) return { kind: 'unknown-key', key };
  const unknown = modifiers.find((modifier) => !MODIFIERS.has(modifier.toLowerCase()));
  if (unknown !== undefined) return { kind: 'unknown-modifier', modifier: unknown };
  if (modifiers.length === 0) return { kind: 'no-modifier', key };
  if (new Set(modifiers.map((modifier) => modifier.toLowerCase())).size !== modifiers.length) {
    return { kind: 'repeated-modifier' };
  }
  return null;
}

/** What is wrong with `accelerator` as a global shortcut, in English words, or null when it is usable. */
export function acceleratorProblem(accelerator: string): string | null {
  const fault = acceleratorFault(accelerator);
  switch (fault?.kind) {
    case undefined:
      return null;
    case 'empty-part':
      return `"${accelerator}" has an empty part: write keys joined by "+", and "Plus" for the + key.`;
    case 'no-key':
      return `"${accelerator}" has no key: end it with one, as in CmdOrCtrl+Shift+H.`;
    case 'unknown-key':
      return `"${fault.key}" is not a key Electron knows: use a letter, a digit, F1-F24 or a named key.`;
    case 'unknown-modifier':
      return `"${fault.modifier}" is not a modifier: use CmdOrCtrl, Alt, Shift or Super.`;
    case 'no-modifier':
      return `A global shortcut needs a modifier, as in CmdOrCtrl+Shift+${fault.key}: "${fault.key}" alone would stop working in every other app.`;
    case 'repeated-modifier':
      return `"${accelerator}" repeats a modifier.`;
  }
}
