import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { CORRESPONDENT_HEADERS, DECISION_HEADERS, example, hitsOf } from './collections-support';

/**
 * C1 GET /v1/agreement/ics (ICS payment agreements) and C5 POST /v1/collection (bill check at a
 * banking correspondent, with that profile's pinned headers), against the agreements core.
 */
const BASE = '/collections-management';
const ICS = { govIssueIdentType: 'CC', identSerialNum: '1234567890', acctId: '5895180000053129617' };

describe('C1 and C5, the agreements core', () => {
  let t: TestGateway;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startGateway();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  const ics = (query: Record<string, string>) => request(t.app).get(`${BASE}/v1/agreement/ics`).query(query).set(auth).set(DECISION_HEADERS);

  async function check(body: unknown, headers: Record<string, string> = CORRESPONDENT_HEADERS) {
    const before = t.sandbox.faults.hits.length;
    const res = await request(t.app).post(`${BASE}/v1/collection`).set(auth).set(headers).send(body as object);
    return { res, hits: hitsOf(t.sandbox.faults.hits.slice(before), 'agreements') };
  }

  describe('C1 ICS agreement', () => {
    it('when the fixture customer without an agreement (1000000502) is queried, then 404 with the documented 00502 envelope', async () => {
      const res = await ics({ govIssueIdentType: 'CC', identSerialNum: '1000000502' });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(example('ics-agreement-error-00502.json'));
    });

    it("when an obligation that is not the customer's is asked for, then 404 00502", async () => {
      const res = await ics({ ...ICS, acctId: '9999' });
      expect(res.status).toBe(404);
      expect(res.body.responseDetail.errorCode).toBe('00502');
    });

    it("when the identification type is not the customer's, then 404 00502", async () => {
      const res = await ics({ ...ICS, govIssueIdentType: 'CE' });
      expect(res.status).toBe(404);
    });

    it("when no obligation is given, then the customer's current agreement is answered", async () => {
      const res = await ics({ govIssueIdentType: 'CC', identSerialNum: '1234567890' });
      expect(res.status).toBe(200);
      expect(res.body.loanInfoCommon).toEqual({ acctId: '5895180000053129617', acctType: 'CRED CONSUMO PESOS' });
    });

    it("when the customer's second obligation is asked for, then its own agreement is answered", async () => {
      const res = await ics({ ...ICS, acctId: '4570215061040388' });
      expect(res.status).toBe(200);
      expect(res.body.loanInfoCommon.acctType).toBe('TARJETA CREDITO');
      expect(res.body.entprAgreement.daysCycle).toBe('5');
    });

    it('when the customer is not identified, then 400 names each missing query parameter', async () => {
      const res = await ics({});
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toBe('Query parameter govIssueIdentType is required; query parameter identSerialNum is required');
    });

    it('when the identification type is unknown, then 400 lists the accepted types', async () => {
      const res = await ics({ ...ICS, govIssueIdentType: 'XX' });
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain('CC, NI, TI, CE, OT');
    });
  });

  describe('C5 check collection', () => {
    it("when the table's spelling (RefId, EANCode, RefType, EffDt) is sent, then the core receives it as sent", async () => {
      const body = example('collection-check-request.json');
      const trn = body.trn;
      trn.RefId = '15907356';
      trn.EANCode = '7701234567890';
      trn.RefType = '01';
      trn.EffDt = '20301231';
      delete trn.refId;
      delete trn.eanCode;
      delete trn.refType;
      delete trn.effDt;
      trn.curAmt.amt = '0399200339917';
      trn.totalCurAmt.amt = 150000.5;
      const { res, hits } = await check(body);
      expect(res.status).toBe(200);
      expect(res.body.trn).toMatchObject({
        personName: { fullName: 'NEY ARANA' },
        aditionalData: { curAmt: [{ name: 'Valor minimo', value: 150000 }, { name: 'Valor total', value: 1250000.5 }] },
        pmtRefId: 'N000000001',
        dueDt: '2030-12-31',
        flagUpdate: '0',
        acctId: '83000109863',
        refType: '01',
      });
      expect((hits[0].body as any).trn).toMatchObject({ RefId: '15907356', EANCode: '7701234567890', RefType: '01', EffDt: '20301231' });
    });

    it("when the example's spelling (refId, eanCode, refType, effDt) is sent, then the core receives the table's", async () => {
      const { res, hits } = await check(example('collection-check-request.json'));
      expect(res.status).toBe(200);
      const sent = (hits[0].body as any).trn;
      expect(sent).toMatchObject({ RefId: '123456', EANCode: '', RefType: '', EffDt: '' });
      expect(Object.keys(sent)).not.toEqual(expect.arrayContaining(['refId']));
    });

    it('when both spellings disagree, then 400 asks for one and the core is not called', async () => {
      const body = example('collection-check-request.json');
      body.trn.RefId = '15907356';
      const { res, hits } = await check(body);
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain('trn.RefId and trn.refId');
      expect(hits).toHaveLength(0);
    });

    it('when the mandatory fields are missing, then one 400 names each', async () => {
      const { res, hits } = await check({ trn: { branchName: 'MI OFICINA BETTY' } });
      expect(res.status).toBe(400);
      for (const f of ['transactionHour', 'code', 'RefId', 'curAmt.amt', 'trnRqUID', 'depAcctId.acctId', 'totalCurAmt.amt']) {
        expect(res.body.responseDetail.errorDesc).toContain(`trn.${f} is required`);
      }
      expect(hits).toHaveLength(0);
    });

    it.each([
      ['trnRqUID', '12345', 'trn.trnRqUID'],
      ['transactionHour', '25:00:00', 'trn.transactionHour'],
      ['flagAnotherAmt', '2', 'trn.flagAnotherAmt must be equal to one of the allowed values: 0, 1'],
    ])('when trn.%s is %s, then 400 names it', async (field, value, message) => {
      const body = example('collection-check-request.json');
      body.trn[field] = value;
      const { res } = await check(body);
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain(message);
    });

    it('when the value has more than two decimals, then 400', async () => {
      const body = example('collection-check-request.json');
      body.trn.totalCurAmt.amt = 99.999;
      const { res } = await check(body);
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain('trn.totalCurAmt.amt');
    });

    it.each([
      ['agreement', { refId: '000001' }],
      ['payment reference', { curAmt: { amt: '12345' } }],
    ])('when the %s does not exist, then 404 00502 DBA', async (_what, change) => {
      const body = example('collection-check-request.json');
      Object.assign(body.trn, change);
      const { res } = await check(body);
      expect(res.status).toBe(404);
      expect(res.body.responseDetail).toEqual({ errorCode: '00502', errorType: 'DBA', errorDesc: 'CUENTA NO EXISTE.' });
    });

    it.each([
      ['X-Invoker-Channel', '12', 'Header X-Invoker-Channel must be 13'],
      ['X-Invoker-BranchId', '1102', 'Header X-Invoker-BranchId must be 1108'],
      ['X-Invoker-subChannel', '06', 'Header X-Invoker-subChannel must be 07'],
      ['X-Invoker-User', 'OTRO', 'Header X-Invoker-User must be NEWCBSER'],
      ['X-Invoker-Country', 'PE', 'Header X-Invoker-Country must be CO'],
      ['X-Invoker-Source', '17', 'Header X-Invoker-Source must be 18'],
      ['X-Invoker-TxId', 'APIF408732000000001', 'Header X-Invoker-TxId must be APIF + Julian date'],
      ['X-Invoker-ProcessId', '000000000001', 'Header X-Invoker-ProcessId must be the last 11 digits of X-Invoker-TxId left-padded with zeros to 12 (020000000001)'],
    ])('when the pinned header %s is %s, then 400 names it and the core is not called', async (header, value, message) => {
      const { res, hits } = await check(example('collection-check-request.json'), { ...CORRESPONDENT_HEADERS, [header]: value });
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain(message);
      expect(hits).toHaveLength(0);
    });

    it.each(['X-Invoker-TerminalId', 'X-Invoker-ProcessDate', 'X-Invoker-SessionKey', 'X-Invoker-Action', 'X-Invoker-ModifierUser', 'X-Invoker-UserIPAddress'])(
      'when the required header %s is missing, then 400 names it',
      async (header) => {
        const headers = Object.fromEntries(Object.entries(CORRESPONDENT_HEADERS).filter(([h]) => h !== header));
        const { res, hits } = await check(example('collection-check-request.json'), headers);
        expect(res.status).toBe(400);
        expect(res.body.responseDetail.errorDesc).toContain(`Header ${header} is required`);
        expect(hits).toHaveLength(0);
      },
    );

    it('when the optional headers the table says to send blank are blank or absent, then the check succeeds', async () => {
      const headers: Record<string, string> = { ...CORRESPONDENT_HEADERS, 'X-Invoker-ATMId': '', 'X-Invoker-Network': '', 'x-invoker-ally': '' };
      delete headers['X-Invoker-Source'];
      const { res } = await check(example('collection-check-request.json'), headers);
      expect(res.status).toBe(200);
    });
  });
});
