import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';

/** Credentials in a URL are refused (RFC 6750 section 2.3), and no query value reaches a log line unless the contract says it may. */
describe('secrets in URLs and in logs', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ log: { level: 'debug' } });
  });
  afterAll(() => t.close());

  const lineOf = (correlationId: string) => t.logs.find((l) => l.message === 'request' && l.correlationId === correlationId)!;

  it.each([
    ['an API call', 'get', '/facilito/v1/customers/1234567890/account?access_token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', 'access_token'],
    ['the token endpoint', 'post', '/oauth/token?client_secret=sandbox-demo-secret-change-me', 'client_secret'],
    ['the portal', 'get', '/docs?access_token=portalTokenQwzx', 'access_token'],
    ['an operational endpoint', 'get', '/health?Password=hunter2hunter2', 'Password'],
    ['an OTP', 'get', '/facilito/v1/customers/1234567890/account?otp=918273', 'otp'],
    ['an encoded name', 'get', '/facilito/v1/customers/1234567890/account?client%5Fsecret=encodedSecretQwzx', 'client_secret'],
  ])('when %s carries a credential in the query string, then 400 in the envelope naming the parameter, never its value', async (_what, method, url, name) => {
    const res = await request(t.app)[method as 'get' | 'post'](url).set(await t.auth());
    expect(res.status).toBe(400);
    expect(res.body.responseType).toEqual({ value: 'ER' });
    expect(res.body.responseDetail).toMatchObject({ errorCode: 'GW-400-07', errorType: 'SEC' });
    expect(res.body.responseDetail.errorDesc).toContain(`query parameter ${name}`);
    expect(res.body.responseDetail.errorDesc).toContain('RFC 6750');
    const value = decodeURIComponent(url.split('=')[1]);
    expect(JSON.stringify(res.body)).not.toContain(value);
    // and the log line has neither the value nor a part of it (its random and timing fields aside:
    // a correlation id or a latency may contain four given digits by chance)
    const { correlationId: _c, traceId: _t, spanId: _s, latencyMs: _l, timestamp: _ts, ...fields } = lineOf(res.headers['x-correlation-id']);
    const line = JSON.stringify(fields);
    expect(line).not.toContain(value);
    expect(line).not.toContain(value.slice(-4));
  });

  it('when a query parameter is not declared in the contract, then its value is masked in the log, whatever its name', async () => {
    const res = await request(t.app).get('/transfers-management/v1/transfiya/transfers/5745678877/recent?totalRecords=3&note=my-private-note').set(await t.auth());
    const line = lineOf(res.headers['x-correlation-id']);
    expect(line.path).toBe('/transfers-management/v1/transfiya/transfers/******8877/recent?totalRecords=3&note=***');
  });

  it('when the contract declares a parameter from a closed set (an enum, a bounded integer), then a conforming value is logged in clear; any other value is masked', async () => {
    const ok = await request(t.app).get('/collections-management/v1/agreement/ics?govIssueIdentType=CC&identSerialNum=79123456').set(await t.auth());
    expect(lineOf(ok.headers['x-correlation-id']).path).toBe('/collections-management/v1/agreement/ics?govIssueIdentType=CC&identSerialNum=***');
    const odd = await request(t.app).get('/collections-management/v1/agreement/ics?govIssueIdentType=XX-918273&identSerialNum=79123456').set(await t.auth());
    expect(lineOf(odd.headers['x-correlation-id']).path).toBe('/collections-management/v1/agreement/ics?govIssueIdentType=***&identSerialNum=***');
  });

  it('when an OTP travels in a header or in the body, then the log shows none of it, not even its last digits', async () => {
    const res = await request(t.app)
      .post('/facilito/v1/withdrawals')
      .set(await t.auth())
      .set('OTP', '918273')
      .send({ IDcuenta: '40010000002', OTP: '918273', Valor: 1, TipoOperacion: 'RETIRO', IdFacilito: 991827 });
    const line = JSON.stringify(lineOf(res.headers['x-correlation-id']));
    expect(line).toContain('requestBody');
    expect(line).not.toContain('918273');
    expect(line).not.toContain('*8273');
  });
});
