import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { loadConfig } from 'app-builder-lib/out/util/config/load';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePng, readIco } from '../shell/decode-png';

const ROOT = process.cwd();

let config: Configuration;
let validate: (data: unknown) => boolean;
let errors: () => unknown;

beforeAll(async () => {
  // Read the way electron-builder reads it: its own loader finds and parses electron-builder.yml.
  const loaded = await loadConfig<Configuration>({
    packageKey: 'build',
    configFilename: 'electron-builder',
    projectDir: ROOT,
    packageMetadata: null,
  });
  if (!loaded) throw new Error('electron-builder found no configuration');
  expect(loaded.configFile).toBe(join(ROOT, 'electron-builder.yml'));
  config = loaded.result;
  const scheme = JSON.parse(await readFile(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
  // No type coercion (electron-builder's own check coerces): "true" for a boolean is an error here.
  const compiled = new Ajv({ allErrors: true, strict: false }).compile(scheme);
  validate = (data) => compiled(data);
  errors = () => compiled.errors;
});

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own schema', () => {
    const valid = validate(config);
    expect(errors()).toBeNull();
    expect(valid).toBe(true);
  });

  it('is checked for real: a misspelt fuse or a string for a boolean is refused', () => {
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntime: 'yes' } })).toBe(false);
  });

  it('sets the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('makes a tray-only, hardened macOS app in a dmg and a zip', () => {
    expect(config.appId).toBe('com.headcount.tray');
    expect(config.productName).toBe('Headcount');
    expect(config.mac?.extendInfo).toEqual({ LSUIElement: true });
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBeTruthy();
  });

  it('packs only the build output', () => {
    expect(config.files).toEqual([
      'package.json',
      'dist/electron/**',
      'dist/renderer/**',
      '!**/node_modules/node-notifier/vendor/**',
    ]);
    expect(config.directories?.output).toBe('release');
  });

  it('points at icons that exist in the sizes each packager needs', async () => {
    const mac = decodePng(await readFile(join(ROOT, String(config.mac?.icon))));
    expect([mac.width, mac.height]).toEqual([1024, 1024]);
    const win = readIco(await readFile(join(ROOT, String(config.win?.icon))));
    expect(win.some((entry) => entry.width === 256)).toBe(true);
    const linuxDir = join(ROOT, String(config.linux?.icon));
    const linux = await readdir(linuxDir);
    for (const name of linux) {
      const size = Number(name.split('x')[0]);
      expect(decodePng(await readFile(join(linuxDir, name))).width, name).toBe(size);
    }
    expect(linux).toContain('512x512.png');
  });

  it('ships the tray images where the tray looks for them', async () => {
    expect(config.extraResources).toEqual([{ from: 'assets/tray', to: 'tray' }]);
    for (const os of ['mac', 'win', 'linux'])
      expect((await stat(join(ROOT, 'assets/tray', os))).isDirectory()).toBe(true);
  });
});
