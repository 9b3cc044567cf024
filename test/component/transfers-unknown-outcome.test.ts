import { startGateway, type TestGateway } from '../helpers/gateway';
import { balance, call, depositHeaders, errorOf, example, pocket, variant } from './transfers-support';

/**
 * A money-moving call whose answer is lost after the core applied it (drop-reply fault): 504
 * GW-504-02 "outcome unknown", the key is released, and a retry with the same reference learns
 * the first outcome from the core without moving the money again.
 */
describe('transfers-management: unknown outcomes settle with a retry, money moves once', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  const expectUnknown = (res: { status: number; body: any }, backend: string) => {
    expect(res.status).toBe(504);
    expect(errorOf(res)).toMatchObject({ errorCode: 'GW-504-02', errorType: backend });
  };

  it('when a T1 OWN transfer loses its answer, then 504; the retry with the same refId answers 200 and the money moved once', async () => {
    const body = variant(example('transfer-own-request.json'), (b) => ((b.refId = 'APIU0000000000000001'), (b.xFerInfo.amt = 777)));
    const from = balance(t, '22875459846');
    const lost = await call(t, 'post', '/v1/transfers', body, { 'X-Sandbox-Fault': 'bankmaster:drop-reply' });
    expectUnknown(lost, 'BANKMASTER');
    expect(balance(t, '22875459846')).toBe(from - 77_700);
    const retry = await call(t, 'post', '/v1/transfers', body);
    expect(retry.status).toBe(200);
    expect(retry.body.refId).toBe(body.refId);
    expect(balance(t, '22875459846')).toBe(from - 77_700);
    expect(t.sandbox.faults.hits.filter((h) => h.path === '/transfers' && (h.body as any)?.reference === body.refId)).toHaveLength(2);
  });

  it('when a CCR advance loses its answer, then the retry answers the first approval and credits once', async () => {
    const body = variant(example('transfer-card-advance-request.json'), (b) => ((b.refId = 'APIU0000000000000002'), (b.xFerInfo.amt = 30000)));
    const to = balance(t, '57172460999');
    expectUnknown(await call(t, 'post', '/v1/transfers', body, { 'X-Sandbox-Fault': 'opencard:drop-reply' }), 'OPENCARD');
    const retry = await call(t, 'post', '/v1/transfers', body);
    expect(retry.status).toBe(201);
    expect(retry.body.xFerInfo.approvalId).toBe(t.sandbox.state.ledger.posting(body.refId)?.result.approvalId);
    expect(balance(t, '57172460999')).toBe(to + 3_000_000);
  });

  it('when a TFI transfer loses its answer, then the retry answers 201 and the plan paid once', async () => {
    const body = variant(example('transfer-fund-request.json'), (b) => ((b.refId = 'APIU0000000000000003'), (b.xFerInfo.amt = 500)));
    const plan = balance(t, '24517151999');
    expectUnknown(await call(t, 'post', '/v1/transfers', body, { 'X-Sandbox-Fault': 'investmentFunds:drop-reply' }), 'INVESTMENT_FUNDS');
    expect((await call(t, 'post', '/v1/transfers', body)).status).toBe(201);
    expect(balance(t, '24517151999')).toBe(plan - 50_000);
  });

  it('when a T6 send with an Idempotency-Key loses its answer, then the retry answers the same pseTrnCode and the sender paid once', async () => {
    const body = variant(example('send-money-request.json'), (b) => ((b.xFerInfo.depAcctIdTo.cellPhone = '3101112233'), (b.xFerInfo.amt = 99)));
    const key = { 'Idempotency-Key': 'send-unknown-1' };
    const from = balance(t, '24517151999');
    expectUnknown(await call(t, 'post', '/v1/transfiya/credit', body, { ...key, 'X-Sandbox-Fault': 'transfiya:drop-reply' }), 'TRANSFIYA');
    const retry = await call(t, 'post', '/v1/transfiya/credit', body, key);
    expect(retry.status).toBe(201);
    expect(balance(t, '24517151999')).toBe(from - 9_900);
    const pending = await call(t, 'get', '/v1/transfiya/transfers/3101112233/pending/get');
    expect(pending.body.xFerInfo.filter((i: any) => i.curAmt.amt === 99).map((i: any) => i.pseTrnCode)).toEqual([retry.body.xFerInfo.pseTrnCode]);
  });

  it('when a T14 pocket move with an Idempotency-Key loses its answer, then the retry answers the balance and moved once', async () => {
    const body = variant(example('pockets-request.json'), (b) => (b.xFerInfo.amt = 12));
    const key = { 'Idempotency-Key': 'pocket-unknown-1' };
    const [bal, poc] = [balance(t, '240269999'), pocket(t, '240269999')];
    expectUnknown(await call(t, 'post', '/v1/transfers/pockets', body, { ...key, 'X-Sandbox-Fault': 'bankmaster:drop-reply' }), 'BANKMASTER');
    const retry = await call(t, 'post', '/v1/transfers/pockets', body, key);
    expect(retry.body.acctBal.curAmt.amt).toBe((bal - 1200) / 100);
    expect(pocket(t, '240269999')).toBe(poc + 1200);
  });

  it('when a T15 deposit loses its answer, then the retry answers the same approvalId and the account was credited once', async () => {
    const body = variant(example('deposit-request.json'), (b) => (b.trn.trnRqUID = '900001'));
    const to = balance(t, '12321414');
    expectUnknown(await call(t, 'put', '/v1/deposit', body, depositHeaders({ 'X-Sandbox-Fault': 'bankmaster:drop-reply' })), 'BANKMASTER');
    const retry = await call(t, 'put', '/v1/deposit', body, depositHeaders());
    expect(retry.status).toBe(200);
    expect(retry.body.trn.approvalId).toMatch(/^Z[0-9A-F]{19}$/);
    expect(balance(t, '12321414')).toBe(to + 9_900);
  });
});
