import fc from 'fast-check';
import type { DocOperation } from '../../src/docs/model/contract-model';
import { buildExampleRequests, julianDate, VAR } from '../../src/docs/model/request-examples';
import type { FuzzRequest } from './oracle';

/** The example's {{variables}} replaced by their values (unknown names left as they are). */
const substitute = (text: string, values: Record<string, string>): string => text.replace(/\{\{([A-Za-z0-9_$]+)\}\}/g, (m, name: string) => values[name] ?? m);

/** Today's values of the correspondent headers: a TxId with today's Julian date and its ProcessId. */
function todaysValues(now = new Date()): Record<string, string> {
  const txId = `APIF${julianDate(now)}320000000001`;
  return {
    [VAR.processDate]: now.toISOString().slice(0, 10),
    [VAR.txId]: txId,
    [VAR.processId]: txId.slice(-11).padStart(12, '0'),
    [VAR.pairedTxId]: `APIF${julianDate(now)}320000000002`,
  };
}

export interface Credentials {
  clientId: string;
  clientSecret: string;
  token: string;
}

/** The portal's first runnable example of the operation (what every partner starts from), as a request. */
export function baseRequest(op: DocOperation, creds: Credentials): FuzzRequest {
  const { requests } = buildExampleRequests(op, { references: 'as-written' });
  const r = requests.find((x) => !x.notRunnable) ?? requests[0];
  const values = { ...todaysValues(), [VAR.sessionKey]: creds.token.slice(0, 30), [VAR.otp]: '123456' };
  const qs = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const headers: Record<string, string> = { client_id: creds.clientId, client_secret: creds.clientSecret, Authorization: `Bearer ${creds.token}` };
  for (const [name, value] of r.headers) headers[name] = substitute(value, values);
  if (headers['Idempotency-Key']) headers['Idempotency-Key'] = `fuzz-${op.operationId}`;
  const req: FuzzRequest = { method: r.method.toUpperCase(), path: `${op.basePath}${r.path}${qs ? `?${qs}` : ''}`, headers };
  if (r.bodyText !== undefined) {
    req.body = JSON.stringify(JSON.parse(substitute(r.bodyText, values)));
    req.headers['Content-Type'] = 'application/json';
  }
  return req;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Paths to every leaf and every object of a JSON value. */
function locations(v: Json, at: Array<string | number> = [], leaves: Array<Array<string | number>> = [], objects: Array<Array<string | number>> = []) {
  if (Array.isArray(v)) v.forEach((x, i) => locations(x, [...at, i], leaves, objects));
  else if (v !== null && typeof v === 'object') {
    objects.push(at);
    for (const [k, x] of Object.entries(v)) locations(x, [...at, k], leaves, objects);
  } else leaves.push(at);
  return { leaves, objects };
}

function setAt(root: Json, at: Array<string | number>, value: Json | undefined): Json {
  if (!at.length) return value as Json;
  const copy = structuredClone(root) as any;
  let cur = copy;
  for (const k of at.slice(0, -1)) cur = cur[k];
  const last = at[at.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

const getAt = (root: Json, at: Array<string | number>): any => at.reduce<any>((o, k) => (o == null ? undefined : o[k]), root);

const CONTROL_OR_SURROGATE = fc.constantFrom('\u0000', '\u0007', '\n', '\u001f', '\u007f', '\ud800', '\udfff', '\ud83c');
const ODD_STRINGS = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.tuple(fc.string({ maxLength: 8 }), CONTROL_OR_SURROGATE, fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c),
  fc.constantFrom('', ' ', '\u202e', '\ufeff', 'A'.repeat(5000), '<script>', "' OR 1=1 --", '${jndi:ldap://x}', '../../etc/passwd'),
);
const ANY_JSON: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 10 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const BOUNDARY_NUMBERS = fc.constantFrom(0, -1, 1, 0.001, 0.005, 1.999, 1e15, 1e21, -1e21, 9007199254740993, 2147483648, -2147483649);
const PATH_VALUES = fc.oneof(
  fc.constantFrom('%', '%E0%A4%A', '%zz', '%C0%AF', '%2F..%2F..%2Fetc', '..', '%00', '%0A', '%20', 'x'.repeat(300), '%F0%9F%8E%81', '%ED%A0%80'),
  fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponent),
);

export interface Mutant {
  family: string;
  req: FuzzRequest;
}

/** One request: the example with fresh references, or a mutant of one of the families. */
export function requestArbitrary(op: DocOperation, base: FuzzRequest): fc.Arbitrary<Mutant> {
  const body: Json | undefined = base.body === undefined ? undefined : JSON.parse(base.body);
  const { leaves, objects } = body === undefined ? { leaves: [], objects: [] } : locations(body);
  const withBody = (family: string, b: Json | undefined, raw?: string): Mutant => ({ family, req: { ...base, body: raw ?? (b === undefined ? undefined : JSON.stringify(b)) } });
  const families: Array<fc.Arbitrary<Mutant>> = [
    // valid: the example with its client-chosen references renewed (a new transaction each time)
    fc.tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.uuid()).map(([n, uuid]) => {
      let text = base.body;
      if (text) {
        text = text
          .replace(/"IdFacilito":\d+/, `"IdFacilito":${700_000_000_000 + n}`)
          .replace(/"refId":"APII\d+"/, `"refId":"APII${String(2_223_326_017_000_000 + n)}"`)
          .replace(/"trnRqUID":"\d+"/, `"trnRqUID":"${String(n % 1_000_000).padStart(6, '0')}"`);
      }
      const headers = { ...base.headers };
      if (headers['Idempotency-Key']) headers['Idempotency-Key'] = uuid;
      return { family: 'valid', req: { ...base, headers, body: text } };
    }),
    // path and query encoding
    PATH_VALUES.map((v) => {
      const [p, q] = base.path.split('?');
      const parts = p.split('/');
      const i = parts.length - 1 - [...parts].reverse().findIndex((s) => /^[0-9A-Za-z%._-]+$/.test(s) && /[0-9]/.test(s));
      if (i < parts.length && i > 0) parts[i] = v;
      else parts.push(v);
      return { family: 'path-encoding', req: { ...base, path: `${parts.join('/')}${q ? `?${q}` : ''}` } };
    }),
    fc.tuple(fc.constantFrom('unknown', 'duplicate', 'malformed', 'credential'), fc.string({ maxLength: 6 })).map(([kind, s]) => {
      const [p, q = ''] = base.path.split('?');
      const first = q.split('&')[0];
      const extra = {
        unknown: `x${encodeURIComponent(s)}=1`,
        duplicate: first || 'a=1&a=2',
        malformed: first ? `${first.split('=')[0]}=%E0%A4%A` : 'a=%E0%A4%A',
        credential: `access_token=${encodeURIComponent(s)}x`,
      }[kind]!;
      return { family: `query-${kind}`, req: { ...base, path: `${p}?${[q, extra].filter(Boolean).join('&')}` } };
    }),
    // headers
    fc.tuple(fc.constantFrom(...Object.keys(base.headers), 'Content-Type', 'Accept', 'X-Invoker-Channel'), fc.constantFrom('drop', 'junk', 'long', 'wrong-secret', 'html')).map(
      ([name, how]) => {
        const headers = { ...base.headers };
        if (how === 'drop') delete headers[name];
        else if (how === 'junk') headers[name] = '\u00ff\u00fe junk';
        else if (how === 'long') headers[name] = 'x'.repeat(9000);
        else if (how === 'wrong-secret') headers.client_secret = `${headers.client_secret}x`;
        else headers.Accept = 'text/html';
        return { family: `header-${how}`, req: { ...base, headers } };
      },
    ),
  ];
  if (body !== undefined) {
    const leaf = leaves.length ? fc.constantFrom(...leaves) : fc.constant([] as Array<string | number>);
    const obj = fc.constantFrom(...(objects.length ? objects : [[]]));
    families.push(
      fc.tuple(leaf, ODD_STRINGS).map(([at, s]) => withBody('unicode', setAt(body, at, s))),
      fc.tuple(leaf, ANY_JSON).map(([at, v]) => withBody('types', setAt(body, at, v))),
      fc.tuple(leaf, BOUNDARY_NUMBERS).map(([at, n]) => withBody('boundaries', setAt(body, at, typeof getAt(body, at) === 'string' ? String(n) : n))),
      leaf.map((at) => withBody('missing', setAt(body, at, undefined))),
      fc.tuple(obj, fc.string({ minLength: 1, maxLength: 8 }), ANY_JSON).map(([at, k, v]) => withBody('extra', setAt(body, [...at, `x${k}`], v))),
      obj.map((at) => {
        // a key of this object written twice: the second value differs from the first
        const o = getAt(body, at);
        const k = o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o)[0] : undefined;
        const text = JSON.stringify(body);
        if (!k) return withBody('duplicate-keys', body, text.replace(/^\{/, '{"a":1,"a":2,'));
        const inner = JSON.stringify(o);
        return withBody('duplicate-keys', body, text.replace(inner, inner.replace(/^\{/, `{${JSON.stringify(k)}:"dup",`)));
      }),
      fc.constant(withBody('bom', body, `\ufeff${base.body}`)),
      fc.constantFrom('{', '[]', 'null', '"x"', '{"a":', '1e309', '').map((raw) => withBody('malformed-json', body, raw)),
    );
  }
  return fc.oneof(...families);
}
