import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventually } from '../support/eventually';
import { type Background, freePort, getJson, startBackground } from './support/processes';
import { DEPLOY, run, tool } from './support/tools';

const RULES = join(DEPLOY, 'prometheus/headcount-rules.yml');
const RULE_TESTS = join(DEPLOY, 'prometheus/tests');
const ALERTMANAGER = join(DEPLOY, 'alertmanager/alertmanager.yml');
const scratch = mkdtempSync(join(tmpdir(), 'headcount-deploy-'));
const running: Background[] = [];
afterAll(async () => {
  await Promise.all(running.map((program) => program.stop()));
  rmSync(scratch, { recursive: true, force: true });
});

interface AlertRule {
  alert: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface AlertTest {
  alertname: string;
  exp_alerts: unknown[];
}

const alertRules = (): AlertRule[] =>
  (parse(readFileSync(RULES, 'utf8')) as { groups: Array<{ rules: Array<Partial<AlertRule>> }> }).groups
    .flatMap((group) => group.rules)
    .filter((rule): rule is AlertRule => typeof rule.alert === 'string');

describe('the Prometheus rules', () => {
  it('pass promtool check rules', async () => {
    const checked = await run(tool('promtool', 'prometheus'), ['check', 'rules', RULES]);
    expect(checked.stdout).toMatch(/SUCCESS: \d+ rules found/);
    expect(checked.code).toBe(0);
  });

  it('pass their promtool unit tests, which see every alert firing and not firing', async () => {
    const files = readdirSync(RULE_TESTS).filter((name) => name.endsWith('.test.yml'));
    const tested = await run(tool('promtool', 'prometheus'), ['test', 'rules', ...files], {
      cwd: RULE_TESTS,
    });
    expect(tested.stdout + tested.stderr).not.toContain('FAILED');
    expect(tested.code).toBe(0);
    const cases: AlertTest[] = files.flatMap((name) =>
      (
        parse(readFileSync(join(RULE_TESTS, name), 'utf8')) as {
          tests: Array<{ alert_rule_test?: AlertTest[] }>;
        }
      ).tests.flatMap((test) => test.alert_rule_test ?? []),
    );
    for (const { alert } of alertRules()) {
      const mine = cases.filter((c) => c.alertname === alert);
      expect(
        mine.some((c) => c.exp_alerts.length > 0),
        `${alert} seen firing`,
      ).toBe(true);
      expect(
        mine.some((c) => c.exp_alerts.length === 0),
        `${alert} seen not firing`,
      ).toBe(true);
    }
  });

  it('give every alert what Alertmanager routes and people read by', () => {
    const rules = alertRules();
    // Headcount's own alerts, each mirrored (peak, milestone and session are notices, not alerts).
    const mirrored = new Set(rules.map((rule) => rule.labels?.rule));
    for (const rule of ['closed', 'failing', 'stale', 'spike', 'drop', 'above', 'below', 'auth', 'account'])
      expect(mirrored.has(rule), rule).toBe(true);
    expect(mirrored.has('rate-limited')).toBe(true);
    for (const rule of rules) {
      expect(rule.labels?.severity, rule.alert).toMatch(/^(info|warning|critical)$/);
      expect(rule.labels?.scope, rule.alert).toMatch(/^(room|app|server)$/);
      expect(rule.labels?.rule, rule.alert).toBeTruthy();
      for (const key of ['summary', 'description', 'runbook'])
        expect(rule.annotations?.[key], `${rule.alert} ${key}`).toBeTruthy();
      // Room alerts name the room, through the info series.
      if (rule.labels?.scope === 'room')
        expect(rule.annotations?.summary, rule.alert).toContain('{{ $labels.name }}');
    }
  });

  it('load in Prometheus with the shipped scrape configuration, whose token is read from a file', async () => {
    const config = parse(readFileSync(join(DEPLOY, 'prometheus/prometheus.yml'), 'utf8'));
    const job = config.scrape_configs.find((c: { job_name: string }) => c.job_name === 'headcount');
    expect(job.authorization).toEqual({ type: 'Bearer', credentials_file: expect.stringMatching(/^\//) });
    expect(JSON.stringify(config)).not.toMatch(/token=|params/);
    // The same file with its token file where this test can make one; everything else as shipped.
    const tokenFile = join(scratch, 'metrics-token');
    writeFileSync(tokenFile, 'a-metrics-token-for-the-check\n', { mode: 0o600 });
    job.authorization.credentials_file = tokenFile;
    config.rule_files = [RULES];
    const copy = join(scratch, 'prometheus.yml');
    writeFileSync(copy, JSON.stringify(config));
    const checked = await run(tool('promtool', 'prometheus'), ['check', 'config', copy]);
    expect(checked.stdout).toContain('SUCCESS');
    expect(checked.code).toBe(0);
  });
});

describe('the Alertmanager example', () => {
  const amtool = () => tool('amtool', 'prometheus-alertmanager');

  it('passes amtool check-config', async () => {
    const checked = await run(amtool(), ['check-config', ALERTMANAGER]);
    expect(checked.stdout).toContain('SUCCESS');
    expect(checked.code).toBe(0);
  });

  it('routes by app and severity', async () => {
    const receiver = async (...labels: string[]) =>
      (
        await run(amtool(), ['config', 'routes', 'test', `--config.file=${ALERTMANAGER}`, ...labels])
      ).stdout.trim();
    expect(await receiver('alertname=HeadcountRoomClosed', 'severity=critical', 'app=1400000001')).toBe(
      'support-pager',
    );
    expect(await receiver('alertname=HeadcountRoomStale', 'severity=warning', 'app=1400000001')).toBe(
      'support-chat',
    );
    expect(await receiver('alertname=HeadcountRoomSpike', 'severity=info', 'app=1400000001')).toBe(
      'events-chat',
    );
    expect(await receiver('alertname=HeadcountRoomClosed', 'severity=critical', 'app=1400000002')).toBe(
      'sg-events-pager',
    );
    expect(await receiver('alertname=HeadcountRoomStale', 'severity=warning', 'app=1400000002')).toBe(
      'sg-events-chat',
    );
  });

  it("keeps an app's room alerts quiet while its credentials are rejected, in the real Alertmanager", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const alertmanager = startBackground(tool('prometheus-alertmanager', 'prometheus-alertmanager'), [
      `--config.file=${ALERTMANAGER}`,
      `--storage.path=${join(scratch, 'alertmanager')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ]);
    running.push(alertmanager);
    await eventually(() => getJson(`${base}/api/v2/status`), 'Alertmanager to answer', 15_000);
    const alert = (labels: Record<string, string>) => ({
      labels,
      annotations: { summary: labels.alertname },
    });
    const room = (app: string, roomId: string) =>
      alert({
        alertname: 'HeadcountRoomStale',
        severity: 'warning',
        rule: 'stale',
        scope: 'room',
        app,
        room: roomId,
      });
    const posted = await fetch(`${base}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        alert({
          alertname: 'HeadcountAuthFailed',
          severity: 'critical',
          rule: 'auth',
          scope: 'app',
          app: '1400000001',
        }),
        room('1400000001', '@TGS#aLaunch'),
        room('1400000002', '@TGS#aOther'),
      ]),
    });
    expect(posted.status).toBe(200);
    type Listed = Array<{ labels: Record<string, string>; status: { state: string; inhibitedBy: string[] } }>;
    const listed = await eventually(
      async () => {
        const alerts = await getJson<Listed>(`${base}/api/v2/alerts`);
        return alerts && alerts.length === 3 ? alerts : undefined;
      },
      'the three alerts',
      10_000,
    );
    const stateOf = (roomId: string) => listed.find((a) => a.labels.room === roomId)?.status;
    const auth = listed.find((a) => a.labels.alertname === 'HeadcountAuthFailed');
    expect(auth?.status.state).toBe('active');
    expect(stateOf('@TGS#aLaunch')?.state).toBe('suppressed');
    expect(stateOf('@TGS#aLaunch')?.inhibitedBy.length).toBe(1);
    expect(stateOf('@TGS#aOther')).toMatchObject({ state: 'active', inhibitedBy: [] });
    await alertmanager.stop();
  });
});
