import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../core/config-error';
import type { PushTarget } from '../../core/push/push-target';
import type { Settings } from '../../core/settings/settings-schema';
import { fixedOverlay } from '../../service/overlay-control';
import { loadOverlayAssets } from '../overlay/overlay-assets';
import { createOverlayRoutes } from '../overlay/overlay-routes';
import { chooseOverlayToken } from '../overlay/overlay-token';
import { secretFromEnv } from '../secret-file';
import { SERVE_DEMO_SETTINGS } from '../serve/demo-settings';
import { createHeadlessService } from '../serve/headless-service';
import { metricsTokenFrom } from '../serve/metrics-token';
import { createServeMetrics } from '../serve/serve-metrics';
import { credentialProfile, refuseDemoExtras, serveRoomIds } from '../serve/serve-profile';
import { announce, reportRejectedCredentials, untilStopped } from '../serve/serve-terminal';
import { chooseToken, isLoopbackHost } from '../serve/serve-token';
import { startWebServer } from '../serve/web-server';
import { openSettingsStore, type SettingsStore } from '../settings-store';
import { CREDENTIAL_OPTIONS, checkGroupIds, credentialFlags, parseCommand } from './options';
import { PUSH_HELP, PUSH_OPTIONS, pushFlag, pushTargetsFor, quotaWarning } from './push-flags';
import { tellStorage } from './storage-news';
import { terminalText } from './terminal-text';
import { watchTiming } from './watch';

/** The port the dashboard listens on unless told otherwise. */
export const DEFAULT_SERVE_PORT = 9420;

/** `headcount serve --help`; its first line is the command's line in `headcount --help`. */
export const SERVE_HELP = `Usage: headcount serve [<groupId>...] [--groups-file F] [--host 127.0.0.1] [--port N]
                       [--token T] [--allow-host NAME] [--interval S] [--max-rate N] [--config F]
                       [--notify] [--demo]
                       [--push group-attr|group-counter|message [--push-key K] [--yes-i-know-the-quota]]

Watches rooms like watch, and serves the dashboard (the popover's page, for a browser) and
/metrics for Prometheus. Prints the dashboard's link, with its token, once it is ready. Takes the
same rooms, credentials and options as watch; with no rooms, add them from the dashboard (they
are watched for this run only). --demo serves the built-in show, with no account.

Listens on 127.0.0.1 (--host), port ${DEFAULT_SERVE_PORT} (--port; 0 picks a free one). Every
request needs the token: a random one per run, or HEADCOUNT_SERVE_TOKEN / --token (at least 16
characters and hard to guess), which listening on any address but loopback requires.
HEADCOUNT_METRICS_TOKEN sets a token that opens /metrics only, sent as a bearer token. Each
HEADCOUNT_*_TOKEN may instead be read from the file HEADCOUNT_*_TOKEN_FILE names. A request must
name the server as it listens (loopback names, or this machine's addresses for 0.0.0.0);
--allow-host adds a name, such as a proxy's (repeat it, or separate names with commas). Stops on
Ctrl-C or SIGTERM.

With HEADCOUNT_OVERLAY_TOKEN set (at least 16 characters, hard to guess, neither of the other
tokens), it also serves the OBS overlay, /overlay?room=<groupId>&token=<overlay token>, and prints
its link: that token opens overlay pages and nothing else.

${PUSH_HELP} The dashboard's room view turns it on and off for one room.`;

