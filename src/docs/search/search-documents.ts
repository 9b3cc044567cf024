import type { DocApi, DocOperation } from '../model/contract-model';
import { schemaOf } from '../model/contract-model';
import { CORE_ERROR_TABLES } from '../model/error-tables';
import { GATEWAY_ERRORS } from '../../errors/catalog';
import { TRANSFERS_ERRORS } from '../../adapters/catalogs/transfers';
import { opAnchor } from '../pages/operation-section';
import { slug } from '../render/html';

/**
 * What the portal's search finds: every operation, every field of every request (body, path and
 * query), every header and every error code, each with the page and anchor it is explained at.
 */
export interface SearchDocument {
  id: string;
  kind: 'operation' | 'field' | 'header' | 'error';
  title: string;
  /** Where it is, for the result list (API, operation...). */
  where: string;
  /** Searched, and shown shortened under the title. */
  text: string;
  href: string;
}

/** Row anchors the pages give their error and header tables (the search links to them). */
export const errorRowId = (table: string, code: string): string => `err-${slug(table)}-${slug(code)}`;
export const GATEWAY_TABLE = 'gateway';
export const headerRowId = (name: string): string => `hdr-${slug(name)}`;

const firstLine = (s: string | undefined): string => (s ?? '').split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();

/** Leaf fields of a request body: dotted paths (array items without an index), with their descriptions. */
function fieldsOf(op: DocOperation): Array<{ path: string; description: string }> {
  const out = new Map<string, string>();
  const walk = (node: any, prefix: string, depth: number, seen: Set<any>) => {
    const s = schemaOf(op.spec, node);
    if (!s || depth > 8 || seen.has(s)) return;
    const next = new Set(seen).add(s);
    for (const k of ['allOf', 'oneOf', 'anyOf']) for (const sub of s[k] ?? []) walk(sub, prefix, depth + 1, next);
    if (s.items) walk(s.items, prefix, depth + 1, next);
    for (const [name, child] of Object.entries<any>(s.properties ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      const c = schemaOf(op.spec, child);
      if (!out.has(path) || !out.get(path)) out.set(path, firstLine(child.description ?? c?.description));
      walk(child, path, depth + 1, next);
    }
  };
  if (op.bodySchema) walk(op.bodySchema, '', 0, new Set());
  for (const p of op.params.filter((x) => x.in !== 'header')) out.set(p.name, `${p.in} parameter. ${firstLine(p.description)}`);
  return [...out].map(([path, description]) => ({ path, description }));
}

export function searchDocuments(apis: DocApi[]): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const api of apis) {
    const page = `/docs/${api.name}`;
    const headers = new Map<string, string>();
    for (const op of api.operations) {
      const label = `${op.code ? `${op.code} ` : ''}${op.operationId}`;
      const href = `${page}#${opAnchor(op)}`;
      docs.push({ id: `op:${api.name}:${op.operationId}`, kind: 'operation', title: label, where: `${api.title} · ${op.method.toUpperCase()} ${api.basePath}${op.path}`, text: `${op.summary}. ${firstLine(op.description)}`, href });
      for (const f of fieldsOf(op)) docs.push({ id: `field:${api.name}:${op.operationId}:${f.path}`, kind: 'field', title: f.path, where: `${api.title} · ${label}`, text: f.description, href });
      for (const p of op.params.filter((x) => x.in === 'header')) if (!headers.has(p.name)) headers.set(p.name, firstLine(p.description ?? p.schema.description));
    }
    for (const [name, description] of headers) {
      const href = name === 'Idempotency-Key' || name === 'X-Sandbox-Fault' ? `${page}#money` : `${page}#${headerRowId(name)}`;
      docs.push({ id: `header:${api.name}:${name}`, kind: 'header', title: name, where: `${api.title} · headers`, text: description, href });
    }
    for (const table of CORE_ERROR_TABLES[api.name] ?? []) {
      for (const r of table.rows) docs.push({ id: `error:${api.name}:${table.title}:${r.errorCode}`, kind: 'error', title: r.errorCode, where: `${api.title} · ${table.title} · HTTP ${r.status}`, text: `${r.errorType} ${r.errorDesc}`, href: `${page}#${errorRowId(table.title, r.errorCode)}` });
    }
    if (api.name === 'transfers-management') {
      // its own "Error codes" page (RAML documentation) lists these under the core codes
      for (const r of TRANSFERS_ERRORS.rows) docs.push({ id: `error:${api.name}:transfers:${r.errorCode}:${r.status}`, kind: 'error', title: r.errorCode, where: `${api.title} · Error codes · HTTP ${r.status}`, text: `${r.errorType} ${r.errorDesc}`, href: `${page}#errors-core` });
    }
  }
  for (const [name, description] of [['client_id', "Your client application's id"], ['client_secret', "Your client application's secret"], ['Authorization', 'Bearer access token from POST /oauth/token']]) {
    docs.push({ id: `header:security:${name}`, kind: 'header', title: name, where: 'Authentication · every call', text: description, href: '/docs#authentication' });
  }
  for (const e of Object.values(GATEWAY_ERRORS)) {
    docs.push({ id: `error:gateway:${e.errorCode}`, kind: 'error', title: e.errorCode, where: `Gateway codes · ${e.errorType} · HTTP ${e.status}`, text: e.errorDesc, href: `/docs#${errorRowId(GATEWAY_TABLE, e.errorCode)}` });
  }
  // a catalog may list one code twice (another type or wording): each row is its own result
  const seen = new Map<string, number>();
  return docs.map((d) => {
    const n = (seen.get(d.id) ?? 0) + 1;
    seen.set(d.id, n);
    return n === 1 ? d : { ...d, id: `${d.id}#${n}` };
  });
}
