/**
 * `headcount serve` beside a real Prometheus, on loopback: the shipped scrape configuration (its
 * intervals shortened in a copy) scrapes with the metrics token, the shipped rules record the total
 * and fire "room closed" when a room is disbanded in the simulator (its `for:` shortened in a copy;
 * the shipped 10 s is held by `promtool test rules`, test/deploy/rules-and-routes.test.ts), and every
 * query of the shipped Grafana dashboard returns data.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type RunningSimulator, startSimulator } from '../../main/simulator';
import { type ServeRun, startServe } from '../node/serve/serve-run';
import { simulatorEnv } from '../support/cli';
import { eventually } from '../support/eventually';
import { type Dashboard, panelQueries, variableQueries } from './support/grafana-dashboard';
import { answers, type Background, freePort, startBackground } from './support/processes';
import { only, type PromAlert, type PromRules, prometheusApi } from './support/prometheus-api';
import { DEPLOY, run, tool } from './support/tools';

const METRICS_TOKEN = 'scrape-only-7f3a9c1e5b2d8f4a';
const ROOMS = [
  { groupId: '@TGS#aLaunch', name: 'Launch Day', online: 4321 },
  { groupId: '@TGS#aSecond', name: 'Second Stage', online: 1000 },
  { groupId: '@TGS#aFinale', name: 'Finale', online: 500 },
];
/** Seconds between scrapes and rule evaluations in the test's copy of the configuration. */
const TEST_INTERVAL_S = 1;
/** Seconds between two polls of a room: a count stays current for two of them. */
const POLL_INTERVAL_S = 2;
/** The "room closed" alert's `for:` in the test's copy of the rules: pending for 3 s, not the shipped 10 s. */
const CLOSED_FOR_S = 3;

const scratch = mkdtempSync(join(tmpdir(), 'headcount-prometheus-'));
let sim: RunningSimulator;
let serve: ServeRun;
let prometheus: Background;
let api: ReturnType<typeof prometheusApi>;
let app: string;

