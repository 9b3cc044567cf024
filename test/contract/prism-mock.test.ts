import fs from 'node:fs';
import { CONTRACT_APIS, specFile } from '../../src/contracts/raml-to-openapi';
import { openApiRequests } from './helpers/openapi-requests';
import { startPrism, type PrismHandle } from './helpers/prism';

/**
 * `prism mock apis/<api>/openapi.json`, the mock a partner codes against before having sandbox
 * credentials: every operation's example request (built from the document alone) is answered
 * with the operation's documented success example, and an error example's request, asked for by
 * name (Prefer: code=..., example=...), with that example. Prism validates each request first.
 */
const specs = CONTRACT_APIS.map((a) => ({ ...a, spec: JSON.parse(fs.readFileSync(specFile(a.name), 'utf8')) }));
const AUTH = { client_id: 'any-client', client_secret: 'any-secret', Authorization: 'Bearer any.jwt.token' };

describe('prism mock on the published documents', () => {
  const mocks = new Map<string, PrismHandle>();
  beforeAll(async () => {
    await Promise.all(specs.map(async (s) => mocks.set(s.name, await startPrism(['mock', specFile(s.name)]))));
  }, 240_000);
  afterAll(async () => Promise.all([...mocks.values()].map((m) => m.stop())));

  it.each(specs.map((s) => [s.name, s] as const))('when every example request of %s is sent to the mock, then each gets its documented example', async (name, s) => {
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (const r of openApiRequests(s.spec)) {
      const op = Object.values<any>(s.spec.paths).flatMap((item) => Object.values<any>(item)).find((o) => o.operationId === r.operationId);
      const status = r.expect.example ? r.expect.statuses[0] : r.expect.statuses[0];
      const media = op.responses[String(status)].content['application/json'];
      const exampleName = r.expect.example ? r.name : Object.keys(media.examples ?? { example: 0 })[0];
      const expected = r.expect.example ?? media.example ?? media.examples[exampleName].value;
      const prefer = media.examples ? `code=${status}, example=${exampleName}` : `code=${status}`;
      const res = await fetch(`${mocks.get(name)!.base}${r.url}`, {
        method: r.method,
        headers: { ...AUTH, ...r.headers, Prefer: prefer, ...(r.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        body: r.body === undefined ? undefined : JSON.stringify(r.body),
      });
      got.push({ request: `${r.operationId} ${r.name}`, status: res.status, body: await res.json(), violations: res.headers.get('sl-violations') ?? undefined });
      want.push({ request: `${r.operationId} ${r.name}`, status, body: expected, violations: undefined });
    }
    expect(got).toEqual(want);
  }, 60_000);
});
