import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { startGateway, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestGateway } from '../helpers/gateway';
import { loadDocApi, type DocOperation } from '../../src/docs/model/contract-model';
import { API_DEFINITIONS } from '../../apis';
import { verdict, type FuzzRequest } from './oracle';
import { baseRequest, requestArbitrary } from './requests';

/**
 * Property-based fuzzing driven by the project's own OpenAPI documents: for each of the 27
 * operations, the portal's example with fresh references and mutants in families (path and
 * query encoding, Unicode, types, boundaries, missing and extra fields, headers, repeated keys,
 * BOM, broken JSON). Whatever comes in: no 5xx of the gateway's own, the envelope on every
 * rejection, no stack trace or host in any answer, and no request the contract refuses accepted.
 * Seeded and bounded in npm test (FUZZ_RUNS per operation); npm run fuzz -- --runs=20000 before a release.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const CREDS = { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET };
/** FUZZ_STATS=1: what the families produced (family, verdict, status class), printed at the end. */
const stats = new Map<string, number>();
const LEAK = /\bat [\w.<>$]+ \(|node_modules|\/work\/|\/app\/|127\.0\.0\.1|localhost:\d+|URIError|TypeError|SyntaxError|ReferenceError/;

interface Answer {
  status: number;
  text: string;
  contentType: string;
}

function send(port: number, agent: http.Agent, req: FuzzRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, agent, method: req.method, path: req.path, headers: req.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), contentType: String(res.headers['content-type'] ?? '') }));
    });
    r.on('error', reject);
    r.end(req.body === undefined ? undefined : Buffer.from(req.body, 'utf8'));
  });
}

describe('contract fuzzing: every operation of the three OpenAPI documents', () => {
  let t: TestGateway;
  let server: http.Server;
  let port: number;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const operations: DocOperation[] = API_DEFINITIONS.flatMap((d) => loadDocApi(d).operations);
  let token = '';

  beforeAll(async () => {
    t = await startGateway({
      policies: { rateLimit: { tiers: { gold: 1_000_000_000 } } },
      clients: { failedAuth: { perClientId: 1_000_000_000, perSource: 1_000_000_000 } },
    });
    token = await t.token();
    server = http.createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    if (process.env.FUZZ_STATS) console.log([...stats].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('covers the 27 operations of the catalog', () => {
    expect(operations).toHaveLength(27);
  });

  it.each(API_DEFINITIONS.flatMap((d) => d.routes.map((r) => [`${d.name} ${r.operationId}`, d.name, r.operationId] as const)))(
    '%s: no 5xx, the envelope on every rejection, nothing leaked, nothing invalid accepted',
    async (_name, apiName, operationId) => {
      const op = operations.find((o) => o.api === apiName && o.operationId === operationId)!;
      const base = baseRequest(op, { ...CREDS, token });
      expect(verdict(op, base, CREDS)).toBe('valid');
      await fc.assert(
        fc.asyncProperty(requestArbitrary(op, base), async ({ family, req }) => {
          const res = await send(port, agent, req);
          if (process.env.FUZZ_STATS) {
            const k = `${family} ${verdict(op, req, CREDS)} ${Math.floor(res.status / 100)}xx`;
            stats.set(k, (stats.get(k) ?? 0) + 1);
          }
          const why = `${family}: ${req.method} ${req.path} -> ${res.status} ${res.text.slice(0, 300)}`;
          expect({ why, leak: LEAK.test(res.text) }).toEqual({ why, leak: false });
          if (res.status >= 200 && res.status < 300) {
            expect({ why, verdict: verdict(op, req, CREDS) }).not.toEqual({ why, verdict: 'invalid' });
            return;
          }
          expect({ why, json: res.contentType.startsWith('application/json') }).toEqual({ why, json: true });
          const body = JSON.parse(res.text);
          expect({ why, envelope: body.responseType?.value === 'ER' && typeof body.responseDetail?.errorCode === 'string' && typeof body.responseDetail?.errorDesc === 'string' }).toEqual({
            why,
            envelope: true,
          });
          // a core's own documented 5xx rows (00013/OPC...) and an unavailable core are answers, not failures of the gateway
          const gatewayFailure = res.status >= 500 && (/^GW-5(00|02)/.test(body.responseDetail.errorCode) || body.responseDetail.errorType === 'GTW');
          expect({ why, gatewayFailure }).toEqual({ why, gatewayFailure: false });
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    // bounded by the runs asked for: a hang still fails
    RUNS * 2_000 + 60_000,
  );
});
