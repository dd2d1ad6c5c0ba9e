import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Dashboard, panelQueries } from './support/grafana-dashboard';
import { DEPLOY } from './support/tools';

// Grafana itself is not packaged for Debian, so its queries are run against a real Prometheus in
// prometheus-stack.test.ts; here, what Grafana needs to import and lay the dashboard out.
const dashboard = JSON.parse(readFileSync(join(DEPLOY, 'grafana/headcount.json'), 'utf8')) as Dashboard & {
  schemaVersion: number;
};

describe('the Grafana dashboard', () => {
  it('has a stable uid, a datasource variable and app and room variables', () => {
    expect(dashboard.uid).toBe('headcount');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.templating.list.map((v) => `${v.name}:${v.type}`)).toEqual([
      'datasource:datasource',
      'app:query',
      'room:query',
    ]);
  });

  it('lays its panels out on the 24-column grid without overlap, each from the chosen Prometheus', () => {
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cells = new Set<string>();
    for (const panel of dashboard.panels) {
      const { x, y, w, h } = panel.gridPos;
      expect(x + w, panel.title).toBeLessThanOrEqual(24);
      for (let row = y; row < y + h; row++)
        for (let column = x; column < x + w; column++) {
          const cell = `${row}:${column}`;
          expect(cells.has(cell), `${panel.title} overlaps at ${cell}`).toBe(false);
          cells.add(cell);
        }
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a template.
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      const refIds = (panel.targets ?? []).map((target) => target.refId);
      expect(new Set(refIds).size, panel.title).toBe(refIds.length);
    }
  });

  it('shows totals, top and troubled rooms, the rate budget and sample ages, each filtered by app', () => {
    const titles = dashboard.panels.map((panel) => panel.title);
    for (const title of ['People online', 'Top rooms', 'Troubled rooms', 'Rate budget', 'Oldest counts'])
      expect(titles).toContain(title);
    const raw = panelQueries(dashboard, { app: '$app', room: '$room', __rate_interval: '$__rate_interval' });
    for (const query of raw) expect(query.expr, `${query.panel} ${query.refId}`).toMatch(/app=~"\$app"/);
  });
});
