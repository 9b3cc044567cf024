import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { BASE, call, depositHeaders, errorOf, example, variant, type Method } from './transfers-support';

/**
 * For each of the fifteen operations: a missing required field (or query parameter) and a wrong
 * type are refused with 400 naming the field; a call without client credentials is refused with
 * 401; the operations whose table marks X-Invoker headers required (T15) name the missing one.
 */
interface Op {
  op: string;
  method: Method;
  path: string;
  body?: any;
  headers?: () => Record<string, string>;
  /** Remove a required field: [mutator or path with query, the name the message must give]. */
  missing: [(b: any) => void, RegExp] | [string, RegExp];
  wrongType: [(b: any) => void, RegExp] | [string, RegExp];
}

const del = (f: (b: any) => void) => f;
const OPS: Op[] = [
  { op: 'T1 createTransfer (OWN)', method: 'post', path: '/v1/transfers', body: example('transfer-own-request.json'),
    missing: [del((b) => delete b.custPayeeInfo.govIssueIdent), /field custPayeeInfo\.govIssueIdent is required/],
    wrongType: [(b) => (b.xFerInfo.amt = '150000'), /field xFerInfo\.amt must be number/] },
  { op: 'T1 createTransfer (CCR)', method: 'post', path: '/v1/transfers', body: example('transfer-card-advance-request.json'),
    missing: [del((b) => delete b.xFerInfo.numberOfInstallments), /field xFerInfo\.numberOfInstallments is required/],
    wrongType: [(b) => (b.xFerInfo.numberOfInstallments = 'doce'), /field xFerInfo\.numberOfInstallments must be integer/] },
  { op: 'T2 calculateFee', method: 'post', path: '/v1/fees', body: example('fee-request.json'),
    missing: [del((b) => delete b.xFerInfo.processingCode), /field xFerInfo\.processingCode is required/],
    wrongType: [(b) => (b.xFerInfo.curAmt.amt = true), /field xFerInfo\.curAmt\.amt must be number/] },
  { op: 'T3 getTransfiyaEnrollment', method: 'get', path: '/v1/transfiya/enrollment/80045678?govIssueIdentType=CC',
    missing: ['/v1/transfiya/enrollment/80045678', /query parameter govIssueIdentType is required/],
    wrongType: ['/v1/transfiya/enrollment/80045678?govIssueIdentType=XX', /query parameter govIssueIdentType must be equal to one of the allowed values/] },
  { op: 'T4 saveTransfiyaEnrollment', method: 'post', path: '/v1/transfiya/enrollment', body: example('enrollment-request.json'),
    missing: [del((b) => delete b.deviceFingerPrint), /field deviceFingerPrint is required/],
    wrongType: [(b) => (b.govIssueIdent.cellPhone = 3001234567), /field govIssueIdent\.cellPhone must be string/] },
  { op: 'T5 getRecentTransfiyaTransfers', method: 'get', path: '/v1/transfiya/transfers/5745678877/recent',
    missing: ['/v1/transfiya/transfers/5745678877/recent?recordsXPage=', /query parameter recordsXPage/],
    wrongType: ['/v1/transfiya/transfers/5745678877/recent?recordsXPage=diez', /query parameter recordsXPage must be integer/] },
  { op: 'T6 sendTransfiyaMoney', method: 'post', path: '/v1/transfiya/credit', body: example('send-money-request.json'),
    missing: [del((b) => delete b.xFerInfo.depAcctIdFrom.acctId), /field xFerInfo\.depAcctIdFrom\.acctId is required/],
    wrongType: [(b) => (b.fee.curAmt.amt = '0'), /field fee\.curAmt\.amt must be number/] },
  { op: 'T7 getPendingTransfiyaToReceive', method: 'get', path: '/v1/transfiya/transfers/5567787448/pending/get',
    missing: ['/v1/transfiya/transfers/5567787448/pending/get?initialRecord=0', /query parameter initialRecord must be >= 1/],
    wrongType: ['/v1/transfiya/transfers/ABC/pending/get', /path parameter cellPhone/] },
  { op: 'T8 answerTransfiyaTransfer', method: 'put', path: '/v1/transfiya/transfers/agree', body: example('accept-money-request.json'),
    missing: [del((b) => delete b.flagEstablishTrust), /field flagEstablishTrust is required/],
    wrongType: [(b) => (b.flagTransferAccept = 'Maybe'), /field flagTransferAccept must be equal to one of the allowed values/] },
  { op: 'T9 requestTransfiyaMoney', method: 'post', path: '/v1/transfiya/request-money', body: example('request-money-request.json'),
    missing: [del((b) => delete b.xFerInfo.desc), /field xFerInfo\.desc is required/],
    wrongType: [(b) => (b.xFerInfo.amt = -5), /field xFerInfo\.amt must be >= 0\.01/] },
  { op: 'T10 getPendingTransfiyaToSend', method: 'get', path: '/v1/transfiya/transfers/5744564566/pending/send',
    missing: ['/v1/transfiya/transfers/5744564566/pending/send?totalRecords=0', /query parameter totalRecords must be >= 1/],
    wrongType: ['/v1/transfiya/transfers/5744564566/pending/send?totalRecords=x', /query parameter totalRecords must be integer/] },
  { op: 'T11 answerTransfiyaMoneyRequest', method: 'put', path: '/v1/transfiya/credit/agree', body: example('accept-request-money-request.json'),
    missing: [del((b) => delete b.tx.id), /field tx\.id is required/],
    wrongType: [(b) => (b.xFerInfo.amt = 20000.123), /field xFerInfo\.amt must be a positive amount with at most 2 decimals/] },
  { op: 'T12 getTransfiyaTrustRelationships', method: 'get', path: '/v1/transfiya/account-relationships/5745678877',
    missing: ['/v1/transfiya/account-relationships/%20', /path parameter cellPhone is not valid/],
    wrongType: ['/v1/transfiya/account-relationships/57-45', /path parameter cellPhone/] },
  { op: 'T13 manageTransfiyaTrustRelationships', method: 'post', path: '/v1/transfiya/account-relationships', body: example('manage-trust-request.json'),
    missing: [del((b) => delete b.xFerInfo[1].transfiyaOperationType), /field xFerInfo\[1\]\.transfiyaOperationType is required/],
    wrongType: [(b) => (b.xFerInfo = Array.from({ length: 51 }, () => b.xFerInfo[0])), /field xFerInfo must NOT have more than 50 items/] },
  { op: 'T14 transferPocket', method: 'post', path: '/v1/transfers/pockets', body: example('pockets-request.json'),
    missing: [del((b) => delete b.xFerInfo.flagTransfer), /field xFerInfo\.flagTransfer is required/],
    wrongType: [(b) => (b.xFerInfo.flagTransfer = 'X'), /field xFerInfo\.flagTransfer must be equal to one of the allowed values/] },
  { op: 'T15 depositCash', method: 'put', path: '/v1/deposit', body: example('deposit-request.json'), headers: () => depositHeaders(),
    missing: [del((b) => delete b.trn.trnRqUID), /field trn\.trnRqUID is required/],
    wrongType: [(b) => (b.trn.curAmt.amt = '99'), /field trn\.curAmt\.amt must be number/] },
];

