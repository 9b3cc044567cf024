import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { collectionsOf } from '../../src/sandbox/fixtures/collections';
import { CORRESPONDENT_HEADERS, DECISION_HEADERS, NEGOTIATION_HEADERS, example, hitsOf } from './collections-support';

/**
 * collections-management when a core misbehaves: a core that is down is a 503 naming it, a
 * breaker that opened is a 503 without calling the core, a negotiation is never retried (timeout
 * or lost answer = 504 GW-504-02, outcome unknown), a read is retried once after a lost connection.
 */
const BASE = '/collections-management';

/** A loopback URL nothing listens on. */
async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

describe('collections-management resilience', () => {
  let t: TestGateway;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startGateway({
      backends: {
        starlt: { baseUrl: await deadUrl() },
        bankmaster: { timeoutMs: 300 },
        decisionEngine: { breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 60000 } },
      },
    });
    auth = await t.auth();
  });
  afterAll(() => t.close());

  const negotiation = (name: string) => {
    const body = example('negotiation-bm-slp-cntl-pdia-pppl-request.json');
    body.clientApp.name = name;
    return body;
  };
  const hitsSince = (n: number, backend: string) => hitsOf(t.sandbox.faults.hits.slice(n), backend);

  it('when StarLT is down, then an SLP negotiation is 503 naming STARLT and a BM one still works', async () => {
    const slp = await request(t.app).post(`${BASE}/v1/negotiations`).set(auth).set(NEGOTIATION_HEADERS).send(negotiation('SLP'));
    expect(slp.status).toBe(503);
    expect(slp.body.responseDetail).toEqual({ errorCode: 'GW-503-01', errorType: 'STARLT', errorDesc: 'STARLT is unreachable; retry later' });
    const bm = await request(t.app).post(`${BASE}/v1/negotiations`).set(auth).set(NEGOTIATION_HEADERS).send(negotiation('BM'));
    expect(bm.status).toBe(200);
  });

  it('when Bankmaster does not answer a negotiation in time, then 504 GW-504-02: the outcome is unknown', async () => {
    const res = await request(t.app)
      .post(`${BASE}/v1/negotiations`)
      .set(auth)
      .set(NEGOTIATION_HEADERS)
      .set('X-Sandbox-Fault', 'bankmaster:timeout')
      .send(negotiation('BM'));
    expect(res.status).toBe(504);
    expect(res.body.responseDetail).toMatchObject({ errorCode: 'GW-504-02', errorType: 'BANKMASTER' });
  });

  it('when Bankmaster registers the mark but the answer is lost, then 504 GW-504-02 and the mark is not sent again', async () => {
    const negotiations = collectionsOf(t.sandbox.state).negotiations;
    const registered = negotiations.length;
    const before = t.sandbox.faults.hits.length;
    const res = await request(t.app)
      .post(`${BASE}/v1/negotiations`)
      .set(auth)
      .set(NEGOTIATION_HEADERS)
      .set('X-Sandbox-Fault', 'bankmaster:drop-reply')
      .send(negotiation('BM'));
    expect(res.status).toBe(504);
    expect(res.body.responseDetail.errorCode).toBe('GW-504-02');
    expect(hitsSince(before, 'bankmaster')).toHaveLength(1);
    expect(negotiations.length).toBe(registered + 1);
  });

  it('when the answer of a negotiation with an Idempotency-Key is lost, then its retry gets the first mark, not a second one', async () => {
    const negotiations = collectionsOf(t.sandbox.state).negotiations;
    const registered = negotiations.length;
    const key = { 'Idempotency-Key': 'lost-answer-0001' };
    const send = (fault?: string) => {
      const r = request(t.app).post(`${BASE}/v1/negotiations`).set(auth).set(NEGOTIATION_HEADERS).set(key);
      return (fault ? r.set('X-Sandbox-Fault', fault) : r).send(negotiation('BM'));
    };
    const lost = await send('bankmaster:drop-reply');
    expect(lost.status).toBe(504);
    const before = t.sandbox.faults.hits.length;
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.body.collection.state).toBe('Received');
    // the key was released on 504, so the retry reached the core, which kept its first mark
    expect(hitsSince(before, 'bankmaster')).toHaveLength(1);
    expect((hitsSince(before, 'bankmaster')[0].body as { reference?: string }).reference).toBe('sandbox-demo-client:lost-answer-0001');
    expect(negotiations.length).toBe(registered + 1);
  });

  it('when the agreements core drops one connection of a read, then the ICS query is retried once and answered', async () => {
    t.sandbox.faults.enqueue({ backend: 'agreements', kind: 'reset', remaining: 1 });
    const res = await request(t.app)
      .get(`${BASE}/v1/agreement/ics`)
      .query({ govIssueIdentType: 'CC', identSerialNum: '1234567890' })
      .set(auth)
      .set(DECISION_HEADERS);
    expect(res.status).toBe(200);
    expect(res.body.loanInfoCommon.acctId).toBe('5895180000053129617');
  });

  it('when the decision engine keeps failing, then its breaker opens: 503 naming DECISION_ENGINE without calling it', async () => {
    for (let i = 0; i < 3; i++) {
      const failing = await request(t.app)
        .post(`${BASE}/v1/negotiations/profile`)
        .set(auth)
        .set(DECISION_HEADERS)
        .set('X-Sandbox-Fault', 'decisionEngine:error-500')
        .send(example('profile-request.json'));
      expect([500, 503]).toContain(failing.status);
    }
    const before = t.sandbox.faults.hits.length;
    const res = await request(t.app).post(`${BASE}/v1/negotiations/profile`).set(auth).set(DECISION_HEADERS).send(example('profile-request.json'));
    expect(res.status).toBe(503);
    expect(res.body.responseDetail).toEqual({
      errorCode: 'GW-503-01',
      errorType: 'DECISION_ENGINE',
      errorDesc: 'DECISION_ENGINE is temporarily unavailable; retry later',
    });
    expect(hitsSince(before, 'decisionEngine')).toHaveLength(0);
  });

  it('when the agreements core answers something that is not JSON, then C5 is 502 naming AGREEMENTS', async () => {
    const res = await request(t.app)
      .post(`${BASE}/v1/collection`)
      .set(auth)
      .set(CORRESPONDENT_HEADERS)
      .set('X-Sandbox-Fault', 'agreements:garbage')
      .send(example('collection-check-request.json'));
    expect(res.status).toBe(502);
    expect(res.body.responseDetail).toMatchObject({ errorCode: 'GW-502-01', errorType: 'AGREEMENTS' });
  });
});
