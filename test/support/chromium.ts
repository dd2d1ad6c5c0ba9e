/**
 * Debian's Chromium as the tests, the end-to-end tests and the UI benchmark launch it: headless, with
 * nothing running in the background (this machine's network is closed, and background requests
 * would fail at every start). Also what every page test checks on its page: what went wrong in it,
 * and axe's serious findings.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

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

/**
 * Collects what goes wrong in `page` from now on: errors it throws, errors it logs and, with
 * `httpErrors`, the answers of 400 and above it gets. A test ends by expecting none.
 */
export function watchProblems(page: Page, options: { httpErrors?: boolean } = {}): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  if (options.httpErrors) {
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
  }
  page.on('console', (message) => {
    // The page's <meta> CSP repeats frame-ancestors, which only a header (Electron and serve send it) can carry.
    if (message.type() === 'error' && !message.text().includes("'frame-ancestors' is ignored"))
      problems.push(message.text());
  });
  return problems;
}

const axeSource = readFileSync(
  resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);

/** Axe findings on the page as it is now that are serious or critical, as "rule: target" lines. */
export async function seriousFindings(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate('axe.run().then((result) => result.violations)')) as Array<{
    id: string;
    impact: string | null;
    nodes: Array<{ target: string[] }>;
  }>;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}