/** The flags of `headcount serve`: those of watch that apply, and where and how to serve. */
export const SERVE_OPTIONS = {
  ...CREDENTIAL_OPTIONS,
  'groups-file': { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  interval: { type: 'string' },
  'max-rate': { type: 'string' },
  config: { type: 'string' },
  notify: { type: 'boolean' },
  demo: { type: 'boolean' },
  ...PUSH_OPTIONS,
} as const;

/**
 * `headcount serve`: the engine, the web dashboard and /metrics, until Ctrl-C or SIGTERM. The page
 * is served from `pageRoot`, the built renderer beside the CLI's entry (which says where it is: this
 * module may be a chunk of the build, in a folder of its own).
 */
export async function runServe(args: string[], pageRoot: string): Promise<number> {
  const { values, positionals } = parseCommand(args, SERVE_OPTIONS, 'serve');
  if (values.help) {
    process.stdout.write(`${SERVE_HELP}\n`);
    return 0;
  }
  const push = pushFlag(values);
  const host = values.host ?? '127.0.0.1';
  const port = portFlag(values.port);
  const token = chooseToken(
    host,
    values.token ?? secretFromEnv(process.env, 'HEADCOUNT_SERVE_TOKEN', 'dashboard token'),
  );
  const metricsToken = metricsTokenFrom(process.env, token);
  const overlayToken = chooseOverlayToken(process.env, { token, metricsToken });
  if (!existsSync(join(pageRoot, 'index.html'))) {
    throw new ConfigError(`The dashboard page is missing from ${pageRoot}: run npm run build first.`);
  }
  const rooms = { positionals, groupsFile: values['groups-file'] };
  const flags = credentialFlags(values);
  const demo = values.demo === true;
  if (demo) refuseDemoExtras(rooms, flags);
  if (demo && push)
    throw new ConfigError("--demo shows its own room's count to viewers: give no --push with it.");
  // The demo's alerts and snoozes go to a folder of their own, never to the user's settings.
  const store = demo
    ? openSettingsStore(join(mkdtempSync(join(tmpdir(), 'headcount-serve-demo-')), 'config.json'))
    : openSettingsStore(values.config, { watch: true });
  try {
    const settings: Settings = demo ? SERVE_DEMO_SETTINGS : store.read();
    const seeded = demo ? null : seedProfile(values, settings, rooms);
    const pushes = pushTargetsFor(seeded?.profile.rooms.map((room) => room.groupId) ?? [], {}, push);
    const fromFile = pushTargetsFor(Object.keys(settings.rooms ?? {}), settings, null);
    const warning = quotaWarning(new Map([...fromFile, ...pushes]));
    if (warning) process.stderr.write(`headcount: warning: ${warning}\n`);
    return await serve({
      store,
      settings,
      seeded,
      pushes,
      host,
      port,
      token,
      metricsToken,
      overlayToken,
      pageRoot,
      notify: values.notify === true,
      allowHosts: (values['allow-host'] ?? [])
        .flatMap((names) => names.split(','))
        .map((name) => name.trim()),
    });
  } finally {
    store.close();
  }
}

/** The app profile from the credentials, with the rooms and polling the command names. */
function seedProfile(
  values: { interval?: string; 'max-rate'?: string } & Record<string, unknown>,
  settings: Settings,
  rooms: { positionals: string[]; groupsFile?: string | undefined },
) {
  const groupIds = serveRoomIds(rooms, settings);
  checkGroupIds(groupIds);
  const { intervalMs, maxRate } = watchTiming({ interval: values.interval, 'max-rate': values['max-rate'] });
  const seeded = credentialProfile({
    flags: credentialFlags(values),
    env: process.env,
    settings,
    groupIds,
    intervalMs,
    maxRate,
  });
  for (const note of seeded.notes) process.stderr.write(`headcount: note: ${note}\n`);
  return seeded;
}

async function serve(run: {
  store: SettingsStore;
  settings: Settings;
  seeded: ReturnType<typeof seedProfile> | null;
  pushes: ReadonlyMap<string, PushTarget>;
  host: string;
  port: number;
  token: string;
  metricsToken: string | null;
  overlayToken: string | null;
  pageRoot: string;
  notify: boolean;
  allowHosts: string[];
}): Promise<number> {
  const stopped = untilStopped();
  const metrics = createServeMetrics();
  const overlayAssets = await loadOverlayAssets(run.pageRoot);
  const headless = await createHeadlessService({
    store: run.store,
    settings: run.settings,
    seed: run.seeded,
    ca: run.seeded?.ca,
    notify: run.notify,
    metrics,
    overlay: fixedOverlay(run.overlayToken),
    pushOverrides: run.pushes,
  });
  try {
    // Said in the terminal too: whoever runs a server reads its log more than its dashboard.
    for (const notice of headless.notices)
      process.stderr.write(`headcount: warning: ${terminalText(notice)}\n`);
    tellStorage(headless.health);
    reportRejectedCredentials(headless.service);
    await headless.service.start();
    const web = await startWebServer({
      api: headless.service,
      token: run.token,
      metricsToken: run.metricsToken,
      host: run.host,
      port: run.port,
      pageRoot: run.pageRoot,
      metrics: () => metrics.render(),
      acceptsSecretKeys: isLoopbackHost(run.host),
      overlay: createOverlayRoutes({
        api: headless.service,
        token: () => run.overlayToken,
        assets: overlayAssets,
        // The dashboard shows a preview of the overlay in a frame.
        frameAncestors: ["'self'"],
        offHint:
          'The OBS overlay is off: start headcount serve with HEADCOUNT_OVERLAY_TOKEN set (at least 16 characters).',
      }),
      allowHosts: run.allowHosts.filter(Boolean),
    });
    const firstRoom = (await headless.service.getSnapshot()).rooms[0]?.groupId ?? null;
    announce({
      host: run.host,
      port: web.port,
      token: run.token,
      demo: run.seeded === null,
      metricsToken: run.metricsToken !== null,
      overlay: run.overlayToken === null ? null : { token: run.overlayToken, groupId: firstRoom },
    });
    await stopped;
    await web.close();
    return 0;
  } finally {
    await headless.close();
  }
}

function portFlag(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SERVE_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new ConfigError(`--port takes a port number from 0 to 65535 (got "${value}"); 0 picks a free one.`);
  }
  return port;
}
