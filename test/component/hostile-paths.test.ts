import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';

/** Paths and methods a hostile client sends: each answer is the envelope, never a 500. */
describe('hostile paths and methods, through the app', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  const expectEnvelope = (res: request.Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.responseType).toEqual({ value: 'ER' });
    expect(JSON.stringify(res.body)).not.toMatch(/URIError|at \w+ \(|node_modules/);
  };

  it.each([
    ['a Facilito path parameter', '/facilito/v1/customers/%E0%A4%A/account'],
    ['a Transfiya path parameter', '/transfers-management/v1/transfiya/account-relationships/%C0'],
    ['an unknown API path', '/facilito/v1/nothing/%E0%A4%A'],
    ['a portal page', '/docs/%E0%A4%A'],
    ['a portal asset', '/docs/assets/swagger-ui/%E0%A4%A'],
  ])('when %s has a malformed percent-escape, then 400 in the envelope naming the path', async (_what, path) => {
    const res = await request(t.app).get(path).set(await t.auth());
    expectEnvelope(res, 400);
    expect(res.body.responseDetail.errorCode).toBe('GW-400-01');
    expect(res.body.responseDetail.errorDesc).toContain(path);
  });

  it('when a Facilito path parameter is malformed, then the answer carries Resultado 1 too', async () => {
    const res = await request(t.app).get('/facilito/v1/customers/%E0%A4%A/account').set(await t.auth());
    expect(res.body).toMatchObject({ Resultado: 1 });
  });

  it('when HEAD is sent to an API GET route, then 405 with Allow: GET and the core is never called', async () => {
    const before = t.sandbox.faults.hits.length;
    // an invalid Cedula: as a GET it is refused by the contract; as a HEAD it used to reach the core
    const res = await request(t.app).head('/facilito/v1/customers/not-a-cedula/account').set(await t.auth());
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
    expect(t.sandbox.faults.hits.length).toBe(before);
  });
});
