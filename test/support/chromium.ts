/**
 * Debian's Chromium as the tests, the end-to-end tests and the UI benchmark launch it: headless, with
 * nothing running in the background (this machine's network is closed, and background requests
 * would fail at every start).
 */
import { type Browser, chromium } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
