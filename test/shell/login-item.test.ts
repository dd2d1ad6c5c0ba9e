import { describe, expect, it } from 'vitest';
import { autostartEntry, loginItemPlan, quoteExecArgument } from '../../main/shell/login-item';

const env = { execPath: '/opt/Headcount/headcount', home: '/home/ana' };

describe('loginItemPlan', () => {
  it('uses login items on macOS and Windows', () => {
    expect(loginItemPlan(true, { ...env, platform: 'darwin' })).toEqual({
      kind: 'login-item',
      openAtLogin: true,
    });
    expect(loginItemPlan(false, { ...env, platform: 'win32' })).toEqual({
      kind: 'login-item',
      openAtLogin: false,
    });
  });

  it('writes an XDG autostart entry on Linux, and removes it when turned off', () => {
    const on = loginItemPlan(true, { ...env, platform: 'linux' });
    expect(on).toMatchObject({
      kind: 'autostart-file',
      path: '/home/ana/.config/autostart/headcount.desktop',
    });
    expect(on.kind === 'autostart-file' && on.contents).toContain('Exec=/opt/Headcount/headcount\n');
    expect(loginItemPlan(false, { ...env, platform: 'linux' })).toEqual({
      kind: 'autostart-file',
      path: '/home/ana/.config/autostart/headcount.desktop',
      contents: null,
    });
  });

  it('starts the AppImage itself, not the copy mounted for this run, and honours XDG_CONFIG_HOME', () => {
    const plan = loginItemPlan(true, {
      ...env,
      platform: 'linux',
      execPath: '/tmp/.mount_HeadcXYZ/headcount',
      appImage: '/home/ana/Apps/Headcount 1.0.AppImage',
      xdgConfigHome: '/home/ana/.cfg',
    });
    expect(plan).toMatchObject({ path: '/home/ana/.cfg/autostart/headcount.desktop' });
    expect(plan.kind === 'autostart-file' && plan.contents).toContain(
      'Exec="/home/ana/Apps/Headcount 1.0.AppImage"\n',
    );
  });
});

describe('desktop entry Exec quoting', () => {
  it('quotes and escapes what the specification reserves', () => {
    expect(quoteExecArgument('/usr/bin/headcount')).toBe('/usr/bin/headcount');
    expect(quoteExecArgument('/a b/c')).toBe('"/a b/c"');
    expect(quoteExecArgument('/a"$`\\b')).toBe('"/a\\"\\$\\`\\\\b"');
    expect(quoteExecArgument('/50%/x')).toBe('/50%%/x');
  });

  it('is a complete entry', () => {
    expect(autostartEntry(['/usr/bin/headcount'])).toBe(
      '[Desktop Entry]\nType=Application\nName=Headcount\nComment=Online counts of live-stream rooms\n' +
        'Exec=/usr/bin/headcount\nTerminal=false\nX-GNOME-Autostart-enabled=true\n',
    );
  });
});
