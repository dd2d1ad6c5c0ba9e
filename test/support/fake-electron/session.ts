/** `session.defaultSession`: the permission handlers installed, and helpers that ask them as a page would. */

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DeviceHandler = (details: unknown) => boolean;

export class Session {
  permissionRequestHandler: RequestHandler | null = null;
  permissionCheckHandler: CheckHandler | null = null;
  devicePermissionHandler: DeviceHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DeviceHandler | null): void {
    this.devicePermissionHandler = handler;
  }

  /** Test helper: a page requests `permission`; Electron grants it when no handler is set. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler({}, permission, resolve, { requestingUrl: 'app://headcount/' }));
  }

  /** Test helper: a page checks `permission`; Electron allows it when no handler is set. */
  checkPermission(permission: string): boolean {
    return this.permissionCheckHandler
      ? this.permissionCheckHandler(null, permission, 'app://headcount', {})
      : true;
  }

  /** Test helper: a page asks for a device (HID, serial, USB). */
  checkDevice(): boolean {
    return this.devicePermissionHandler ? this.devicePermissionHandler({ deviceType: 'hid' }) : true;
  }
}

export const session = {
  defaultSession: new Session(),
  reset(): void {
    session.defaultSession = new Session();
  },
};
