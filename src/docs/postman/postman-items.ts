import crypto from 'node:crypto';
import { successStatuses, type DocOperation } from '../model/contract-model';
import { successTests } from './scripts';

/** Postman v2.1 building blocks shared by the examples and the journeys. */
export interface PostmanItem {
  name: string;
  description?: string;
  item?: PostmanItem[];
  event?: Array<{ listen: 'prerequest' | 'test'; script: { type: 'text/javascript'; exec: string[] } }>;
  request?: {
    method: string;
    header: Array<{ key: string; value: string; description?: string }>;
    url: { raw: string; host: string[]; path: string[]; query?: Array<{ key: string; value: string }> };
    body?: { mode: 'raw'; raw: string; options: { raw: { language: 'json' } } };
    auth?: { type: 'basic'; basic: Array<{ key: 'username' | 'password'; value: string; type: 'string' }> };
    description?: string;
  };
}

export interface PostmanCollection {
  info: { _postman_id: string; name: string; description: string; schema: string };
  event: PostmanItem['event'];
  variable: Array<{ key: string; value: string }>;
  item: PostmanItem[];
}

export const stableId = (text: string): string => {
  const h = crypto.createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const SECURITY_HEADERS = [
  { key: 'client_id', value: '{{clientId}}' },
  { key: 'client_secret', value: '{{clientSecret}}' },
  { key: 'Authorization', value: 'Bearer {{accessToken}}' },
];

export const byCatalogOrder = (a: DocOperation, b: DocOperation): number => (a.code ? Number(a.code.slice(1)) : 1000) - (b.code ? Number(b.code.slice(1)) : 1000);

export interface RequestSpec {
  name: string;
  op: DocOperation;
  /** Path under the base path, with {{vars}} allowed. */
  path: string;
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  bodyText?: string;
  prerequest: string[];
  tests: string[];
  description?: string;
}

export function postmanRequest(spec: RequestSpec): PostmanItem {
  const qs = spec.query.map(([k, v]) => `${k}=${v}`).join('&');
  const path = `${spec.op.basePath}${spec.path}`;
  const event: PostmanItem['event'] = [];
  if (spec.prerequest.length) event.push({ listen: 'prerequest', script: { type: 'text/javascript', exec: spec.prerequest } });
  event.push({ listen: 'test', script: { type: 'text/javascript', exec: spec.tests } });
  return {
    name: spec.name,
    event,
    request: {
      method: spec.op.method.toUpperCase(),
      header: [
        ...SECURITY_HEADERS,
        ...spec.headers.map(([key, value]) => ({ key, value })),
        ...(spec.bodyText !== undefined ? [{ key: 'Content-Type', value: 'application/json' }] : []),
      ],
      url: {
        raw: `{{baseUrl}}${path}${qs ? `?${qs}` : ''}`,
        host: ['{{baseUrl}}'],
        path: path.split('/').filter(Boolean),
        ...(spec.query.length ? { query: spec.query.map(([key, value]) => ({ key, value })) } : {}),
      },
      ...(spec.bodyText !== undefined ? { body: { mode: 'raw' as const, raw: spec.bodyText, options: { raw: { language: 'json' as const } } } } : {}),
      ...(spec.description ? { description: spec.description } : {}),
    },
  };
}

/** Success tests from the contract: the documented 2xx statuses and the fields their schemas require. */
export function documentedTests(op: DocOperation): string[] {
  const statuses = successStatuses(op);
  const keys: Record<number, string[]> = {};
  let marker: 'responseType' | 'Resultado' | undefined;
  for (const r of op.responses.filter((x) => statuses.includes(x.status))) {
    const ex = r.example as Record<string, unknown> | undefined;
    keys[r.status] = r.required.filter((k) => k !== 'responseType');
    if (ex && typeof ex === 'object' && !Array.isArray(ex)) {
      if ((ex.responseType as { value?: string } | undefined)?.value === 'OK') marker = 'responseType';
      else if (ex.Resultado === 0) marker ??= 'Resultado';
    }
  }
  return successTests(statuses, keys, marker);
}