beforeAll(async () => {
  sim = await startSimulator({
    rooms: ROOMS.map(({ groupId, name, online }) => ({ groupId, name, audience: { kind: 'fixed', online } })),
  });
  app = String(sim.credentials.sdkAppId);
  const tokenFile = join(scratch, 'metrics-token');
  writeFileSync(tokenFile, `${METRICS_TOKEN}\n`, { mode: 0o600 });
  serve = await startServe(
    [...ROOMS.map((room) => room.groupId), '--interval', String(POLL_INTERVAL_S)],
    simulatorEnv(sim, { HEADCOUNT_METRICS_TOKEN_FILE: tokenFile }),
  );
  const target = new URL(serve.base).host;
  const config = testConfiguration(target, tokenFile);
  const data = join(scratch, 'data');
  await backfillHistory(data, target);
  const port = await freePort();
  prometheus = startBackground(tool('prometheus', 'prometheus'), [
    `--config.file=${config}`,
    `--storage.tsdb.path=${data}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ]);
  api = prometheusApi(`http://127.0.0.1:${port}`);
  await eventually(() => answers(`http://127.0.0.1:${port}/-/ready`), 'Prometheus to be ready', 20_000).catch(
    (error: Error) => {
      throw new Error(`${error.message}\n${prometheus.output()}`);
    },
  );
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await serve?.stop();
  await sim?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * The shipped prometheus.yml, with only what a test must change: its target (this serve), its
 * token file, the rule file's path, scrape and evaluation every second instead of 10-15 s, and no
 * Alertmanager. Written as JSON, which is YAML too.
 */
function testConfiguration(target: string, tokenFile: string): string {
  const config = parse(readFileSync(join(DEPLOY, 'prometheus/prometheus.yml'), 'utf8'));
  const job = config.scrape_configs.find((c: { job_name: string }) => c.job_name === 'headcount');
  job.static_configs = [{ targets: [target] }];
  job.authorization.credentials_file = tokenFile;
  job.scrape_interval = `${TEST_INTERVAL_S}s`;
  config.global.scrape_interval = `${TEST_INTERVAL_S}s`;
  config.global.evaluation_interval = `${TEST_INTERVAL_S}s`;
  config.rule_files = [testRules()];
  delete config.alerting;
  const file = join(scratch, 'prometheus.yml');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/**
 * The shipped rules with one change: the "room closed" alert pending for {@link CLOSED_FOR_S}
 * seconds. The shipped rule's own wait is a fact of the rule (promtool's tests check it, on their
 * own clock); what this file shows is the rule firing on what a live serve exports, pending first.
 */
function testRules(): string {
  const rules = parse(readFileSync(join(DEPLOY, 'prometheus/headcount-rules.yml'), 'utf8'));
  const closed = closedRuleOf(rules);
  expect(closed.for).toBe('10s');
  closed.for = `${CLOSED_FOR_S}s`;
  const file = join(scratch, 'headcount-rules.yml');
  writeFileSync(file, JSON.stringify(rules));
  return file;
}

function closedRuleOf(rules: { groups: Array<{ rules: Array<{ alert?: string; for?: string }> }> }) {
  const rule = rules.groups.flatMap((g) => g.rules).find((r) => r.alert === 'HeadcountRoomClosed');
  if (!rule) throw new Error('The rules have no HeadcountRoomClosed.');
  return rule;
}

/**
 * Twenty minutes of the rooms' counts, ending a minute ago, as Prometheus would hold them had it
 * scraped this serve before the test began: the dashboard's 5- and 15-minute changes need both
 * ends of their window, and Headcount's rules never make one up.
 */
async function backfillHistory(data: string, target: string): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const lines = ['# TYPE headcount_room_online gauge'];
  for (const room of ROOMS) {
    const labels = `job="headcount",instance="${target}",app="${app}",room="${room.groupId}"`;
    for (let ago = 20 * 60; ago >= 60; ago -= 10)
      lines.push(`headcount_room_online{${labels}} ${room.online - ago} ${now - ago}`);
  }
  lines.push('# EOF');
  const file = join(scratch, 'history.om');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const made = await run(tool('promtool', 'prometheus'), [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    file,
    data,
  ]);
  expect(made.code, made.stderr).toBe(0);
}

describe('headcount serve beside a real Prometheus', () => {
  it('is scraped with the metrics token from a file, and the scrape passes promtool check metrics', async () => {
    const up = await eventually(
      async () => {
        const targets = await api.targets();
        const mine = targets.find((t) => t.labels.job === 'headcount');
        return mine?.health === 'up' ? mine : undefined;
      },
      'the headcount target to be up',
      15_000,
    );
    expect(up.lastError).toBe('');
    expect(only(await api.query('up{job="headcount"}'))).toBe(1);
    // What Prometheus reads, read the same way: the bearer token, no token in the URL.
    const scrape = await fetch(`${serve.base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scrape.status).toBe(200);
    const lint = await run(tool('promtool', 'prometheus'), ['check', 'metrics'], {
      input: await scrape.text(),
    });
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.code).toBe(0);
    expect((await fetch(`${serve.base}/metrics`)).status).toBe(401);
  });

  it('records the total by the totals rule, the same as the total serve exports', async () => {
    const total = ROOMS.reduce((sum, room) => sum + room.online, 0);
    // A scrape taken while a poll runs late leaves that room out, as the rule says: wait for a
    // scrape with every room current, and the recording made from it.
    const totals = await eventually(
      async () => {
        const found = await Promise.all(
          [
            `app:headcount_room_online:sum{app="${app}"}`,
            `headcount_app_online{app="${app}"}`,
            ':headcount_room_online:sum',
          ].map(async (expr) => only(await api.query(expr))),
        );
        return found.every((value) => value === total) ? found : undefined;
      },
      `the recorded total ${total}, the same as serve's`,
      15_000,
    );
    expect(totals).toEqual([total, total, total]);
  });

  it('fires the shipped "room closed" alert, pending for its for: first, once the room is disbanded', async () => {
    // The rule as Prometheus loaded it (the test's copy).
    const rules: PromRules = await api.rules();
    const closedRule = rules.groups.flatMap((g) => g.rules).find((r) => r.name === 'HeadcountRoomClosed');
    const rulesFor = closedRule?.duration ?? 0;
    expect(rulesFor).toBe(CLOSED_FOR_S);
    expect(await closedAlert()).toBeUndefined();

    const disbandedAt = Date.now();
    sim.control.disband('@TGS#aFinale');
    const states: string[] = [];
    const firing = await eventually(
      async () => {
        const alert = await closedAlert();
        if (alert && states.at(-1) !== alert.state) states.push(alert.state);
        return alert?.state === 'firing' ? alert : undefined;
      },
      'HeadcountRoomClosed to fire',
      (rulesFor + 15) * 1000,
    );
    const firedAfterMs = Date.now() - disbandedAt;
    // Pending first for its `for:`, then firing: within `for:` plus the poll, scrape and
    // evaluation that bring the news (a few seconds here), with room for a busy machine.
    expect(states).toEqual(['pending', 'firing']);
    expect(firedAfterMs).toBeGreaterThanOrEqual(rulesFor * 1000);
    expect(firedAfterMs).toBeLessThan((rulesFor + POLL_INTERVAL_S + 10 * TEST_INTERVAL_S) * 1000);
    expect(firing.labels).toMatchObject({
      app,
      room: '@TGS#aFinale',
      name: 'Finale',
      severity: 'critical',
      rule: 'closed',
      scope: 'room',
    });
    expect(firing.annotations.summary).toBe('Room "Finale" closed');
    // The closed room keeps no place in the total.
    const total = ROOMS.reduce((sum, room) => sum + room.online, 0) - 500;
    await eventually(
      async () =>
        only(await api.query(`app:headcount_room_online:sum{app="${app}"}`)) === total ? true : undefined,
      `the total without the closed room, ${total}`,
      10_000,
    );
  }, 60_000);

  it('answers every query of the Grafana dashboard with data, for all apps and rooms and for this app', async () => {
    const dashboard = JSON.parse(readFileSync(join(DEPLOY, 'grafana/headcount.json'), 'utf8')) as Dashboard;
    for (const values of [
      { app: '.*', room: '.*' },
      { app, room: '@TGS#a(Launch|Second|Finale)' },
    ]) {
      const all = { ...values, __rate_interval: '1m' };
      const queries = panelQueries(dashboard, all);
      expect(queries.length).toBeGreaterThanOrEqual(15);
      const empty: string[] = [];
      for (const query of queries) {
        const result = query.instant ? await api.query(query.expr) : await api.queryRange(query.expr, 60);
        if (result.length === 0) empty.push(`${query.panel} ${query.refId}: ${query.expr}`);
      }
      expect(empty, 'queries without data').toEqual([]);
      const variables = variableQueries(dashboard, all);
      expect(variables.map((v) => v.name)).toEqual(['app', 'room']);
      const [apps, rooms] = await Promise.all(variables.map((v) => api.labelValues(v.label, v.selector)));
      expect(apps).toContain(app);
      expect(rooms).toEqual(expect.arrayContaining(ROOMS.map((room) => room.groupId)));
    }
  }, 60_000);
});

async function closedAlert(): Promise<PromAlert | undefined> {
  return (await api.alerts()).find(
    (alert) => alert.labels.alertname === 'HeadcountRoomClosed' && alert.labels.room === '@TGS#aFinale',
  );
}
