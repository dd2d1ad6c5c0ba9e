/**
 * The profile methods' edges a user meets: a real profile may take the demo's label, weak key storage
 * only when asked, the demo back once the last profile goes, a form that is not valid answered in
 * words by "Test connection", and the shortcut in use in the settings.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../main/contract/monitor-api';
import { AlertLog } from '../../main/core/alerts/alert-log';
import { nodeFilePort } from '../../main/node/file-port';
import { startDemoProfile } from '../../main/node/profile-engine';
import type { EditableSettings } from '../../main/service/settings-edit';
import { startSimulator } from '../../main/simulator';
import { alertsFrom, firstSettings, MemoryKeys, MemoryProfiles, serviceOver } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

/** Keys kept in memory, noting how each was asked to be kept. */
class NotingKeys extends MemoryKeys {
  readonly asked: Array<{ id: string; allowWeakStorage: boolean | undefined }> = [];
  override saveKey = async (id: string, key: string, options?: { allowWeakStorage?: boolean }) => {
    this.asked.push({ id, allowWeakStorage: options?.allowWeakStorage });
    this.keys.set(id, key);
    return 'protected' as const;
  };
}

async function profileInput(label: string): Promise<ProfileInput> {
  const sim = started(
    await startSimulator({ rooms: [{ groupId: '@TGS#a', audience: { kind: 'fixed', online: 10 } }] }),
  );
  return {
    label,
    sdkAppId: sim.credentials.sdkAppId,
    identifier: sim.credentials.identifier,
    endpoint: sim.baseUrl,
    secretKey: sim.credentials.secretKey,
  };
}

function setup(more: Parameters<typeof serviceOver>[2] = {}) {
  const keys = new NotingKeys();
  const service = started(serviceOver(new MemoryProfiles(), keys, { startDemo: startDemoProfile, ...more }));
  return { service, keys };
}

describe('the profile methods at their edges', () => {
  it("lets the first real profile take the demo's label, and refuses a second profile with a label in use", async () => {
    const { service } = setup();
    await service.start();
    expect((await service.getSnapshot()).profiles.map((profile) => profile.label)).toEqual(['Demo']);
    const saved = await service.saveProfile(await profileInput('Demo'));
    expect(saved).toMatchObject({ label: 'Demo', state: 'running' });
    await expect(service.saveProfile(await profileInput('Demo'))).rejects.toThrow(/Demo/);
  });

  it('keeps a key under weak protection only when the form asked for it', async () => {
    const { service, keys } = setup();
    await service.start();
    const first = await service.saveProfile(await profileInput('Events'));
    const second = await service.saveProfile({ ...(await profileInput('Shop')), allowWeakStorage: true });
    expect(keys.asked).toEqual([
      { id: first.id, allowWeakStorage: false },
      { id: second.id, allowWeakStorage: true },
    ]);
  });

  it('plays the demo again once the last profile is removed, and not while one is left', async () => {
    const { service } = setup();
    await service.start();
    const first = await service.saveProfile(await profileInput('Events'));
    const second = await service.saveProfile(await profileInput('Shop'));
    await service.removeProfile(first.id);
    let snapshot = await service.getSnapshot();
    expect(snapshot.demo).toBe(false);
    expect(snapshot.profiles.map((profile) => profile.label)).toEqual(['Shop']);
    await service.removeProfile(second.id);
    snapshot = await service.getSnapshot();
    expect(snapshot.demo).toBe(true);
    expect(snapshot.profiles.map((profile) => profile.label)).toEqual(['Demo']);
  });

  it('answers a form that is not valid with what is wrong, not a passed test', async () => {
    const { service } = setup();
    const { endpoint: _endpoint, ...input } = await profileInput('Events');
    const answer = await service.testConnection({ ...input, region: 'atlantis' });
    expect(answer).toEqual({ ok: false, message: expect.stringMatching(/^Unknown region "atlantis"/) });
  });

  it('says in the settings which shortcut is in use, only where the app has one', async () => {
    const withShortcut = setup({ activeShortcut: () => 'CommandOrControl+Alt+H' });
    expect(await withShortcut.service.getSettings()).toMatchObject({
      activeShortcut: 'CommandOrControl+Alt+H',
    });
    const headless = setup();
    expect(await headless.service.getSettings()).not.toHaveProperty('activeShortcut');
  });

  it('builds the alert pipelines again when rules, webhooks or quiet hours change, and not for the look of the app', async () => {
    const folder = started(await mkdtemp(join(tmpdir(), 'headcount-settings-edges-')));
    const log = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
    let kept: EditableSettings = firstSettings();
    let built = 0;
    const { service } = setup({
      settings: {
        read: () => kept,
        write: (next) => {
          kept = next;
        },
      },
      alerts: (profile, onAlert) => {
        built++;
        return alertsFrom(log, () => ({ rules: kept.rules }))(profile, onAlert);
      },
    });
    await service.start();
    await service.saveProfile(await profileInput('Events'));
    const rebuilds = async (patch: Parameters<typeof service.updateSettings>[0]) => {
      const before = built;
      await service.updateSettings(patch);
      return built - before;
    };
    expect(await rebuilds({ quietHours: { start: '23:00', end: '07:00' } })).toBe(1);
    expect(await rebuilds({ quietHours: null })).toBe(1);
    expect(await rebuilds({ webhooks: [] })).toBe(1);
    expect(await rebuilds({ rules: { above: { threshold: 10 } } })).toBe(1);
    expect(await rebuilds({ app: { theme: 'dark' } })).toBe(0);
  });
});
