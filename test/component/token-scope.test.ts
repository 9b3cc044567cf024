import request from 'supertest';
import { startGateway, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestGateway } from '../helpers/gateway';

/** Token scope through the whole app: a token asked for one API calls that API only. */
describe('access token scope', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  const tokenFor = (scope?: string) =>
    request(t.app)
      .post('/oauth/token')
      .auth(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
      .type('form')
      .send(scope === undefined ? { grant_type: 'client_credentials' } : { grant_type: 'client_credentials', scope });
  const call = (path: string, token: string) =>
    request(t.app).get(path).set({ client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, Authorization: `Bearer ${token}` });

  it('when a token asked for scope facilito calls transfers, then 403 in the envelope naming the scope; on facilito it passes', async () => {
    const issued = await tokenFor('facilito');
    expect(issued.status).toBe(200);
    expect(issued.body.scope).toBe('facilito');
    const transfers = await call('/transfers-management/v1/transfiya/account-relationships/5745678877', issued.body.access_token);
    expect(transfers.status).toBe(403);
    expect(transfers.body.responseType).toEqual({ value: 'ER' });
    expect(transfers.body.responseDetail).toMatchObject({ errorCode: 'GW-403-04', errorType: 'SEC' });
    expect(transfers.body.responseDetail.errorDesc).toContain('(facilito)');
    expect(transfers.body.responseDetail.errorDesc).toContain('transfers-management');
    expect((await call('/facilito/v1/customers/1234567890/account', issued.body.access_token)).status).toBe(200);
  });

  it('when no scope is asked for, then the token names every contracted API and calls each', async () => {
    const issued = await tokenFor();
    expect(issued.body.scope.split(' ').sort()).toEqual(['collections-management', 'facilito', 'transfers-management']);
    expect((await call('/transfers-management/v1/transfiya/account-relationships/5745678877', issued.body.access_token)).status).toBe(200);
  });

  it('when the scope asks for an unknown API, then 400 invalid_scope in the envelope and no token', async () => {
    const res = await tokenFor('facilito payments-api');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_scope');
    expect(res.body.responseDetail.errorDesc).toContain('payments-api');
    expect(res.body.access_token).toBeUndefined();
  });
});
