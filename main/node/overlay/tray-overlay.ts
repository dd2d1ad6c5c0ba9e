import type { MonitorApi } from '../../contract/monitor-api';
import type { OverlayChange, OverlayProblem, OverlayView } from '../../contract/overlay-api';
import type { AppSettingsAccess } from '../../core/settings/app-settings-vault';
import type { OverlayControl } from '../../service/overlay-control';
import { randomToken } from '../serve/serve-token';
import { loadOverlayAssets } from './overlay-assets';
import { createOverlayRoutes, type OverlayRoutes } from './overlay-routes';
import {
  OVERLAY_HOST,
  OverlayPortInUse,
  type RunningOverlayServer,
  startOverlayServer,
} from './overlay-server';

/** The overlay's part of the tray app's settings. */
export interface OverlaySettings {
  on: boolean;
  port: number;
  token?: string | undefined;
}

/** Where the tray app keeps them: its settings file. */
export interface OverlaySettingsPort {
  read(): OverlaySettings;
  write(settings: OverlaySettings): void;
}

/** The `overlay` section of the tray app's settings file as the overlay's settings. */
export function overlaySettingsIn(settings: AppSettingsAccess): OverlaySettingsPort {
  return {
    read: () => settings.read().overlay,
    write: (overlay) => settings.update((current) => ({ ...current, overlay })),
  };
}

export interface TrayOverlayOptions {
  settings: OverlaySettingsPort;
  /** The service the pages follow (asked for once the server first starts). */
  api: () => Pick<MonitorApi, 'getSnapshot' | 'onPush'>;
  /** The built renderer folder, with overlay.js and overlay.css. */
  pageRoot: string;
  /** Who may frame the pages: the popover, for its preview. */
  frameAncestors: readonly string[];
  newToken?: () => string;
}

/**
 * The tray app's OBS overlay: a loopback server started only while the streamer has it on, on the
 * port of the settings (9421 unless they chose another), behind a token kept in the settings so the
 * link pasted into OBS works after a restart. "Make a new link" replaces the token and ends the
 * streams opened with the old one. Changes are applied one at a time, in order.
 */
export class TrayOverlay implements OverlayControl {
  private server: RunningOverlayServer | null = null;
  private routes: OverlayRoutes | null = null;
  private problem: OverlayProblem | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TrayOverlayOptions) {}

  /** Starts the server when the settings say it was on. */
  start(): Promise<OverlayView> {
    return this.serially(() => this.apply());
  }

  view(): Promise<OverlayView> {
    return this.serially(async () => this.current());
  }

  change(change: OverlayChange): Promise<OverlayView> {
    return this.serially(async () => {
      const settings = { ...this.options.settings.read() };
      if (change.port !== undefined) settings.port = change.port;
      if (change.on !== undefined) settings.on = change.on;
      const newLink = change.newLink === true || (settings.on && settings.token === undefined);
      if (newLink) settings.token = (this.options.newToken ?? randomToken)();
      this.options.settings.write(settings);
      // Streams opened with the old token stop now; their pages are refused when they come back.
      if (newLink) this.routes?.endStreams();
      return this.apply();
    });
  }

  /** Stops the server for good (the app is quitting). */
  stop(): Promise<void> {
    return this.serially(async () => {
      await this.server?.close();
      this.server = null;
      this.routes?.close();
      this.routes = null;
    });
  }

  /** Brings the server in line with the settings: running on their port while on, else stopped. */
  private async apply(): Promise<OverlayView> {
    const { on, port } = this.options.settings.read();
    if (this.server && (!on || this.server.port !== port)) {
      await this.server.close();
      this.server = null;
    }
    this.problem = null;
    if (on && !this.server) {
      try {
        this.routes ??= await this.openRoutes();
        this.server = await startOverlayServer(this.routes, port);
      } catch (error) {
        this.problem =
          error instanceof OverlayPortInUse
            ? { kind: 'port-in-use', port }
            : { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    }
    return this.current();
  }

  private async openRoutes(): Promise<OverlayRoutes> {
    return createOverlayRoutes({
      api: this.options.api(),
      token: () => this.options.settings.read().token ?? null,
      assets: await loadOverlayAssets(this.options.pageRoot),
      frameAncestors: this.options.frameAncestors,
      offHint: 'The OBS overlay is off: turn it on in Headcount, in the room view.',
    });
  }

  private current(): OverlayView {
    const { on, port, token } = this.options.settings.read();
    const served = this.server !== null;
    return {
      switchable: true,
      on,
      origin: served ? `http://${OVERLAY_HOST}:${this.server?.port}` : null,
      token: token ?? null,
      port,
      problem: this.problem,
    };
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => {});
    return next;
  }
}
