import { startGateway, type TestGateway } from '../helpers/gateway';
import { call, depositHeaders, example, shapeOf, type Method } from './transfers-support';

/**
 * Every example request of document 002 (raml/transfers-management/examples/, copied from the
 * document as written, plus the portal's own OWN / THIRD / PSE / fees examples) sent with valid
 * headers and a sandbox token: it must succeed with the documented status and response shape.
 * Rows run in order on one sandbox (T7 lists what T8 then answers, T10 what T11 pays).
 */
type Row = [op: string, method: Method, path: string, request: string | undefined, status: number, response: string, headers?: () => Record<string, string>];
const ROWS: Row[] = [
  ['T1 own transfer', 'post', '/v1/transfers', 'transfer-own-request.json', 200, 'transfer-response.json'],
  ['T1 third-party transfer', 'post', '/v1/transfers', 'transfer-third-party-request.json', 200, 'transfer-response.json'],
  ['T1 interbank (PSE) transfer', 'post', '/v1/transfers', 'transfer-interbank-request.json', 200, 'transfer-response.json'],
  ['T1 card advance (CCR)', 'post', '/v1/transfers', 'transfer-card-advance-request.json', 201, 'transfer-card-advance-response.json'],
  ['T1 investment fund (TFI)', 'post', '/v1/transfers', 'transfer-fund-request.json', 201, 'transfer-response.json'],
  ['T2 fees', 'post', '/v1/fees', 'fee-request.json', 200, 'fee-response.json'],
  ['T3 consult enrollment', 'get', '/v1/transfiya/enrollment/80045678?govIssueIdentType=CC', undefined, 200, 'enrollment-response.json'],
  ['T4 create enrollment', 'post', '/v1/transfiya/enrollment', 'enrollment-request.json', 201, 'ok-response.json'],
  ['T5 recent transfers', 'get', '/v1/transfiya/transfers/5745678877/recent', undefined, 200, 'recent-transfers-response.json'],
  ['T6 send money', 'post', '/v1/transfiya/credit', 'send-money-request.json', 201, 'pse-trn-code-response.json'],
  ['T7 pending to receive', 'get', '/v1/transfiya/transfers/5567787448/pending/get', undefined, 200, 'pending-to-receive-response.json'],
  ['T8 accept money', 'put', '/v1/transfiya/transfers/agree', 'accept-money-request.json', 201, 'ok-response.json'],
  ['T9 request money', 'post', '/v1/transfiya/request-money', 'request-money-request.json', 201, 'pse-trn-code-response.json'],
  ['T10 pending to send', 'get', '/v1/transfiya/transfers/5744564566/pending/send', undefined, 200, 'pending-to-send-response.json'],
  ['T11 accept send money', 'put', '/v1/transfiya/credit/agree', 'accept-request-money-request.json', 201, 'pse-trn-code-response.json'],
  ['T12 trust relationships', 'get', '/v1/transfiya/account-relationships/5745678877', undefined, 200, 'trust-relationships-response.json'],
  ['T13 manage trust relationships', 'post', '/v1/transfiya/account-relationships', 'manage-trust-request.json', 201, 'manage-trust-response.json'],
  ['T14 pockets', 'post', '/v1/transfers/pockets', 'pockets-request.json', 201, 'pockets-response.json'],
  ['T15 deposit', 'put', '/v1/deposit', 'deposit-request.json', 200, 'deposit-response.json', () => depositHeaders()],
];

describe('transfers-management: the examples of document 002, as written', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  it.each(ROWS.map((row) => ({ op: row[0], row })))('when the $op example is sent, then it answers the documented status and shape', async ({ row }) => {
    const [, method, path, rq, status, rs, headers] = row;
    const res = await call(t, method, path, rq && example(rq), headers?.());
    expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { responseType: { value: 'OK' } } });
    expect(shapeOf(res.body)).toEqual(shapeOf(example(rs)));
  });

  it('when the examples ran, then the ones whose values the sandbox reproduces answered them exactly', async () => {
    const t3 = await call(t, 'get', '/v1/transfiya/enrollment/80045678?govIssueIdentType=CC');
    expect(t3.body).toEqual(example('enrollment-response.json'));
    const t5 = await call(t, 'get', '/v1/transfiya/transfers/5745678877/recent');
    expect(t5.body).toEqual(example('recent-transfers-response.json'));
    // T14's example moved 1000 to the pocket of 240269999, leaving the documented balance
    expect(t.sandbox.state.ledger.account('240269999').balanceCents).toBe(581_202_520);
  });
});
