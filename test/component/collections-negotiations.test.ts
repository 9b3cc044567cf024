import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { MATRIX } from '../../apis/collections-management/negotiation-matrix';
import { NEGOTIATION_HEADERS, example } from './collections-support';

/**
 * C2 POST /v1/negotiations: the routing matrix, table-driven. Each clientApp.name x strategyType
 * reaches the right simulated core with the right core-side record (asserted on what the core
 * received), and each missing mandatory field of each variant is refused with a message naming it.
 */
const PATH = '/collections-management/v1/negotiations';
const NEGOTIATION_CORES = ['bankmaster', 'starlt', 'opencard'];
const DATE = '2022-09-22';
const HOLDER = { identSerialNum: '1234567890', govIssueIdentType: 'CC' };

const EXAMPLE_OF: Record<string, string> = {
  'bm-slp-standard': 'negotiation-bm-slp-cntl-pdia-pppl-request.json',
  'bm-slp-deferred': 'negotiation-bm-slp-pdda-pppa-request.json',
  'bm-slp-preapproved': 'negotiation-bm-slp-ppps-request.json',
  'otc-card': 'negotiation-otc-card-request.json',
  'ocr-revolving': 'negotiation-ocr-revolving-request.json',
  'opencard-preapproved': 'negotiation-ocr-prerm-request.json',
  default: 'negotiation-default-request.json',
};

/** The core-side record each example must become (written out by hand from the 001 tables, not computed). */
const bmStandard = (strategyType: string) => ({
  strategyType,
  partyAcctRelRec: { acctId: '872452983283        ', amt: 1244, rate: '23.00' },
  startDt: DATE,
  endDt: DATE,
  adviser: { adviserId: 'User_root' },
  submitOffice: { branchId: '9999' },
  numAsignInstallments: '024',
  periodGrace: '024',
  indebtedness: { rate: '23' },
  partialPmt: 'T',
});
const bmDeferred = (strategyType: string) => ({
  ...bmStandard(strategyType),
  partyAcctRelRec: { acctId: '123456789           ', amt: 2343, rate: '23.00' },
  indebtedness: { rate: '23', numAsignInstallments: '024' },
});
const bmPreapproved = (strategyType: string) => ({
  ...bmStandard(strategyType),
  partyAcctRelRec: { acctId: '872452983283        ', amt: 12, rate: '23.00' },
  indebtedness: { rate: '33' },
  govIssueIdent: HOLDER,
  type: 'R26',
  offer: { effDt: '20220922', trnRqUID: '28498521' },
  intRateInfo: {
    rate: '33.000000',
    intRateType: '000',
    additionalData: [
      ['PORCONDONAINTCTE', '030.42'],
      ['PORCONDONAINTMORA', '021.42'],
      ['PORCONDONACARGOS', '044.42'],
      ['PORCONDONACONTIN', '011.42'],
      ['PORCONDONAGAC', '088.43'],
      ['PORCONDONOTRCRGOS', '030.42'],
      ['PORCONDONCOMOP', '022.42'],
      ['PORCONDONSEGVID', '076.43'],
      ['PORCONDONSEGIRT', '013.42'],
    ].map(([name, value]) => ({ name, value })),
  },
});
const card = (strategyType: string, causalCode: string) => ({
  strategyType,
  strategyId: '05',
  causalCode,
  partyAcctRelRec: { acctId: '456892344           ', amt: 14 },
  startDt: DATE,
  endDt: DATE,
  numAsignInstallments: '024',
  govIssueIdent: HOLDER,
});
const prerm = () => ({
  strategyType: 'PRERM',
  processDate: '20220922',
  govIssueIdent: HOLDER,
  strategyId: '07',
  causalCode: '307',
  offer: { requestNumber: '123A', periodGrace: 23, periodGraceDeath: 111 },
  partyAcctRelRec: { acctId: '872452983283        ' },
  numAsignInstallments: '024',
  quotaInfo: { amt: 12345678987654 },
  intRateInfo: {
    rate: '33.000000',
    additionalData: [
      ['% A CONDONAR POR CAPITAL', '030.40'],
      ['% A CONDONAR POR INTERES CORRIENTE', '021.40'],
      ['% A CONDONAR POR INTERES DE DE MORA', '044.40'],
      ['% A CONDONAR POR INTERESES EXTRACONTABLES O CONTINGENTES', '011.40'],
      ['% A CONDONAR POR OTROS CONCEPTOS', '088.40'],
    ].map(([name, value]) => ({ name, value })),
  },
});
const defaultMapping = (strategyType: string) => ({
  strategyType,
  partialPmt: 'T',
  intRateInfo: { additionalData: [{ name: 'Nombre porcentaje', value: '099.45' }], amt: '1432', curRate: 2, rate: '99.445000', intRateType: '000' },
  createdDt: '20220922',
  periodGrace: '024',
  processDate: '20220922',
  offer: { periodGrace: 23, effDt: '20220922', collateralType: '20', periodGraceDeath: 111, requestNumber: '123A', trnRqUID: '28498521' },
  adviser: { adviserId: 'User_root' },
  partyAcctRelRec: { acctId: '12345678901234567890', amt: 1234, rate: '33.00', acctType: 'Credit...' },
  numAsignInstallments: '024',
  strategyId: '03',
  submitOffice: { branchId: '9999' },
  type: 'R26',
  causalCode: '302',
  endDt: DATE,
  indebtedness: { rate: '33', numAsignInstallments: '024' },
  govIssueIdent: HOLDER,
  startDt: DATE,
  quotaInfo: { amt: 213 },
  invoicePmtInfo: { daysCycle: 24 },
});

