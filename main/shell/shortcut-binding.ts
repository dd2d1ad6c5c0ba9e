import { acceleratorProblem } from '../common/accelerator';

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
