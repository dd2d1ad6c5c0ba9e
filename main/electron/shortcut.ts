import { app, globalShortcut } from 'electron';
import { ShortcutBinding } from '../shell/shortcut-binding';

/**
 * The global shortcut that opens the popover. The wiring calls `apply(accelerator)` with the
 * setting at start and whenever it changes, and shows the outcome's message in settings; the
 * shortcut is released when the app quits.
 */
export function createGlobalShortcut(onPress: () => void): ShortcutBinding {
  const binding = new ShortcutBinding(
    {
      register(accelerator, callback) {
        try {
          return globalShortcut.register(accelerator, callback);
        } catch {
          // Electron throws on an accelerator it cannot parse; the binding reports it like a taken one.
          return false;
        }
      },
      unregister: (accelerator) => globalShortcut.unregister(accelerator),
    },
    onPress,
  );
  app.on('will-quit', () => binding.clear());
  return binding;
}
