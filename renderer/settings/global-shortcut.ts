/**
 * The global shortcut field read as an Electron accelerator, with the grammar the engine checks
 * again when the setting arrives. Pure, so tested without a browser.
 */
import { type AcceleratorFault, acceleratorFault } from '../../main/common/accelerator';

/** The field's text as the setting: trimmed, empty for no shortcut, or what is wrong with it. */
export function shortcutFrom(text: string): { shortcut: string | null } | { fault: AcceleratorFault } {
  const wanted = text.trim();
  if (wanted === '') return { shortcut: null };
  const fault = acceleratorFault(wanted);
  return fault ? { fault } : { shortcut: wanted };
}
