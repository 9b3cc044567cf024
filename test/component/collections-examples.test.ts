import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { CORRESPONDENT_HEADERS, DECISION_HEADERS, NEGOTIATION_HEADERS, example, exampleFiles } from './collections-support';

/**
 * Done when: every example request of document 001, sent as written with valid headers and a
 * sandbox token, succeeds against the sandbox with the documented response shape. Table-driven
 * over raml/collections-management/examples (the same files the RAML shows partners).
 */
const BASE = '/collections-management';

/** The keys of a documented example, recursively (array items merged): the documented shape. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? shapeOf(Object.assign({}, ...v.filter((x) => x && typeof x === 'object'))) : [];
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shapeOf((v as Record<string, unknown>)[k])]));
  return '*';
}

/** The documented keys missing from an answer's shape (answers may add keys, e.g. responseType). */
function missingKeys(actual: unknown, documented: unknown, at = 'body'): string[] {
  if (!documented || typeof documented !== 'object' || Array.isArray(documented)) return [];
  if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return [`${at} is not an object`];
  return Object.entries(documented as Record<string, unknown>).flatMap(([k, s]) =>
    k in (actual as object) ? missingKeys((actual as Record<string, unknown>)[k], s, `${at}.${k}`) : [`${at}.${k} missing`],
  );
}

const hasShape = (body: unknown, documentedExample: unknown) => missingKeys(shapeOf(body), shapeOf(documentedExample));

describe('collections-management: every example of document 001, as written', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  it('when the ICS agreement of the example customer is queried, then it answers the documented agreement', async () => {
    const res = await request(t.app)
      .get(`${BASE}/v1/agreement/ics`)
      .query({ govIssueIdentType: 'CC', identSerialNum: '1234567890', acctId: '5895180000053129617' })
      .set(await t.auth())
      .set(DECISION_HEADERS);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ responseType: { value: 'OK' }, ...example('ics-agreement-response.json') });
  });

  const negotiationExamples = exampleFiles('-request.json').filter((f) => f.startsWith('negotiation-') && !f.includes('default'));
  it.each(negotiationExamples)('when the negotiation example %s is sent, then the core registers it and answers the documented collection', async (file) => {
    const res = await request(t.app).post(`${BASE}/v1/negotiations`).set(await t.auth()).set(NEGOTIATION_HEADERS).send(example(file));
    expect(res.status).toBe(200);
    expect(hasShape(res.body, example('negotiation-response.json'))).toEqual([]);
    expect(res.body.collection).toMatchObject({ partyAcctRelRec: { acctId: example(file).collection.partyAcctRelRec.acctId }, state: 'Received' });
    expect(res.body.collection.createdDt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(['BM', 'SLP', 'OTC', 'OCR'])('when the default-mapping example is sent with clientApp.name %s for its placeholder, then it succeeds', async (name) => {
    const body = example('negotiation-default-request.json');
    expect(body.clientApp.name).toBe('BM || SLP || OTC || OCR');
    body.clientApp.name = name;
    const res = await request(t.app).post(`${BASE}/v1/negotiations`).set(await t.auth()).set(NEGOTIATION_HEADERS).send(body);
    expect(res.status).toBe(200);
    expect(res.body.collection).toMatchObject({ partyAcctRelRec: { acctId: '12345678901234567890' }, state: 'Received', desc: 'successful transaction' });
  });

  it('when the default-mapping example is sent with its placeholder as written, then 400 lists the accepted names', async () => {
    const res = await request(t.app)
      .post(`${BASE}/v1/negotiations`)
      .set(await t.auth())
      .set(NEGOTIATION_HEADERS)
      .send(example('negotiation-default-request.json'));
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toContain('clientApp.name');
    expect(res.body.responseDetail.errorDesc).toContain('BM, SLP, OTC, OCR');
  });

  it('when the profiling example is sent, then each item is answered with its action, as documented', async () => {
    const res = await request(t.app).post(`${BASE}/v1/negotiations/profile`).set(await t.auth()).set(DECISION_HEADERS).send(example('profile-request.json'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(example('profile-response.json'));
  });

  it.each(exampleFiles('-request.json').filter((f) => f.startsWith('policies-')))(
    'when the AppPolicies example %s is sent, then it answers creditAnalysis with the documented response shape',
    async (file) => {
      const res = await request(t.app).post(`${BASE}/v1/negotiations/policies`).set(await t.auth()).set(DECISION_HEADERS).send(example(file));
      expect(res.status).toBe(200);
      expect(res.body.responseType).toEqual({ value: 'OK' });
      expect(res.body.creditAnalysis.length).toBeGreaterThan(0);
      expect(hasShape(res.body, example('policies-response.json'))).toEqual([]);
    },
  );

  it('when the check-collection example is sent with the correspondent headers, then it answers the documented bill', async () => {
    const res = await request(t.app).post(`${BASE}/v1/collection`).set(await t.auth()).set(CORRESPONDENT_HEADERS).send(example('collection-check-request.json'));
    expect(res.status).toBe(200);
    const documented = example('collection-check-response.json');
    expect(res.body).toEqual({ ...documented, trn: { ...documented.trn, approvalId: expect.stringMatching(/^Z[0-9A-F]{19}$/) } });
  });
});
