/**
 * Reading a Grafana dashboard's queries as Grafana would send them to Prometheus: each panel
 * target's expression with the dashboard variables put in, and each query variable's
 * `label_values(selector, label)`.
 */

interface Target {
  refId: string;
  expr: string;
  instant?: boolean;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource: { type: string; uid: string };
  targets?: Target[];
}
interface Variable {
  name: string;
  type: string;
  definition?: string;
}
/** The parts of a dashboard the tests read. */
export interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Variable[] };
}

/** One query of a panel, ready for Prometheus. */
export interface PanelQuery {
  panel: string;
  refId: string;
  expr: string;
  instant: boolean;
}

/**
 * Every panel target's expression with `$name`, `${name}` and `[[name]]` replaced by `values[name]`
 * (a regex for multi-value variables, as Grafana formats them for Prometheus). A variable left
 * without a value fails, so no query reaches Prometheus half-substituted.
 */
export function panelQueries(dashboard: Dashboard, values: Record<string, string>): PanelQuery[] {
  return dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({
      panel: panel.title,
      refId: target.refId,
      expr: substitute(target.expr, values),
      instant: target.instant === true,
    })),
  );
}

/** The `label_values(selector, label)` of each query variable, with earlier variables put in. */
export function variableQueries(
  dashboard: Dashboard,
  values: Record<string, string>,
): Array<{ name: string; selector: string; label: string }> {
  return dashboard.templating.list
    .filter((variable) => variable.type === 'query')
    .map((variable) => {
      const match = /^label_values\((.+),\s*(\w+)\)$/.exec(variable.definition ?? '');
      if (!match)
        throw new Error(`Variable ${variable.name} is not a label_values query: ${variable.definition}`);
      return {
        name: variable.name,
        selector: substitute(match[1] as string, values),
        label: match[2] as string,
      };
    });
}

function substitute(expr: string, values: Record<string, string>): string {
  const replaced = expr.replace(/\$\{(\w+)\}|\[\[(\w+)\]\]|\$(\w+)/g, (whole, a, b, c) => {
    const name = (a ?? b ?? c) as string;
    const value = values[name];
    if (value === undefined) throw new Error(`No value for ${whole} in: ${expr}`);
    return value;
  });
  return replaced;
}
