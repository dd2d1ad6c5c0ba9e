import { join } from 'node:path';

/** What the app knows about where it runs, for launching at login. */
export interface LoginEnvironment {
  platform: string;
  /** `process.execPath`: the app's executable. */
  execPath: string;
  /** `process.env.APPIMAGE`: the AppImage file when running from one (execPath is inside its mount). */
  appImage?: string | undefined;
  /** The user's home folder. */
  home: string;
  /** `process.env.XDG_CONFIG_HOME`, when set. */
  xdgConfigHome?: string | undefined;
}

/**
 * How to make the app start (or stop starting) at login: macOS and Windows through
 * `app.setLoginItemSettings`; Linux, where Electron has no login items, through an XDG autostart
 * entry (`contents` null removes it).
 */
export type LoginItemPlan =
  | { kind: 'login-item'; openAtLogin: boolean }
  | { kind: 'autostart-file'; path: string; contents: string | null };

/** Quotes one argument of a desktop entry's Exec key (Desktop Entry Specification, "The Exec key"). */
export function quoteExecArgument(arg: string): string {
  const escaped = arg.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(escaped)) return escaped;
  return `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The autostart desktop entry that runs `exec` at login. */
export function autostartEntry(exec: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Headcount',
    'Comment=Online counts of live-stream rooms',
    `Exec=${exec.map(quoteExecArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The plan that makes launching at login match `enabled`. */
export function loginItemPlan(enabled: boolean, env: LoginEnvironment): LoginItemPlan {
  if (env.platform !== 'linux') return { kind: 'login-item', openAtLogin: enabled };
  const configHome = env.xdgConfigHome || join(env.home, '.config');
  return {
    kind: 'autostart-file',
    path: join(configHome, 'autostart', 'headcount.desktop'),
    contents: enabled ? autostartEntry([env.appImage || env.execPath]) : null,
  };
}
