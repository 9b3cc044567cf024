/**
 * Requests built from a published OpenAPI document alone, as a tool would: the path, query and
 * headers from the parameters' examples, the body from the request body's examples. An error
 * example is paired with its request by name (a body or parameter example of the same name). What
 * a request needs from the sandbox itself rides as x-sandbox on its example (an OTP, a fault).
 */
type Json = any;

export interface OpenApiRequest {
  operationId: string;
  /** The example's name (the request's, and the answer's when it is an error example). */
  name: string;
  method: string;
  /** Path under the server URL, query included. */
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  sandbox?: { fault?: string; otp?: 'delivered' | 'not-delivered' };
  /** An error example: the documented status and answer. A success: the documented 2xx statuses. */
  expect: { statuses: number[]; example?: Json };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** C1 < C5 < T1 < T15 < F1 < F7: the catalog order (T6 sends what T7 then finds pending). */
const catalogRank = (op: Json): number => {
  const m = /^([CTF])([0-9]+) /.exec(op.description ?? '');
  return m ? 'CTF'.indexOf(m[1]) * 100 + Number(m[2]) : 1000;
};

const examplesOf = (media: Json): Record<string, Json> =>
  media?.examples ?? (media?.example !== undefined ? { example: { value: media.example } } : {});

function paramValue(p: Json, name: string): unknown {
  return p.examples?.[name]?.value ?? p.example ?? p.examples?.default?.value;
}

export function openApiRequests(spec: Json): OpenApiRequest[] {
  const ops = Object.entries<Json>(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method], params: [...(item.parameters ?? []), ...(item[method].parameters ?? [])] })),
  );
  ops.sort((a, b) => catalogRank(a.op) - catalogRank(b.op));
  const out: OpenApiRequest[] = [];
  for (const { path, method, op, params } of ops) {
    const body = op.requestBody?.content?.['application/json'];
    const bodyExamples = examplesOf(body);
    const successes = Object.keys(op.responses).filter((s) => /^2/.test(s)).map(Number);
    const errors = Object.entries<Json>(op.responses)
      .filter(([s]) => Number(s) >= 400)
      .flatMap(([s, r]) => Object.entries<Json>(examplesOf(r.content?.['application/json'])).map(([name, e]) => ({ status: Number(s), name, example: e.value })))
      // a single unnamed example ("example") is nobody's pair
      .filter((e) => e.name !== 'example' && (bodyExamples[e.name] || params.some((p) => p.examples?.[e.name])));
    const errorNames = new Set(errors.map((e) => e.name));
    const names = body ? Object.keys(bodyExamples).filter((n) => !errorNames.has(n)) : ['default'];
    const build = (name: string, expect: OpenApiRequest['expect']): OpenApiRequest => {
      let url = path;
      const query: string[] = [];
      const headers: Record<string, string> = {};
      for (const p of params) {
        const specific = p.examples?.[name] !== undefined;
        if (!p.required && !specific) continue;
        const value = paramValue(p, name);
        if (value === undefined) throw new Error(`${op.operationId}: ${p.in} parameter ${p.name} has no example`);
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(value)));
        else if (p.in === 'query') query.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(String(value))}`);
        else if (p.in === 'header') headers[p.name] = String(value);
      }
      const ex = bodyExamples[name];
      return {
        operationId: op.operationId,
        name,
        method: method.toUpperCase(),
        url: query.length ? `${url}?${query.join('&')}` : url,
        headers,
        ...(body ? { body: ex?.value } : {}),
        ...(ex?.['x-sandbox'] ? { sandbox: ex['x-sandbox'] } : {}),
        expect,
      };
    };
    // errors first: a wrong OTP is refused only while the delivered one is still unused
    for (const e of errors) out.push(build(e.name, { statuses: [e.status], example: e.example }));
    for (const name of names) out.push(build(name, { statuses: successes }));
  }
  return out;
}
