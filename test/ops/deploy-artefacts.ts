import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export const root = path.resolve(__dirname, '../..');
export const DASHBOARD_FILE = 'deploy/grafana/bank-api-gateway.json';
export const RULES_FILE = 'deploy/prometheus/gateway-alerts.yml';
export const PROMETHEUS_CONFIG_FILE = 'deploy/prometheus/prometheus.example.yml';

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
export const loadDashboard = () => JSON.parse(read(DASHBOARD_FILE)) as Dashboard;
export const loadRules = () => YAML.parse(read(RULES_FILE)) as { groups: RuleGroup[] };
export const loadPrometheusConfig = () => YAML.parse(read(PROMETHEUS_CONFIG_FILE)) as PrometheusConfig;

export interface Target {
  refId: string;
  expr: string;
  legendFormat?: string;
  datasource?: { type: string; uid: string };
}
export interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type: string; uid: string };
  targets?: Target[];
  panels?: Panel[];
}
export interface Variable {
  name: string;
  type: string;
  query: string | { query: string };
  definition?: string;
  datasource?: { type: string; uid: string };
}
export interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: Variable[] };
}
export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
export interface RuleGroup {
  name: string;
  rules: Rule[];
}
export interface PrometheusConfig {
  rule_files: string[];
  scrape_configs: Array<{ job_name: string; metrics_path?: string }>;
}

/** Every panel, those inside collapsed rows included. */
export function allPanels(d: Dashboard): Panel[] {
  return d.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
}

/**
 * Grafana replaces its interval variables before the query reaches Prometheus; a duration stands
 * in for them so the expression parses as Prometheus will see it. Template variables such as
 * "$api" only appear inside label-matcher strings, where any text is valid.
 */
export function asPromQL(expr: string): string {
  return expr.replace(/\$__(rate_interval|interval|range)\b/g, '5m');
}

/** `label_values(selector, label)`: Grafana's variable query for Prometheus. */
export function parseLabelValues(query: string): { selector: string; label: string } | undefined {
  const m = /^label_values\((.+),\s*([a-zA-Z_][a-zA-Z0-9_]*)\)$/.exec(query.trim());
  return m ? { selector: m[1], label: m[2] } : undefined;
}

/** Labels named in a Go template (`{{ $labels.api }}`) or a Grafana legend (`{{api}}`). */
export function templateLabels(text: string, style: 'alert' | 'legend'): string[] {
  const re = style === 'alert' ? /\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)/g : /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;
  return [...text.matchAll(re)].map((m) => m[1]);
}
