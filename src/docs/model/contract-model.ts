import fs from 'node:fs';
import type { ApiDefinition, RouteDefinition } from '../../gateway/api';

/**
 * The portal's reading of one API: everything comes from the committed OpenAPI (generated from the
 * RAML by AMF) and the route table, so the portal and the QA kit cannot drift from the contract.
 */
type Json = any;

export interface DocParam {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  /** The parameter's schema with a top-level $ref resolved. */
  schema: Json;
  example?: unknown;
}

export interface DocExample {
  name: string;
  title?: string;
  description?: string;
  /** false: an illustration with placeholders (RAML strict: false), not sent as written. */
  runnable: boolean;
  value: unknown;
}

export interface DocResponse {
  status: number;
  description: string;
  schemaName?: string;
  example?: unknown;
  /** Top-level fields the response schema requires. */
  required: string[];
}

export interface DocOperation {
  api: string;
  basePath: string;
  operationId: string;
  method: string;
  path: string;
  /** C1, T14, F6...: the catalog number the description starts with, when it does. */
  code?: string;
  summary: string;
  description: string;
  params: DocParam[];
  bodySchemaName?: string;
  /** The request body's schema ($refs resolved with schemaOf(spec, ...)). */
  bodySchema?: Json;
  bodyExamples: DocExample[];
  responses: DocResponse[];
  route?: RouteDefinition;
  spec: Json;
}

export interface DocSection {
  title: string;
  content: string;
}

export interface DocApi {
  name: string;
  title: string;
  version: string;
  basePath: string;
  description: string;
  operations: DocOperation[];
  documentation: DocSection[];
  spec: Json;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function schemaOf(spec: Json, node: Json): Json {
  let s = node;
  for (let i = 0; s && s.$ref && i < 10; i++) s = spec.components?.schemas?.[String(s.$ref).split('/').pop()!];
  return s ?? {};
}

const refName = (node: Json): string | undefined => (node?.$ref ? String(node.$ref).split('/').pop() : undefined);

/** A schema's examples: `example`, or AMF's named `x-amf-examples` (plain values or {displayName, value}). */
export function examplesOf(schema: Json): DocExample[] {
  if (schema?.example !== undefined) {
    // AMF sometimes wraps a single example as {value: ...}; unwrap unless the type has a "value" field
    const e = schema.example;
    const wrapped = e && typeof e === 'object' && !Array.isArray(e) && Object.keys(e).length === 1 && 'value' in e && !schema.properties?.value;
    return [{ name: 'example', runnable: true, value: wrapped ? e.value : e }];
  }
  const named = schema?.['x-amf-examples'];
  if (!named || typeof named !== 'object') return [];
  return Object.entries<Json>(named).map(([name, v]) => {
    const wrapped = v && typeof v === 'object' && 'value' in v && Object.keys(v).every((k) => ['value', 'displayName', 'description', 'strict'].includes(k));
    return wrapped
      ? { name, title: v.displayName, description: v.description, runnable: v.strict !== false, value: v.value }
      : { name, runnable: true, value: v };
  });
}

/** The first sentence (up to a "." or ":" outside parentheses), without the catalog number. */
function summaryOf(description: string): { code?: string; summary: string } {
  const text = description.trim().replace(/\s*\n\s*/g, ' ');
  const m = /^([CTF][0-9]{1,2})\s+-\s+(.*)$/.exec(text);
  const rest = (m ? m[2] : text).replace(/^"|"$/g, '');
  let depth = 0;
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === '.' || c === ':') && depth === 0 && (i === rest.length - 1 || rest[i + 1] === ' ')) {
      end = i;
      break;
    }
  }
  const sentence = rest.slice(0, end);
  return { code: m?.[1], summary: sentence.length > 110 ? `${sentence.slice(0, 107)}...` : sentence };
}

function documentationOf(spec: Json): DocSection[] {
  const out: DocSection[] = [];
  const ext = spec.externalDocs;
  if (ext?.description) out.push({ title: ext['x-amf-title'] ?? 'Documentation', content: ext.description });
  for (const d of spec['x-amf-userDocumentation'] ?? []) out.push({ title: d.title, content: d.content ?? '' });
  return out;
}

export function loadDocApi(api: Pick<ApiDefinition, 'name' | 'basePath' | 'specFile' | 'routes'>): DocApi {
  const spec = JSON.parse(fs.readFileSync(api.specFile, 'utf8'));
  const operations: DocOperation[] = [];
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const description: string = op.description ?? '';
      const params: DocParam[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => {
        const schema = schemaOf(spec, p.schema);
        return {
          name: p.name,
          in: p.in,
          required: Boolean(p.required),
          description: p.description ?? schema.description,
          schema,
          example: p.example ?? p.schema?.example ?? schema.example,
        };
      });
      const body = op.requestBody?.content?.['application/json'];
      const responses: DocResponse[] = Object.entries<Json>(op.responses ?? {}).map(([status, r]) => {
        const content = r.content?.['application/json'];
        const schema = content ? schemaOf(spec, content.schema) : undefined;
        return {
          status: Number(status),
          description: (r.description ?? '').trim(),
          schemaName: refName(content?.schema),
          example: examplesOf(schema)[0]?.value,
          required: Array.isArray(schema?.required) ? schema.required : [],
        };
      });
      operations.push({
        api: api.name,
        basePath: api.basePath,
        operationId: op.operationId,
        method,
        path,
        ...summaryOf(description),
        description,
        params,
        bodySchemaName: refName(body?.schema),
        bodySchema: body ? schemaOf(spec, body.schema) : undefined,
        bodyExamples: body ? examplesOf(schemaOf(spec, body.schema)) : [],
        responses,
        route: api.routes.find((r) => r.operationId === op.operationId),
        spec,
      });
    }
  }
  return {
    name: api.name,
    title: spec.info?.title ?? api.name,
    version: spec.info?.version ?? '',
    basePath: api.basePath,
    description: spec.info?.description ?? '',
    operations,
    documentation: documentationOf(spec),
    spec,
  };
}

/** The schema of a body field (dotted path), following properties and $refs. */
export function fieldSchema(op: DocOperation, path: string): Json | undefined {
  let s = op.bodySchema;
  for (const part of path.split('.')) {
    s = s ? schemaOf(op.spec, s.properties?.[part]) : undefined;
    if (!s || !Object.keys(s).length) return undefined;
  }
  return s;
}

export const successStatuses = (op: DocOperation): number[] => op.responses.map((r) => r.status).filter((s) => s >= 200 && s < 300);
