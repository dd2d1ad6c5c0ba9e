/** The OS side of a global shortcut (Electron's globalShortcut). */
export interface ShortcutPort {
  /** Registers `accelerator`; false when the OS or another app holds it. */
  register(accelerator: string, onPress: () => void): boolean;
  unregister(accelerator: string): void;
}

/** What applying a shortcut did, in words for the settings screen. */
export interface ShortcutOutcome {
  ok: boolean;
  /** The shortcut that works now, or null when none does. */
  active: string | null;
  message: string;
}

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

/**
 * What is wrong with `accelerator` as a global shortcut, in words, or null when it is usable: one
 * or more modifiers, then one key, joined by "+" (Electron's Accelerator syntax). A shortcut with no
 * modifier would take that key from every other app.
 */
export function acceleratorProblem(accelerator: string): string | null {
  const parts = accelerator.split('+').map((part) => part.trim());
  if (parts.some((part) => part === '')) {
    return `"${accelerator}" has an empty part: write keys joined by "+", and "Plus" for the + key.`;
  }
  const key = parts[parts.length - 1] as string;
  const modifiers = parts.slice(0, -1);
  if (MODIFIERS.has(key.toLowerCase()))
    return `"${accelerator}" has no key: end it with one, as in CmdOrCtrl+Shift+H.`;
  if (!isKey(key))
    return `"${key}" is not a key Electron knows: use a letter, a digit, F1-F24 or a named key.`;
  const unknown = modifiers.find((modifier) => !MODIFIERS.has(modifier.toLowerCase()));
  if (unknown !== undefined) return `"${unknown}" is not a modifier: use CmdOrCtrl, Alt, Shift or Super.`;
  if (modifiers.length === 0) {
    return `A global shortcut needs a modifier, as in CmdOrCtrl+Shift+${key}: "${key}" alone would stop working in every other app.`;
  }
  if (new Set(modifiers.map((modifier) => modifier.toLowerCase())).size !== modifiers.length) {
    return `"${accelerator}" repeats a modifier.`;
  }
  return null;
}

/**
 * The global shortcut that opens the popover. Applying a new one registers it before letting go of
 * the old, so a shortcut that is taken or mistyped leaves the working one in place and says why.
 */
export class ShortcutBinding {
  private current: string | null = null;

  constructor(
    private readonly port: ShortcutPort,
    private readonly onPress: () => void,
  ) {}

  /** The shortcut registered now, or null. */
  get active(): string | null {
    return this.current;
  }

  /** Makes `accelerator` the shortcut (null or "" removes it). */
  apply(accelerator: string | null): ShortcutOutcome {
    const wanted = accelerator?.trim() || null;
    // Electron reads accelerators without regard to case: "ctrl+h" is the Ctrl+H already held.
    if (wanted?.toLowerCase() === this.current?.toLowerCase()) {
      return this.outcome(
        true,
        wanted ? `${this.current} opens Headcount from any app.` : 'No global shortcut.',
      );
    }
    if (wanted === null) {
      this.clear();
      return this.outcome(true, 'No global shortcut.');
    }
    const problem = acceleratorProblem(wanted);
    if (problem) return this.outcome(false, `${problem}${this.keeping()}`);
    if (!this.port.register(wanted, this.onPress)) {
      return this.outcome(
        false,
        `${wanted} is already used by another app or by the system: pick another.${this.keeping()}`,
      );
    }
    if (this.current) this.port.unregister(this.current);
    this.current = wanted;
    return this.outcome(true, `${wanted} opens Headcount from any app.`);
  }

  /** Lets go of the shortcut (on quit, or when it is turned off). */
  clear(): void {
    if (this.current) this.port.unregister(this.current);
    this.current = null;
  }

  private keeping(): string {
    return this.current ? ` ${this.current} still opens Headcount.` : '';
  }

  private outcome(ok: boolean, message: string): ShortcutOutcome {
    return { ok, active: this.current, message };
  }
}
