import { createRequire } from 'node:module';
import type { DocOperation, DocParam } from '../../src/docs/model/contract-model';
import { CONTRACT_FORMATS } from '../../src/policies/contract-validation/formats';
import { findDuplicateKey } from '../../src/routing/json-duplicate-keys';
import { badCharacter } from '../../src/policies/json-threat-protection/handler';

/**
 * Whether a request breaks its operation's contract, decided apart from the gateway: AJV 8 (the
 * version express-openapi-validator ships, loaded from its folder) on the operation's schemas,
 * plus the rules the gateway adds to the contract (no repeated key, no BOM, no control character
 * or lone surrogate, strings of at most 4096 characters). 'unknown' where the contract does not
 * say (a repeated query parameter).
 */
const eovRequire = createRequire(require.resolve('express-openapi-validator'));
const Ajv = eovRequire('ajv').default ?? eovRequire('ajv');
const addFormats = eovRequire('ajv-formats').default ?? eovRequire('ajv-formats');

export interface FuzzRequest {
  method: string;
  /** The raw request target, as it goes on the wire. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export type Verdict = 'valid' | 'invalid' | 'unknown';

const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
addFormats(ajv);
for (const [name, f] of Object.entries(CONTRACT_FORMATS)) ajv.addFormat(name, f);

const compiled = new WeakMap<object, (v: unknown) => boolean>();
function validator(schema: object, components: unknown): (v: unknown) => boolean {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile({ ...schema, components }) as (v: unknown) => boolean;
    compiled.set(schema, fn);
  }
  return fn!;
}

function paramValue(p: DocParam, raw: string): unknown {
  const t = p.schema?.type;
  if ((t === 'integer' || t === 'number') && /^-?[0-9]+(\.[0-9]+)?$/.test(raw)) return Number(raw);
  if (t === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function stringsOf(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringsOf(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push(k), stringsOf(x, out));
  return out;
}

/** known: the client's real credentials (a wrong secret is invalid). */
export function verdict(op: DocOperation, req: FuzzRequest, known?: { clientId: string; clientSecret: string }): Verdict {
  if (req.method.toLowerCase() !== op.method) return 'invalid';
  const header = (name: string) => Object.entries(req.headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const [rawPath, rawQuery = ''] = req.path.split('?');
  // the path: every parameter decodes and matches its schema
  const template = `${op.basePath}${op.path}`.split('/');
  const segments = rawPath.split('/');
  if (template.length !== segments.length) return 'invalid';
  for (let i = 0; i < template.length; i++) {
    const m = /^\{(.+)\}$/.exec(template[i]);
    if (!m) {
      if (template[i] !== segments[i]) return 'invalid';
      continue;
    }
    let value: string;
    try {
      value = decodeURIComponent(segments[i]);
    } catch {
      return 'invalid';
    }
    const p = op.params.find((x) => x.in === 'path' && x.name === m[1]);
    if (!p || !validator(p.schema, op.spec.components)(paramValue(p, value))) return 'invalid';
  }
  // the query: no unknown parameter, each declared one valid, every required one present
  let pairs: Array<[string, string]>;
  try {
    pairs = rawQuery
      ? rawQuery.split('&').map((kv) => {
          const [k, v = ''] = kv.split('=');
          return [decodeURIComponent(k.replace(/\+/g, ' ')), decodeURIComponent(v.replace(/\+/g, ' '))] as [string, string];
        })
      : [];
  } catch {
    return 'invalid';
  }
  const names = pairs.map(([k]) => k);
  if (new Set(names).size !== names.length) return 'unknown';
  for (const [k, v] of pairs) {
    const p = op.params.find((x) => x.in === 'query' && x.name === k);
    if (!p || !validator(p.schema, op.spec.components)(paramValue(p, v))) return 'invalid';
  }
  for (const p of op.params) {
    if (p.in === 'query' && p.required && !names.includes(p.name)) return 'invalid';
    if (p.in !== 'header') continue;
    const v = header(p.name);
    if (v === undefined) {
      if (p.required) return 'invalid';
    } else if (!validator(p.schema, op.spec.components)(v)) return 'invalid';
  }
  // security headers and media types
  if (!header('client_id') || !header('client_secret') || !/^Bearer [A-Za-z0-9._-]+$/.test(header('authorization') ?? '')) return 'invalid';
  if (known && (header('client_id') !== known.clientId || header('client_secret') !== known.clientSecret)) return 'invalid';
  const accept = header('accept');
  if (accept && !/application\/json|\*\/\*/.test(accept)) return 'invalid';
  if (!op.bodySchema) return 'valid';
  // the body: the gateway's own rules, then the route's normalization, then the schema
  if (req.body === undefined || req.body === '') return 'invalid';
  if (!/^application\/json/.test(header('content-type') ?? '')) return 'invalid';
  if (req.body.charCodeAt(0) === 0xfeff || findDuplicateKey(req.body) !== undefined) return 'invalid';
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return 'invalid';
  }
  if (stringsOf(body).some((s) => s.length > 4096 || badCharacter(s) !== undefined)) return 'invalid';
  try {
    op.route?.preValidate?.({ body, get: header } as never);
  } catch {
    return 'invalid';
  }
  return validator(op.bodySchema, op.spec.components)(body) ? 'valid' : 'invalid';
}
