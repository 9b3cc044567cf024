import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/**
 * The examples of each operation as the RAML writes them, read from the RAML text itself: AMF
 * attaches a body's examples to the body's type, so every response typed ErrorEnvelope ends up
 * with every error example of the API and the OpenAPI cannot tell which one is a 404 of C1.
 * Traits are applied the RAML way: an operation's own response wins over its traits'.
 */
type Json = any;

export interface RamlExample {
  name: string;
  summary?: string;
  description?: string;
  /** RAML `strict: false`: an illustration with placeholders, not a valid request. */
  strict: boolean;
  value: unknown;
  /** The `(request)` annotation of an error example: what to send to get this answer. */
  request?: Json;
  /** The `(sandbox)` annotation: what a request needs from the sandbox itself (an OTP, a fault). */
  sandbox?: Json;
}

export interface OperationExamples {
  method: string;
  /** The OpenAPI path (RAML resources joined). */
  path: string;
  body: RamlExample[];
  /** status -> examples */
  responses: Record<string, RamlExample[]>;
  /** Each parameter's `example` as the RAML writes it where it declares the parameter. */
  params: Array<{ in: 'path' | 'query' | 'header'; name: string; example: unknown }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function readYaml(file: string): Json {
  const dir = path.dirname(file);
  const include = {
    tag: '!include',
    resolve: (ref: string) => {
      const target = path.join(dir, ref);
      const text = fs.readFileSync(target, 'utf8');
      return target.endsWith('.json') ? JSON.parse(text) : text;
    },
  };
  return YAML.parse(fs.readFileSync(file, 'utf8'), { customTags: [include] });
}

function examplesOf(media: Json, sandbox?: Json): RamlExample[] {
  if (!media || typeof media !== 'object') return [];
  const list = media.example !== undefined ? [exampleOf('example', media.example)] : Object.entries<Json>(media.examples ?? {}).map(([name, v]) => exampleOf(name, v));
  // an operation's (sandbox) annotation applies to each example of its body
  return sandbox ? list.map((e) => ({ ...e, sandbox: e.sandbox ?? sandbox })) : list;
}

const FACETS = ['value', 'displayName', 'description', 'strict'];

/** An example is written with facets ({value, displayName, strict, (annotation)...}) or as the plain value. */
function exampleOf(name: string, raw: Json): RamlExample {
  const keys = raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw) : [];
  const faceted = keys.includes('value') && keys.every((k) => FACETS.includes(k) || /^\(.+\)$/.test(k));
  if (!faceted) return { name, strict: true, value: raw };
  return {
    name,
    summary: raw.displayName,
    description: typeof raw.description === 'string' ? raw.description.trim() : undefined,
    strict: raw.strict !== false,
    value: raw.value,
    request: raw['(request)'],
    sandbox: raw['(sandbox)'],
  };
}

const jsonBody = (r: Json) => r?.body?.['application/json'] ?? r?.body;

function traitsOf(file: string, doc: Json): Record<string, Json> {
  const traits: Record<string, Json> = {};
  for (const [alias, lib] of Object.entries<string>(doc.uses ?? {})) {
    const library = readYaml(path.join(path.dirname(file), lib));
    for (const [name, trait] of Object.entries<Json>(library.traits ?? {})) traits[`${alias}.${name}`] = trait;
  }
  return traits;
}

/** Every operation of a RAML API with its body and response examples. */
export function ramlOperationExamples(file: string): OperationExamples[] {
  const doc = readYaml(file);
  const traits = traitsOf(file, doc);
  const out: OperationExamples[] = [];
  const walk = (node: Json, prefix: string, uriParams: Record<string, Json>) => {
    const inScope = { ...uriParams, ...(node?.uriParameters ?? {}) };
    for (const [key, child] of Object.entries<Json>(node ?? {})) {
      if (key.startsWith('/')) {
        walk(child, prefix + key, inScope);
        continue;
      }
      if (!METHODS.includes(key) || !child) continue;
      const responses: Record<string, RamlExample[]> = {};
      const applied = [child, ...(child.is ?? []).map((t: string) => traits[t]).filter(Boolean)];
      const params: OperationExamples['params'] = [];
      const collect = (where: 'path' | 'query' | 'header', decl: Record<string, Json> | undefined) => {
        for (const [raw, spec] of Object.entries<Json>(decl ?? {})) {
          const name = raw.replace(/\?$/, '');
          if (params.some((p) => p.in === where && p.name === name)) continue;
          if (spec && typeof spec === 'object' && spec.example !== undefined) params.push({ in: where, name, example: spec.example });
        }
      };
      collect('path', inScope);
      for (const source of applied) {
        collect('query', source.queryParameters);
        collect('header', source.headers);
      }
      for (const source of applied) {
        for (const [status, r] of Object.entries<Json>(source.responses ?? {})) {
          const found = examplesOf(jsonBody(r));
          if (responses[status] === undefined || (!responses[status].length && found.length)) responses[status] = found;
        }
      }
      out.push({ method: key, path: prefix, body: examplesOf(jsonBody(child), child['(sandbox)']), responses, params });
    }
  };
  walk(doc, '', {});
  return out;
}
