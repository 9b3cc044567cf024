import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { NEGOTIATION_HEADERS, example } from './collections-support';
import { EXAMPLE_OF, bmStandard, requestFor } from './collections-negotiation-cases';

/**
 * C2 POST /v1/negotiations beyond the matrix: enumerations, percentage names, the conventions the
 * gateway applies whatever is sent, the cores' own refusals, idempotency and the required headers.
 */
const PATH = '/collections-management/v1/negotiations';
const NEGOTIATION_CORES = ['bankmaster', 'starlt', 'opencard'];

describe('C2 POST /collections-management/v1/negotiations: rules', () => {
  let t: TestGateway;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startGateway();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  /** Sends a negotiation; answers the response and what each negotiation core received for it. */
  async function send(body: unknown, headers: Record<string, string> = {}) {
    const before = t.sandbox.faults.hits.length;
    const res = await request(t.app).post(PATH).set(auth).set(NEGOTIATION_HEADERS).set(headers).send(body as object);
    const hits = t.sandbox.faults.hits.slice(before).filter((h) => NEGOTIATION_CORES.includes(h.backend));
    return { res, hits };
  }

  it('when clientApp.name is not one of the four, then 400 lists the accepted values and no core is called', async () => {
    const body = requestFor('bm-slp-standard', 'XYZ', 'PPPL');
    const { res, hits } = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toMatch(/clientApp\.name must be equal to one of the allowed values: BM, SLP, OTC, OCR/);
    expect(hits).toHaveLength(0);
  });

  it.each([
    ['BM', 'REDIF', 'CNTL, PDIA, PPPL, PDDA, PPPA, PPPS'],
    ['SLP', 'PRERM', 'CNTL, PDIA, PPPL, PDDA, PPPA, PPPS'],
    ['OTC', 'PPPS', 'PDIA, CNTL, PPPL, REDIF, PRERM'],
    ['OCR', 'REDIF', 'PDIA, CNTL, PPPL, PRERM'],
  ])('when %s is asked for %s, a tool of another core, then 400 lists its tools', async (name, tool, tools) => {
    const { res, hits } = await send(requestFor('default', name, tool));
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toBe(
      `Field collection.strategyType ${tool} is not a negotiation tool of ${name} (${
        { BM: 'Bankmaster', SLP: 'StarLT', OTC: 'OpenCard credit card', OCR: 'OpenCard revolving credit' }[name]
      }): use ${tools}, or a new tool code (default mapping)`,
    );
    expect(hits).toHaveLength(0);
  });

  it.each([
    ['partialPmt', 'X', 'collection.partialPmt must be equal to one of the allowed values: T, P'],
    ['type', 'R99', 'collection.type must be equal to one of the allowed values: R26, MOD, M01, RDO, SRO'],
    ['govIssueIdent.govIssueIdentType', 'PP', 'collection.govIssueIdent.govIssueIdentType must be equal to one of the allowed values: CC, NI, TI, CE, OT'],
  ])('when %s is %s, then 400 lists the enumerated values', async (field, value, message) => {
    const body = requestFor('bm-slp-preapproved', 'BM', 'PPPS');
    const keys = field.split('.');
    keys.slice(0, -1).reduce((o, k) => o[k], body.collection)[keys[keys.length - 1]] = value;
    const { res } = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toContain(message);
  });

  it.each([
    ['causalCode', '999', 'collection.causalCode must be equal to one of the allowed values: 0000, 300, 301, 302, 303, 307'],
    ['strategyId', '02', 'collection.strategyId must be equal to one of the allowed values: 01, 03, 04, 05, 06, 07'],
  ])('when OpenCard %s is %s, then 400 lists the enumerated values', async (field, value, message) => {
    const body = requestFor('otc-card', 'OTC', 'CNTL');
    body.collection[field] = value;
    const { res } = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toContain(message);
  });

  it('when a PPPS percentage has a name outside its table, then 400 lists the accepted names', async () => {
    const body = requestFor('bm-slp-preapproved', 'BM', 'PPPS');
    body.collection.intRateInfo.additionalData[1].name = 'PORCONDONATODO';
    const { res, hits } = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toContain('collection.intRateInfo.additionalData[1].name "PORCONDONATODO" is not a percentage of BM PPPS negotiations');
    expect(res.body.responseDetail.errorDesc).toContain('PORCONDONAINTCTE, PORCONDONAINTMORA');
    expect(hits).toHaveLength(0);
  });

  it('when a PRERM percentage uses a PPPS name, is repeated, or exceeds 100, then 400 names each', async () => {
    const body = requestFor('opencard-preapproved', 'OTC', 'PRERM');
    const data = body.collection.intRateInfo.additionalData;
    data[0].name = 'PORCONDONAINTCTE';
    data[2].name = '% A CONDONAR POR INTERES CORRIENTE';
    data[3].value = '150.5';
    const { res } = await send(body);
    expect(res.status).toBe(400);
    const desc = res.body.responseDetail.errorDesc;
    expect(desc).toContain('additionalData[0].name "PORCONDONAINTCTE" is not a percentage of OTC PRERM negotiations');
    expect(desc).toContain('additionalData[2].name % A CONDONAR POR INTERES CORRIENTE is repeated');
    expect(desc).toContain('additionalData[3].value must be a percentage between 0 and 100');
  });

  it('when endDt is before startDt, then 400', async () => {
    const body = requestFor('bm-slp-standard', 'BM', 'PPPL');
    body.collection.endDt = '2022-09-21';
    const { res } = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toBe('Field collection.endDt must not be before collection.startDt');
  });

  it('when the amount carries decimals, then 400: the Bankmaster standard has no decimal separator', async () => {
    const body = requestFor('bm-slp-standard', 'BM', 'PPPL');
    body.collection.partyAcctRelRec.amt = 12.44;
    const { res } = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toContain('collection.partyAcctRelRec.amt must be integer');
  });

  it('when the obligation id is already padded and the office is another, then the core still gets one padded id and office 9999', async () => {
    const body = requestFor('bm-slp-standard', 'SLP', 'PPPL');
    body.collection.partyAcctRelRec.acctId = '872452983283        ';
    body.collection.submitOffice.branchId = 1102;
    const { res, hits } = await send(body);
    expect(res.status).toBe(200);
    expect(hits[0].body).toEqual({ clientApp: { name: 'SLP' }, collection: bmStandard('PPPL') });
  });

  it('when a variant carries fields outside its table, then they are not sent to the core', async () => {
    const body = requestFor('bm-slp-standard', 'BM', 'CNTL');
    body.collection.causalCode = '303';
    body.collection.quotaInfo = { amt: 10 };
    const { res, hits } = await send(body);
    expect(res.status).toBe(200);
    expect(hits[0].body).toEqual({ clientApp: { name: 'BM' }, collection: bmStandard('CNTL') });
  });

  it('when the default mapping writes orgInfo...identSerialNum, then the core gets the table spelling IdentSerialNum zero-filled', async () => {
    const body = requestFor('default', 'BM', 'NEWT');
    body.collection.orgInfo = { govIssueIdent: { identSerialNum: '1234567890' } };
    const { res, hits } = await send(body);
    expect(res.status).toBe(200);
    expect((hits[0].body as any).collection.orgInfo).toEqual({ govIssueIdent: { IdentSerialNum: '000001234567890' } });
  });

  it.each([
    ['BM', 'bm-slp-standard', 404, 'SQLCODE', 'VAL', 'REGISTRO NO EXISTE'],
    ['SLP', 'bm-slp-deferred', 404, 'SQLCODE', 'VAL', 'REGISTRO NO EXISTE'],
    ['OTC', 'otc-card', 404, '00014', 'OPC', 'Tarjeta de Crédito o Crédito Rotativo No Existe'],
    ['OCR', 'opencard-preapproved', 404, '00014', 'OPC', 'Tarjeta de Crédito o Crédito Rotativo No Existe'],
  ])('when %s does not hold the obligation, then %s answers %s', async (name, row, status, errorCode, errorType, errorDesc) => {
    const body = requestFor(row, name, example(EXAMPLE_OF[row]).collection.strategyType);
    body.collection.partyAcctRelRec.acctId = '999999999';
    const { res } = await send(body);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ responseType: { value: 'ER' }, responseDetail: { errorCode, errorType, errorDesc } });
  });

  it("when the identification is not the card holder's, then OpenCard's 00097 OPC is a 400", async () => {
    const body = requestFor('otc-card', 'OTC', 'CNTL');
    body.collection.govIssueIdent.identSerialNum = '9876543210';
    const { res } = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.responseDetail).toEqual({ errorCode: '00097', errorType: 'OPC', errorDesc: 'La identificación no corresponde a la del producto' });
  });

  it('when the obligation is up to date, then the core rejects the mark: 200, state Rejected and the reason in desc', async () => {
    const body = requestFor('bm-slp-standard', 'BM', 'PDIA');
    body.collection.partyAcctRelRec.acctId = '500000000001';
    const { res } = await send(body);
    expect(res.status).toBe(200);
    expect(res.body.collection).toMatchObject({ partyAcctRelRec: { acctId: '500000000001' }, state: 'Rejected', desc: 'OBLIGACION AL DIA: NO REQUIERE NEGOCIACION' });
  });

  it('when a negotiation is repeated with the same Idempotency-Key, then the first answer is replayed and the core registers it once', async () => {
    const body = requestFor('bm-slp-standard', 'BM', 'PPPL');
    const key = { 'Idempotency-Key': 'neg-replay-0001' };
    const first = await send(body, key);
    const again = await send(body, key);
    expect(first.res.status).toBe(200);
    expect(first.hits).toHaveLength(1);
    expect(again.res.status).toBe(200);
    expect(again.res.headers['idempotent-replayed']).toBe('true');
    expect(again.res.body).toEqual(first.res.body);
    expect(again.hits).toHaveLength(0);
    body.collection.partyAcctRelRec.amt = 9999;
    const other = await send(body, key);
    expect(other.res.status).toBe(422);
    expect(other.hits).toHaveLength(0);
  });

  it.each(['X-Invoker-Channel', 'X-Invoker-UserIPAddress', 'X-Invoker-ServerIPAddress', 'X-Invoker-UserMACAddress'])(
    'when the required header %s is missing, then 400 names it',
    async (header) => {
      const res = await request(t.app)
        .post(PATH)
        .set(auth)
        .set(Object.fromEntries(Object.entries(NEGOTIATION_HEADERS).filter(([h]) => h !== header)))
        .send(requestFor('bm-slp-standard', 'BM', 'PPPL'));
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain(`Header ${header} is required`);
    },
  );
});