describe('transfers-management: every operation checks its contract', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  const send = async (o: Op, change: [(b: any) => void, RegExp] | [string, RegExp]) => {
    const [how] = change;
    if (typeof how === 'string') return call(t, o.method, how, undefined, o.headers?.());
    return call(t, o.method, o.path, variant(o.body, how), o.headers?.());
  };

  it.each(OPS.map((o) => ({ name: o.op, o })))('when $name misses a required field, then 400 naming it', async ({ o }) => {
    const res = await send(o, o.missing);
    expect(res.status).toBe(400);
    expect(errorOf(res).errorDesc).toMatch(new RegExp(o.missing[1].source, 'i'));
  });

  it.each(OPS.map((o) => ({ name: o.op, o })))('when $name gets a wrong type, then 400 naming the field', async ({ o }) => {
    const res = await send(o, o.wrongType);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ errorCode: 'GW-400-01', errorType: 'APIKIT' });
    expect(errorOf(res).errorDesc).toMatch(new RegExp(o.wrongType[1].source, 'i'));
  });

  it.each(OPS.map((o) => ({ name: o.op, o })))('when $name comes without client credentials, then 401 and nothing reaches a core', async ({ o }) => {
    const before = t.sandbox.faults.hits.length;
    const { client_id: _drop, ...rest } = await t.auth();
    let r = request(t.app)[o.method](`${BASE}${o.path}`).set(rest).set(o.headers?.() ?? {});
    if (o.body) r = r.send(o.body);
    const res = await r;
    expect(res.status).toBe(401);
    expect(errorOf(res).errorCode).toBe('GW-401-01');
    expect(t.sandbox.faults.hits.length).toBe(before);
  });

  it.each(['X-Invoker-TerminalId', 'X-Invoker-SessionKey', 'X-Invoker-Action', 'X-Invoker-ModifierUser', 'X-Invoker-UserIPAddress', 'X-Invoker-ProcessDate'])(
    'when T15 depositCash comes without %s (Required in its table), then 400 naming the header',
    async (header) => {
      const res = await call(t, 'put', '/v1/deposit', example('deposit-request.json'), depositHeaders({ [header]: undefined }));
      expect(res.status).toBe(400);
      expect(errorOf(res).errorDesc).toMatch(new RegExp(`header ${header} is required`, 'i'));
    },
  );

  it.each([
    ['X-Invoker-Channel', '12', /X-Invoker-Channel must be 13/],
    ['X-Invoker-subChannel', '07', /X-Invoker-subChannel must be 06/],
    ['X-Invoker-BranchId', undefined, /X-Invoker-BranchId is required \(fixed value 1108/],
    ['X-Invoker-TxId', 'APIF123', /X-Invoker-TxId must be APIF/],
    ['X-Invoker-ProcessId', undefined, /X-Invoker-ProcessId is required/],
  ])('when T15 depositCash sends %s=%s, then 400 naming the pinned rule', async (header, value, message) => {
    const res = await call(t, 'put', '/v1/deposit', example('deposit-request.json'), depositHeaders({ [header]: value }));
    expect(res.status).toBe(400);
    expect(errorOf(res).errorCode).toBe('GW-400-04');
    expect(errorOf(res).errorDesc).toMatch(message);
  });

  it('when a T1 body names no known kind, then 400 listing the five categCode values', async () => {
    const res = await call(t, 'post', '/v1/transfers', variant(example('transfer-own-request.json'), (b) => (b.xFerRec.categCode = 'XYZ')));
    expect(res.status).toBe(400);
    expect(errorOf(res).errorDesc).toBe('Field xFerRec.categCode must be one of OWN, THIRD, PSE, CCR, TFI');
    const none = await call(t, 'post', '/v1/transfers', variant(example('transfer-own-request.json'), (b) => delete b.xFerRec));
    expect(errorOf(none).errorDesc).toMatch(/Field xFerRec\.categCode is required/);
  });

  it('when a PSE transfer misses its own required fields, then the message names only those', async () => {
    const body = variant(example('transfer-interbank-request.json'), (b) => {
      delete b.xFerInfo.pseTrnCode;
      delete b.xFerInfo.personName;
      delete b.custPayeeInfo.govIssueIdent;
    });
    const res = await call(t, 'post', '/v1/transfers', body);
    expect(res.status).toBe(400);
    expect(errorOf(res).errorDesc).toBe(
      'Field custPayeeInfo.govIssueIdent is required; field xFerInfo.personName is required; field xFerInfo.pseTrnCode is required',
    );
  });
});
