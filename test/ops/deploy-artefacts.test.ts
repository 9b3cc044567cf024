import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { startRedis } from '../helpers/redis-server';
import { fleetSettings } from '../helpers/fleet';
import { GatewayMetrics } from '../../src/observability/metrics';
import { seriesLabels } from './exposition';
import { analyse } from './promql-labels';
import {
  DASHBOARD_FILE,
  RULES_FILE,
  allPanels,
  asPromQL,
  loadDashboard,
  loadPrometheusConfig,
  loadRules,
  parseLabelValues,
  templateLabels,
} from './deploy-artefacts';

// Prometheus adds these to every scraped series; `up` is the series it writes for each target.
const TARGET_LABELS = ['job', 'instance'];
const PROMETHEUS_SERIES: [string, Set<string>][] = [['up', new Set()]];

const dashboard = loadDashboard();
const rules = loadRules().groups.flatMap((g) => g.rules);
let series: Map<string, Set<string>>;

/**
 * The gateway as a fleet replica runs it (process metrics on, its stores on a real Redis) after a
 * few requests, so that every counter and histogram has samples: a health check, a token, a core
 * call answered (F1), a core refusal (unknown cédula), a rejection without credentials, a deposit
 * (its claim in Redis), then Redis killed and a deposit refused (the store's errors, the rate
 * limit counted locally, the connection down).
 */
beforeAll(async () => {
  const redis = await startRedis();
  const t: TestGateway = await startGateway(fleetSettings(redis.url, 'ops-test:'), { defaultMetrics: true });
  let auth: Record<string, string> = {};
  const deposit = (id: number) => request(t.app).post('/facilito/v1/deposits').set(auth).send({ Valor: 10, IDcuenta: '40010000001', IdFacilito: id });
  try {
    auth = await t.auth();
    expect((await request(t.app).get('/health')).status).toBe(200);
    expect((await request(t.app).get('/facilito/v1/customers/1234567890/account').set(auth)).status).toBe(200);
    expect((await request(t.app).get('/facilito/v1/customers/99999/account').set(auth)).status).toBe(404);
    expect((await request(t.app).get('/facilito/v1/customers/1234567890/account')).status).toBe(401);
    const id = 880_000_000_000 + (process.pid % 100_000) * 10;
    expect((await deposit(id)).status).toBe(200);
    await redis.kill();
    expect((await deposit(id + 1)).status).toBe(503);
    const scrape = await request(t.app).get('/metrics');
    expect(scrape.status).toBe(200);
    series = new Map([...seriesLabels(scrape.text), ...PROMETHEUS_SERIES]);
  } finally {
    await t.close();
    await redis.stop();
  }
}, 60_000);

const check = (expr: string) => analyse(asPromQL(expr), series, TARGET_LABELS);

describe(`the Grafana dashboard (${DASHBOARD_FILE})`, () => {
  const panels = allPanels(dashboard).filter((p) => p.type !== 'row');
  const targets = panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, ...t })));

  it('when imported into Grafana 10+, then its data source is a Prometheus template variable used by every query', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    const ds = dashboard.templating.list.find((v) => v.type === 'datasource');
    expect(ds).toMatchObject({ query: 'prometheus' });
    const ref = { type: 'prometheus', uid: `\${${ds!.name}}` };
    for (const p of panels) expect({ panel: p.title, ds: p.datasource }).toEqual({ panel: p.title, ds: ref });
    for (const t of targets) expect({ panel: t.panel, ds: t.datasource }).toEqual({ panel: t.panel, ds: ref });
    for (const v of dashboard.templating.list.filter((x) => x.type === 'query')) expect(v.datasource).toEqual(ref);
  });

  it('when laid out, then panel ids are unique and panels fit the 24-column grid without overlapping', () => {
    const all = allPanels(dashboard);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    const cells = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of all) {
      const { x, y, w, h } = p.gridPos;
      if (x < 0 || w < 1 || x + w > 24) clashes.push(`${p.title}: outside the grid`);
      for (let i = x; i < x + w; i++)
        for (let j = y; j < y + h; j++) {
          const other = cells.get(`${i},${j}`);
          if (other) clashes.push(`${p.title} overlaps ${other} at ${i},${j}`);
          cells.set(`${i},${j}`, p.title);
        }
    }
    expect(clashes).toEqual([]);
  });

  it('when every panel query is parsed, then each metric and label it names is one /metrics exports', () => {
    expect(targets.length).toBeGreaterThan(20);
    const problems = targets.flatMap((t) => check(t.expr).problems.map((p) => `${t.panel} [${t.refId}]: ${p}`));
    expect(problems).toEqual([]);
  });

  it('when a legend names a label, then the query result carries it', () => {
    const problems = targets.flatMap((t) => {
      const { labels } = check(t.expr);
      return templateLabels(t.legendFormat ?? '', 'legend')
        .filter((l) => !labels?.has(l))
        .map((l) => `${t.panel} [${t.refId}]: legend {{${l}}} not in (${[...(labels ?? [])]})`);
    });
    expect(problems).toEqual([]);
  });

  it('when its variables are resolved, then each label_values query names an exported metric and label', () => {
    const queries = dashboard.templating.list.filter((v) => v.type === 'query');
    expect(queries.map((v) => v.name)).toEqual(expect.arrayContaining(['job', 'instance', 'api', 'backend']));
    for (const v of queries) {
      const q = typeof v.query === 'string' ? v.query : v.query.query;
      expect(v.definition ?? q).toBe(q);
      const lv = parseLabelValues(q);
      expect({ variable: v.name, parsed: !!lv }).toEqual({ variable: v.name, parsed: true });
      const { labels, problems } = check(lv!.selector);
      expect({ variable: v.name, problems, hasLabel: labels?.has(lv!.label) }).toEqual({ variable: v.name, problems: [], hasLabel: true });
    }
  });

  it('when the gateway defines a metric, then some panel shows it', async () => {
    const shown = new Set(targets.flatMap((t) => check(t.expr).metrics));
    const defined = await new GatewayMetrics().registry.getMetricsAsJSON();
    expect(defined.length).toBeGreaterThanOrEqual(5);
    const wanted = defined.map((m) => (String(m.type) === 'histogram' ? `${m.name}_bucket` : m.name));
    expect(wanted.filter((n) => !shown.has(n))).toEqual([]);
  });
});

