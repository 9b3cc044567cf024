/**
 * Shape fixes of AMF's OAS 3.0 rendering so that generic tools (Prism, Postman, Spectral, code
 * generators) read the document as the gateway does. Each is a documented decision.
 */
import type { OperationExamples } from './raml-examples';

type Json = any;

export interface Environments {
  sandbox: string;
  qa: string;
  prod: string;
}

/** Absolute servers, one per environment, each with the API's base path: paths are relative to them. */
export function environmentServers(uris: Environments, basePath: string): Json[] {
  return [
    { url: `${uris.sandbox}${basePath}`, description: 'Sandbox (simulated cores, demo client; npm start)' },
    { url: `${uris.qa}${basePath}`, description: 'QA' },
    { url: `${uris.prod}${basePath}`, description: 'Production' },
  ];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** One tag per operation, its path's first segment after the version (transfiya, negotiations...): tools group by it. */
export function tagOperations(doc: Json): void {
  const tags = new Map<string, string>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    const segments = path.split('/').filter(Boolean);
    const at = segments.findIndex((s) => !/^v[0-9]+$/.test(s) && !s.startsWith('{'));
    if (at < 0) continue;
    const tag = segments[at];
    tags.set(tag, `Operations under /${segments.slice(0, at + 1).join('/')}`);
    for (const m of METHODS) if (item?.[m]) item[m].tags = [tag];
  }
  doc.tags = [...tags].map(([name, description]) => ({ name, description }));
}

/** RAML's parent resources (/v1 holding /v1/transfers...) become path items without an operation. */
export function dropEmptyPathItems(doc: Json): void {
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    if (!METHODS.some((m) => item?.[m])) delete doc.paths[path];
  }
}

/**
 * RAML's `multipleOf: 0.01` (at most two decimals) becomes `x-max-decimals: 2`. Validators that
 * divide in binary floating point (AJV without multipleOfPrecision: Prism, Spectral, Postman)
 * reject about one valid amount in nine under multipleOf 0.01, the bank's own examples among them
 * (20000.1 / 0.01 = 2000009.9999999998; 4678.23 / 0.01 = 467822.99999999994). The gateway checks
 * the decimal text instead (see gateway-view.ts); the description states the rule for people.
 */
export function twoDecimalRule(node: Json): void {
  if (Array.isArray(node)) return node.forEach(twoDecimalRule);
  if (!node || typeof node !== 'object') return;
  if (node.multipleOf === 0.01) {
    delete node.multipleOf;
    node['x-max-decimals'] = 2;
  }
  for (const [k, v] of Object.entries(node)) if (k !== 'x-amf-examples' && k !== 'example' && k !== 'examples') twoDecimalRule(v);
}

/**
 * A parameter's example where tools look for it (the parameter itself), as the RAML writes it where
 * it declares the parameter: AMF moves a header's example onto the header's type, so a type shared
 * by seventeen X-Invoker headers carries seventeen examples and none says whose it is. Those
 * merged examples are removed from the parameters' schemas. A header pinned to one value (an enum
 * of one) has that value as its example. Returns the parameters still without one.
 */
export function parameterExamples(doc: Json, operations: OperationExamples[]): string[] {
  const missing: string[] = [];
  const componentOf = (ref: string | undefined) => (ref ? doc.components?.schemas?.[ref.split('/').pop()!] : undefined);
  const paramOnly = parameterOnlyComponents(doc);
  for (const name of paramOnly) delete doc.components.schemas[name]['x-amf-examples'];
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS.filter((m) => item[m])) {
      const declared = operations.find((o) => o.path === path && o.method === method)?.params ?? [];
      for (const p of [...(item.parameters ?? []), ...(item[method].parameters ?? [])]) {
        if (p.schema && !p.schema.$ref) delete p.schema['x-amf-examples'];
        if (p.example !== undefined || p.examples !== undefined) continue;
        const schema = p.schema?.$ref ? componentOf(p.schema.$ref) : p.schema;
        const enumOfOne = Array.isArray(schema?.enum) && schema.enum.length === 1 ? schema.enum[0] : undefined;
        const example = declared.find((d) => d.in === p.in && d.name === p.name)?.example ?? enumOfOne ?? (paramOnly.has(p.schema?.$ref?.split('/').pop()) ? undefined : schema?.example);
        if (example === undefined) missing.push(`${method.toUpperCase()} ${path} ${p.in} ${p.name}`);
        else p.example = example;
      }
    }
  }
  return missing;
}

/** Components that only parameters refer to (the X-Invoker header types). */
function parameterOnlyComponents(doc: Json): Set<string> {
  const text = (v: unknown) => JSON.stringify(v ?? {});
  const params = text(Object.values<Json>(doc.paths ?? {}).flatMap((item) => [item.parameters ?? [], ...METHODS.map((m) => item[m]?.parameters ?? [])]));
  const elsewhere = text({ ...doc, paths: Object.fromEntries(Object.entries<Json>(doc.paths ?? {}).map(([k, item]) => [k, Object.fromEntries(METHODS.filter((m) => item[m]).map((m) => [m, { ...item[m], parameters: undefined }]))])) });
  return new Set(
    Object.keys(doc.components?.schemas ?? {}).filter((name) => {
      const ref = `"#/components/schemas/${name}"`;
      return params.includes(ref) && !elsewhere.includes(ref);
    }),
  );
}

/**
 * AMF writes some single examples of a type as `example: {value: ...}`: the example is then
 * wrong for every tool (Spectral reports it as the type's missing fields). Unwrapped, unless the
 * type itself has a `value` field.
 */
export function unwrapSchemaExamples(node: Json): void {
  if (Array.isArray(node)) return node.forEach(unwrapSchemaExamples);
  if (!node || typeof node !== 'object') return;
  const e = node.example;
  if (e && typeof e === 'object' && !Array.isArray(e) && Object.keys(e).length === 1 && 'value' in e && !node.properties?.value) node.example = e.value;
  for (const [k, v] of Object.entries(node)) if (k !== 'example' && k !== 'x-amf-examples' && k !== 'examples') unwrapSchemaExamples(v);
}
