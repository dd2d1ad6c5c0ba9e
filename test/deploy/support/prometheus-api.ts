/** The parts of Prometheus's HTTP API (v1) the tests read. */

/** One series of a query's answer: its labels, and one value or a range of them. */
export interface PromSeries {
  metric: Record<string, string>;
  value?: [number, string];
  values?: Array<[number, string]>;
}

/** An alert as `/api/v1/alerts` lists it. */
export interface PromAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt: string;
  value: string;
}

/** A scrape target as `/api/v1/targets` lists it. */
export interface PromTarget {
  labels: Record<string, string>;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
}

/** The rule groups as `/api/v1/rules` lists them: `duration` is an alert's `for:`, in seconds. */
export interface PromRules {
  groups: Array<{
    name: string;
    rules: Array<{ name: string; type: 'alerting' | 'recording'; duration?: number }>;
  }>;
}

/** A client for one Prometheus at `base` (http://127.0.0.1:PORT). */
export function prometheusApi(base: string) {
  async function get<T>(path: string, params: Record<string, string> = {}): Promise<T> {
    const url = new URL(path, base);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const response = await fetch(url);
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`${path} ${JSON.stringify(params)}: ${body.error}`);
    return body.data;
  }
  return {
    /** An instant query now. */
    async query(expr: string): Promise<PromSeries[]> {
      return (await get<{ result: PromSeries[] }>('/api/v1/query', { query: expr })).result;
    },
    /** A range query over the last `seconds`, one point a second. */
    async queryRange(expr: string, seconds: number): Promise<PromSeries[]> {
      const end = Date.now() / 1000;
      const range = { query: expr, start: String(end - seconds), end: String(end), step: '1' };
      return (await get<{ result: PromSeries[] }>('/api/v1/query_range', range)).result;
    },
    /** The values of one label over the series `match` selects (Grafana's label_values). */
    labelValues(label: string, match: string): Promise<string[]> {
      return get<string[]>(`/api/v1/label/${encodeURIComponent(label)}/values`, { 'match[]': match });
    },
    async alerts(): Promise<PromAlert[]> {
      return (await get<{ alerts: PromAlert[] }>('/api/v1/alerts')).alerts;
    },
    rules(): Promise<PromRules> {
      return get<PromRules>('/api/v1/rules');
    },
    async targets(): Promise<PromTarget[]> {
      return (await get<{ activeTargets: PromTarget[] }>('/api/v1/targets')).activeTargets;
    },
  };
}

/** The single value of an instant query's only series, or undefined without exactly one. */
export function only(series: PromSeries[]): number | undefined {
  return series.length === 1 && series[0]?.value ? Number(series[0].value[1]) : undefined;
}
