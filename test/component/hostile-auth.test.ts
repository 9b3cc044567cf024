import request from 'supertest';
import { startGateway, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type TestGateway } from '../helpers/gateway';

/** Failed client authentications through the whole app: throttled before any hashing. */
describe('failed client authentications', () => {
  let t: TestGateway;
  let token: string;
  beforeAll(async () => {
    t = await startGateway({ server: { trustProxy: 1 }, clients: { failedAuth: { perClientId: 1000, perSource: 20 } } });
    token = await t.token();
  });
  afterAll(() => t.close());

  const lookup = (secret: string, from: string) =>
    request(t.app)
      .get('/facilito/v1/customers/1234567890/account')
      .set({ client_id: DEMO_CLIENT_ID, client_secret: secret, Authorization: `Bearer ${token}`, 'X-Forwarded-For': from });

  it('when a source sends 20 wrong secrets, then its 21st call is 429 in the envelope with Retry-After, even with the right secret', async () => {
    for (let i = 0; i < 20; i++) expect((await lookup(`wrong-secret-${i}`, '203.0.113.5')).status).toBe(401);
    const res = await lookup(DEMO_CLIENT_SECRET, '203.0.113.5');
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ Resultado: 21, responseType: { value: 'ER' }, responseDetail: { errorCode: 'GW-429-02', errorType: 'SEC' } });
    // the token endpoint shares the count
    const oauth = await request(t.app)
      .post('/oauth/token')
      .set('X-Forwarded-For', '203.0.113.5')
      .auth(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(oauth.status).toBe(429);
    expect(oauth.body.responseDetail.errorCode).toBe('GW-429-02');
    // another address is served
    expect((await lookup(DEMO_CLIENT_SECRET, '203.0.113.6')).status).toBe(200);
  });
});