describe(`the Prometheus alert rules (${RULES_FILE})`, () => {
  const alerts = rules.filter((r) => r.alert);

  it('when loaded by Prometheus 2.x, then every rule has only known keys, a valid duration, a severity and its annotations', () => {
    expect(alerts.length).toBe(rules.length);
    expect(new Set(alerts.map((a) => a.alert)).size).toBe(alerts.length);
    for (const a of alerts) {
      expect({ alert: a.alert, unknownKeys: Object.keys(a).filter((k) => !['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'].includes(k)) }).toEqual({ alert: a.alert, unknownKeys: [] });
      expect(a.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      if (a.for !== undefined) expect(a.for).toMatch(/^(\d+[smhd])+$/);
      expect(['critical', 'warning']).toContain(a.labels?.severity);
      for (const key of ['summary', 'description', 'runbook']) expect({ alert: a.alert, key, text: (a.annotations?.[key] ?? '').length > 20 }).toEqual({ alert: a.alert, key, text: true });
    }
  });

  it('when an operations team reads them, then breaker open, 5xx ratio and p99 latency are alerted on', () => {
    const byName = new Map(alerts.map((a) => [a.alert!, a]));
    expect(byName.get('GatewayBreakerOpen')?.expr).toMatch(/gateway_breaker_state/);
    expect(byName.get('GatewayBreakerOpen')?.for).toBeDefined();
    expect(byName.get('GatewayHigh5xxRatio')?.expr).toMatch(/status=~"5\.\."/);
    expect(byName.get('GatewayHighLatencyP99')?.expr).toMatch(/histogram_quantile\(0\.99,/);
  });

  it('when every expression is parsed, then each metric and label it names is one /metrics exports', () => {
    const problems = alerts.flatMap((a) => check(a.expr).problems.map((p) => `${a.alert}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('when an annotation names $labels.x, then the alert expression result carries x', () => {
    const problems = alerts.flatMap((a) => {
      const { labels } = check(a.expr);
      return Object.values(a.annotations ?? {})
        .flatMap((text) => templateLabels(text, 'alert'))
        .filter((l) => !labels?.has(l))
        .map((l) => `${a.alert}: $labels.${l} not in (${[...(labels ?? [])]})`);
    });
    expect(problems).toEqual([]);
  });

  it('when Prometheus runs the example configuration, then it loads this file and scrapes the job the rules select', () => {
    const config = loadPrometheusConfig();
    expect(config.rule_files).toContain('gateway-alerts.yml');
    const jobs = alerts.flatMap((a) => [...a.expr.matchAll(/job="([^"]+)"/g)].map((m) => m[1]));
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) expect(config.scrape_configs.map((s) => s.job_name)).toContain(job);
    expect(config.scrape_configs.find((s) => s.job_name === jobs[0])?.metrics_path).toBe('/metrics');
  });
});
