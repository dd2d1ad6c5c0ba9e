/**
 * What a cold opening's first rows would take if `serve` wrote them into the page's HTML, measured
 * live: the real `serve` polling 2,000 rooms of the simulator, and a pass-through proxy of the
 * bench's own in front of it that answers each load of the dashboard page in one of three ways.
 * - `as-served`: serve's answer as it comes (the page draws its rows with its script).
 * - `after-snapshot`: serve's answer held until it has all come (its snapshot made and sent), then
 *   sent with the view's first screen in place of the placeholder rows: what serve could send once it
 *   has the rooms in hand.
 * - `at-once`: the first screen sent with the page's head, before serve has made the snapshot: the
 *   best any server-drawn page could do.
 * The first screen is the page's own markup at its first drawn frame (`#app`, taken once per view
 * from a load of this build), so the browser has the same lines, tiles and header to parse, style and
 * paint as the page draws itself; the page's script still runs after, as it would. The page's CSP
 * lets its script set styles but refuses style attributes in markup, which place the table's lines
 * and the wall's tiles: the proxy adds `style-src-attr 'unsafe-inline'` in the two server-drawn
 * variants, so they are laid out as the page lays them (a server-drawn page would have to place them
 * by classes instead). Every variant goes through the proxy, so each pays the same extra hop.
 *
 *   node dist/bench/first-look.bench.js
 *
 * BENCH_LOADS loads per view and variant (default 20), variants in turns; BENCH_CLI another build.
 * Prints the figures and writes bench/results/first-look.json (BENCH_OUT: another file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { timings } from './distribution';
import { everyRoomLive, startServeStack } from './serve-stack';
import { firstFrameProbe, lookPage, PAGE_VIEWS as VIEWS, type PageView as View } from './wide-view-page';

const ROOMS = 2000;
const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const SIGNAL = 'first-look: first frame';

const VARIANTS = ['as-served', 'after-snapshot', 'at-once'] as const;
type Variant = (typeof VARIANTS)[number];

/** The page's placeholder, which the first screen takes the place of. */
const PLACEHOLDER = /<main id="app">[\s\S]*?<\/main>/;

const loadAtStart = loadavg()[0] as number;
const stack = await startServeStack({ cli: process.env.BENCH_CLI ?? 'dist/headcount.js', rooms: ROOMS });
await everyRoomLive(stack.link, stack.token, ROOMS);
const upstream = new URL(stack.link);

/** Each view's first screen, and the variant and view of the page load in progress. */
const screens = new Map<View, string>();
let serving: { variant: Variant; view: View } = { variant: 'as-served', view: 'table' };

/** The server-drawn variants' CSP: style attributes allowed, so the markup's own places hold. */
const withStyleAttributes = (policy: string) => `${policy}; style-src-attr 'unsafe-inline'`;

function proxy(incoming: IncomingMessage, outgoing: ServerResponse): void {
  const isPage = new URL(incoming.url ?? '/', upstream).pathname === '/';
  const { variant, view } = serving;
  const onward = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      path: incoming.url,
      method: incoming.method,
      headers: incoming.headers,
    },
    (answer) => {
      const screen = screens.get(view);
      if (!isPage || variant === 'as-served' || screen === undefined || answer.statusCode !== 200) {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        return;
      }
      const headers = { ...answer.headers };
      headers['content-security-policy'] = withStyleAttributes(String(headers['content-security-policy']));
      delete headers['content-length'];
      outgoing.writeHead(200, headers);
      const drawn = (text: string) =>
        text
          .replace(PLACEHOLDER, () => screen)
          .replace(
            /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)/,
            (_all, open: string, policy: string) => `${open}${withStyleAttributes(policy)}`,
          );
      let text = '';
      let sent = false;
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        if (sent) {
          outgoing.write(chunk);
          return;
        }
        text += chunk;
        // At once: as soon as the placeholder has come, which serve sends before it makes the snapshot.
        if (variant === 'at-once' && PLACEHOLDER.test(text)) {
          outgoing.write(drawn(text));
          sent = true;
        }
      });
      answer.on('end', () => outgoing.end(sent ? undefined : drawn(text)));
    },
  );
  onward.on('error', () => outgoing.destroy());
  incoming.pipe(onward);
}

const front = createServer(proxy);
await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
const link = `http://127.0.0.1:${(front.address() as AddressInfo).port}/${upstream.search}`;

async function open(browser: Browser, view: View): Promise<{ firstFrame: number; screen: string }> {
  const { first, ...look } = VIEWS[view];
  const { context, page, drawn } = await lookPage(
    browser,
    look,
    firstFrameProbe(first, SIGNAL, { keepScreen: true }),
    SIGNAL,
  );
  try {
    await page.goto(link);
    await drawn;
    const [firstFrame, screen] = (await page.evaluate('[window.__firstFrame, window.__firstScreen]')) as [
      number,
      string,
    ];
    return { firstFrame, screen };
  } finally {
    await context.close();
  }
}

const figures = Object.fromEntries(
  VARIANTS.map((variant) => [variant, { table: [], wall: [], popover: [] } as Record<View, number[]>]),
) as Record<Variant, Record<View, number[]>>;
const screenBytes: Partial<Record<View, number>> = {};
const browser = await launchChromium();
try {
  for (const view of Object.keys(VIEWS) as View[]) {
    serving = { variant: 'as-served', view };
    const { screen } = await open(browser, view);
    screens.set(view, screen);
    screenBytes[view] = Buffer.byteLength(screen);
  }
  for (let load = 0; load < LOADS; load++)
    for (const view of Object.keys(VIEWS) as View[])
      for (const variant of load % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
        serving = { variant, view };
        figures[variant][view].push((await open(browser, view)).firstFrame);
      }
} finally {
  await browser.close();
  front.close();
  stack.stop();
}

const results = {
  when: new Date().toISOString(),
  rooms: ROOMS,
  loadsPerViewAndVariant: LOADS,
  firstScreenBytes: screenBytes,
  loadAverageAtStart: Math.round(loadAtStart * 100) / 100,
  loadAverageAtEnd: Math.round((loadavg()[0] as number) * 100) / 100,
  firstRowsMs: Object.fromEntries(
    VARIANTS.map((variant) => [
      variant,
      {
        table: timings(figures[variant].table),
        wall: timings(figures[variant].wall),
        popover: timings(figures[variant].popover),
      },
    ]),
  ),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  process.env.BENCH_OUT ?? 'bench/results/first-look.json',
  `${JSON.stringify(results, null, 2)}\n`,
);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
