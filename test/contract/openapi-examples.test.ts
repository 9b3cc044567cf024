import fs from 'node:fs';
import { CONTRACT_APIS, specFile } from '../../src/contracts/raml-to-openapi';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { openApiRequests, type OpenApiRequest } from './helpers/openapi-requests';
import { sendExample } from './helpers/send-example';

/**
 * The contract's own examples are valid requests: each request is built from the published
 * OpenAPI alone (parameters' and bodies' examples, the demo client's credentials) and sent to a
 * fresh sandbox gateway, in catalog order. A success example gets a documented 2xx; an error
 * example's request (paired by name) gets that example's status and codes.
 */
const specs = CONTRACT_APIS.map((a) => ({ ...a, spec: JSON.parse(fs.readFileSync(specFile(a.name), 'utf8')) }));

const outcome = (status: number, body: any) => ({
  status,
  errorCode: body?.responseDetail?.errorCode,
  errorType: body?.responseDetail?.errorType,
  ...(body && 'Resultado' in body ? { Resultado: body.Resultado } : {}),
});

describe('the published examples against the sandbox', () => {
  let t: TestGateway;
  beforeAll(async () => {
    // the 504 example is a timeout the sandbox injects: a short per-call timeout keeps it quick
    t = await startGateway({ backends: { bankmaster: { timeoutMs: 1000 } } });
  });
  afterAll(async () => t.close());

  it('when the requests are built from the three documents, then all 27 operations have a success example and errors are paired by name', () => {
    const all = specs.flatMap((s) => openApiRequests(s.spec));
    const operations = new Set(all.map((r) => r.operationId));
    expect(operations.size).toBe(27);
    for (const op of operations) expect(all.some((r) => r.operationId === op && !r.expect.example)).toBe(true);
    expect(all.filter((r) => r.expect.example).length).toBeGreaterThanOrEqual(26);
  });

  describe.each(specs.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    // one after the other, in catalog order: T6 sends what T7 finds, F5 sends the OTP F6 uses
    it('when every example request is sent, then each gets its documented answer', async () => {
      const results: Array<{ request: string; got: unknown; want: unknown }> = [];
      for (const r of openApiRequests(s.spec) as OpenApiRequest[]) {
        const res = await sendExample(t, s.basePath, r);
        const label = `${r.operationId} ${r.name}`;
        if (r.expect.example) {
          results.push({ request: label, got: outcome(res.status, res.body), want: outcome(r.expect.statuses[0], r.expect.example) });
        } else {
          results.push({ request: label, got: r.expect.statuses.includes(res.status) ? 'documented 2xx' : outcome(res.status, res.body), want: 'documented 2xx' });
        }
      }
      expect(results.map((x) => ({ request: x.request, answer: x.got }))).toEqual(results.map((x) => ({ request: x.request, answer: x.want })));
    }, 60_000);
  });
});