interface Case {
  name: string;
  strategyType: string;
  row: string;
  backend: string;
  path: string;
  record: Record<string, unknown>;
}

const MATRIX_CASES: Case[] = [
  ...['BM', 'SLP'].flatMap((name) => {
    const backend = name === 'BM' ? 'bankmaster' : 'starlt';
    const at = { backend, path: '/negotiations' };
    return [
      ...['CNTL', 'PDIA', 'PPPL'].map((s) => ({ name, strategyType: s, row: 'bm-slp-standard', ...at, record: bmStandard(s) })),
      ...['PDDA', 'PPPA'].map((s) => ({ name, strategyType: s, row: 'bm-slp-deferred', ...at, record: bmDeferred(s) })),
      { name, strategyType: 'PPPS', row: 'bm-slp-preapproved', ...at, record: bmPreapproved('PPPS') },
      { name, strategyType: 'NEWT', row: 'default', ...at, record: defaultMapping('NEWT') },
    ];
  }),
  ...['PDIA', 'CNTL', 'PPPL', 'REDIF'].map((s) => ({
    name: 'OTC',
    strategyType: s,
    row: 'otc-card',
    backend: 'opencard',
    path: '/cards/negotiations',
    record: card(s, '303'),
  })),
  ...['PDIA', 'CNTL', 'PPPL'].map((s) => ({
    name: 'OCR',
    strategyType: s,
    row: 'ocr-revolving',
    backend: 'opencard',
    path: '/revolving-credits/negotiations',
    record: card(s, '302'),
  })),
  { name: 'OTC', strategyType: 'PRERM', row: 'opencard-preapproved', backend: 'opencard', path: '/cards/negotiations', record: prerm() },
  { name: 'OCR', strategyType: 'PRERM', row: 'opencard-preapproved', backend: 'opencard', path: '/revolving-credits/negotiations', record: prerm() },
  { name: 'OTC', strategyType: 'NEWT', row: 'default', backend: 'opencard', path: '/cards/negotiations', record: defaultMapping('NEWT') },
  { name: 'OCR', strategyType: 'NEWT', row: 'default', backend: 'opencard', path: '/revolving-credits/negotiations', record: defaultMapping('NEWT') },
];

function requestFor(row: string, name: string, strategyType: string) {
  const body = example(EXAMPLE_OF[row]);
  body.clientApp.name = name;
  body.collection.strategyType = strategyType;
  return body;
}

function drop(body: any, field: string): void {
  const keys = `collection.${field}`.split('.');
  const parent = keys.slice(0, -1).reduce((o, k) => o[k], body);
  delete parent[keys[keys.length - 1]];
}

describe('C2 POST /collections-management/v1/negotiations', () => {
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

  it('covers every row of the routing matrix', () => {
    expect(new Set(MATRIX_CASES.map((c) => c.row))).toEqual(new Set(MATRIX.map((r) => r.id)));
  });

  describe.each(MATRIX_CASES)('routing: clientApp.name $name x strategyType $strategyType', (c) => {
    it(`when it is registered, then only ${c.backend} ${c.path} receives it, with the ${c.row} record`, async () => {
      const { res, hits } = await send(requestFor(c.row, c.name, c.strategyType));
      expect(res.status).toBe(200);
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ backend: c.backend, method: 'POST', path: c.path });
      expect(hits[0].body).toEqual({ clientApp: { name: c.name }, collection: c.record });
      expect(res.body).toEqual({
        responseType: { value: 'OK' },
        collection: {
          partyAcctRelRec: { acctId: (c.record.partyAcctRelRec as { acctId: string }).acctId.trimEnd() },
          state: 'Received',
          createdDt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          desc: 'successful transaction',
        },
      });
    });
  });

  const MANDATORY = MATRIX.flatMap((row) => {
    const tool = row.strategyTypes?.find((s) => !Object.values(row.optionalFor ?? {}).some((l) => l.includes(s))) ?? 'NEWT';
    return row.origins.flatMap((name) => row.fields.map((field) => ({ row: row.id, name, tool, field })));
  });

  describe.each(MANDATORY)('mandatory fields: $name $tool ($row)', ({ row, name, tool, field }) => {
    it(`when collection.${field} is missing, then 400 names it and no core is called`, async () => {
      const body = requestFor(row, name, tool);
      drop(body, field);
      const { res, hits } = await send(body);
      expect(res.status).toBe(400);
      expect(res.body.responseDetail).toMatchObject({ errorCode: 'GW-400-01', errorType: 'APIKIT' });
      expect(res.body.responseDetail.errorDesc).toContain(`collection.${field} is required for ${name} ${tool} negotiations`);
      expect(hits).toHaveLength(0);
    });
  });

  it('when every field of a PPPS negotiation is missing, then one 400 names all of them', async () => {
    const { res, hits } = await send({ clientApp: { name: 'SLP' }, collection: { strategyType: 'PPPS' } });
    expect(res.status).toBe(400);
    const row = MATRIX.find((r) => r.id === 'bm-slp-preapproved')!;
    for (const f of row.fields) expect(res.body.responseDetail.errorDesc).toContain(`collection.${f} is required for SLP PPPS negotiations`);
    expect(hits).toHaveLength(0);
  });

  it.each(['CNTL', 'PDIA'])('when a %s negotiation (the term is not modified) has no numAsignInstallments, then it is registered without it', async (s) => {
    const body = requestFor('bm-slp-standard', 'BM', s);
    drop(body, 'numAsignInstallments');
    const { res, hits } = await send(body);
    expect(res.status).toBe(200);
    expect(hits[0].body).toEqual({ clientApp: { name: 'BM' }, collection: (({ numAsignInstallments, ...rest }) => rest)(bmStandard(s)) });
  });

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
