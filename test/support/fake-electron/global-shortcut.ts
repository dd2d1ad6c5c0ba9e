/** `globalShortcut`: what is registered, and accelerators held by other apps (registering those fails). */

export const globalShortcut = {
  registered: new Map<string, () => void>(),
  /** Accelerators some other app holds. */
  takenElsewhere: new Set<string>(),

  register(accelerator: string, callback: () => void): boolean {
    // Electron throws on an accelerator it cannot parse.
    if (accelerator.includes('++') || accelerator.endsWith('+'))
      throw new Error(`Failed to parse accelerator: ${accelerator}`);
    if (globalShortcut.takenElsewhere.has(accelerator) || globalShortcut.registered.has(accelerator))
      return false;
    globalShortcut.registered.set(accelerator, callback);
    return true;
  },

  unregister(accelerator: string): void {
    globalShortcut.registered.delete(accelerator);
  },

  isRegistered(accelerator: string): boolean {
    return globalShortcut.registered.has(accelerator);
  },

  /** Test helper: the user presses `accelerator`. */
  press(accelerator: string): void {
    globalShortcut.registered.get(accelerator)?.();
  },

  reset(): void {
    globalShortcut.registered.clear();
    globalShortcut.takenElsewhere.clear();
  },
};
