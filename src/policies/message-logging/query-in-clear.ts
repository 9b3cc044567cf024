import fs from 'node:fs';
import type { ApiDefinition, RouteDefinition } from '../../gateway/api';

type Check = (value: string) => boolean;

interface ParamSchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

/**
 * Whether the contract declares a query parameter's value from a closed set: one of an enum, a
 * bounded integer, a boolean. Such a value cannot be a secret or a personal identifier, so the
 * log may show it; a parameter declared otherwise (a pattern, free text) is masked.
 */
function checkFor(schema: ParamSchema | undefined): Check | undefined {
  if (!schema) return undefined;
  if (Array.isArray(schema.enum)) {
    const allowed = new Set(schema.enum.map(String));
    return (v) => allowed.has(v);
  }
  if (schema.type === 'integer' && typeof schema.minimum === 'number' && typeof schema.maximum === 'number') {
    const { minimum, maximum } = schema;
    return (v) => /^-?[0-9]{1,6}$/.test(v) && Number(v) >= minimum && Number(v) <= maximum;
  }
  if (schema.type === 'boolean') return (v) => v === 'true' || v === 'false';
  return undefined;
}

const specs = new Map<string, any>();
const byRoute = new WeakMap<RouteDefinition, Map<string, Check>>();

/** The query parameters of an operation that its contract declares from a closed set (read once per operation). */
function clearParams(api: ApiDefinition, route: RouteDefinition): Map<string, Check> {
  let checks = byRoute.get(route);
  if (checks) return checks;
  checks = new Map();
  let spec = specs.get(api.specFile);
  if (spec === undefined) {
    spec = JSON.parse(fs.readFileSync(api.specFile, 'utf8'));
    specs.set(api.specFile, spec);
  }
  const item = spec.paths?.[route.path] ?? {};
  for (const p of [...(item.parameters ?? []), ...(item[route.method]?.parameters ?? [])]) {
    if (p?.in !== 'query') continue;
    const check = checkFor(p.schema);
    if (check) checks.set(p.name, check);
  }
  byRoute.set(route, checks);
  return checks;
}

/** For masking.maskUrl: a query value the request's operation declares from a closed set. */
export function queryInClear(api: ApiDefinition | undefined, route: RouteDefinition | undefined): (name: string, value: string) => boolean {
  if (!api || !route) return () => false;
  const checks = clearParams(api, route);
  return (name, value) => checks.get(name)?.(value) === true;
}
