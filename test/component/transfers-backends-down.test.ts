import { startGateway, type TestGateway } from '../helpers/gateway';
import { call, depositHeaders, errorOf, example, type Method } from './transfers-support';

/**
 * Every operation with its back end down (pointed at a closed loopback port): 503 in the bank's
 * envelope with errorType naming the back end; after a few failures the breaker opens and
 * answers at once without calling it.
 */
const DOWN = 'http://127.0.0.1:1';
const breaker = { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 60_000, rollingCountTimeoutMs: 60_000 };

const OPS: Array<[op: string, backend: string, method: Method, path: string, body?: string, headers?: () => Record<string, string>]> = [
  ['T1 OWN', 'BANKMASTER', 'post', '/v1/transfers', 'transfer-own-request.json'],
  ['T1 CCR', 'OPENCARD', 'post', '/v1/transfers', 'transfer-card-advance-request.json'],
  ['T1 TFI', 'INVESTMENT_FUNDS', 'post', '/v1/transfers', 'transfer-fund-request.json'],
  ['T2', 'BANKMASTER', 'post', '/v1/fees', 'fee-request.json'],
  ['T3', 'TRANSFIYA', 'get', '/v1/transfiya/enrollment/80045678?govIssueIdentType=CC'],
  ['T4', 'TRANSFIYA', 'post', '/v1/transfiya/enrollment', 'enrollment-request.json'],
  ['T5', 'TRANSFIYA', 'get', '/v1/transfiya/transfers/5745678877/recent'],
  ['T6', 'TRANSFIYA', 'post', '/v1/transfiya/credit', 'send-money-request.json'],
  ['T7', 'TRANSFIYA', 'get', '/v1/transfiya/transfers/5567787448/pending/get'],
  ['T8', 'TRANSFIYA', 'put', '/v1/transfiya/transfers/agree', 'accept-money-request.json'],
  ['T9', 'TRANSFIYA', 'post', '/v1/transfiya/request-money', 'request-money-request.json'],
  ['T10', 'TRANSFIYA', 'get', '/v1/transfiya/transfers/5744564566/pending/send'],
  ['T11', 'TRANSFIYA', 'put', '/v1/transfiya/credit/agree', 'accept-request-money-request.json'],
  ['T12', 'TRANSFIYA', 'get', '/v1/transfiya/account-relationships/5745678877'],
  ['T13', 'TRANSFIYA', 'post', '/v1/transfiya/account-relationships', 'manage-trust-request.json'],
  ['T14', 'BANKMASTER', 'post', '/v1/transfers/pockets', 'pockets-request.json'],
  ['T15', 'BANKMASTER', 'put', '/v1/deposit', 'deposit-request.json', () => depositHeaders()],
];

describe('transfers-management with its back ends down', () => {
  let t: TestGateway;
  beforeAll(async () => {
    const down = { baseUrl: DOWN, breaker };
    t = await startGateway({ backends: { bankmaster: down, opencard: down, transfiya: down, investmentFunds: down } });
  });
  afterAll(() => t.close());

  it.each(OPS.map((row) => ({ op: row[0], backend: row[1], row })))('when $op is called and $backend is down, then 503 naming it', async ({ row }) => {
    const [, backend, method, path, body, headers] = row;
    const res = await call(t, method, path, body && example(body), headers?.());
    expect(res.status).toBe(503);
    expect(res.body.responseType).toEqual({ value: 'ER' });
    expect(errorOf(res)).toMatchObject({ errorCode: 'GW-503-01', errorType: backend });
  });

  it('when the failures reached the threshold, then the breakers are open and answer without calling the core', async () => {
    const cores = t.gw.services.cores;
    // OpenCard and the funds core were called once each above: one more failure opens theirs too
    await call(t, 'post', '/v1/transfers', example('transfer-card-advance-request.json'));
    await call(t, 'post', '/v1/transfers', example('transfer-fund-request.json'));
    expect([cores.bankmaster.state, cores.opencard.state, cores.transfiya.state, cores.investmentFunds.state]).toEqual(['open', 'open', 'open', 'open']);
    const rejected = cores.transfiya.stats.rejects;
    const res = await call(t, 'get', '/v1/transfiya/account-relationships/5745678877');
    expect(res.status).toBe(503);
    expect(errorOf(res)).toEqual({ errorCode: 'GW-503-01', errorType: 'TRANSFIYA', errorDesc: 'TRANSFIYA is temporarily unavailable; retry later' });
    expect(cores.transfiya.stats.rejects).toBe(rejected + 1);
  });
});
