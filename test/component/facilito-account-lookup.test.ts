import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';

describe('F1 GET /facilito/v1/customers/{Cedula}/account', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  it('when the customer exists, then it answers Resultado 0 and the main account', async () => {
    const res = await request(t.app).get('/facilito/v1/customers/1234567890/account').set(await t.auth());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      Resultado: 0,
      Mensaje: 'Transaccion OK',
      Identificacion: '1234567890',
      IDcuenta: '40010000001',
      NombreTitular: 'NEY ARANA',
      Descripcion: 'CUENTA DE AHORROS',
    });
  });

  it('when the cedula is unknown, then 404 with Resultado 2 and the envelope', async () => {
    const res = await request(t.app).get('/facilito/v1/customers/99999/account').set(await t.auth());
    expect(res.status).toBe(404);
    expect(res.body.Resultado).toBe(2);
    expect(res.body.responseType).toEqual({ value: 'ER' });
    expect(res.body.responseDetail.errorCode).toBe('SQLCODE');
  });

  it('when the customer has no active main account, then 404 with Resultado 4', async () => {
    const res = await request(t.app).get('/facilito/v1/customers/1077777777/account').set(await t.auth());
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ Resultado: 4, Mensaje: 'CUENTA NO EXISTE', responseDetail: { errorCode: 'NC', errorType: 'TRX' } });
  });

  it('when the cedula is malformed, then 400 with Resultado 1 naming the path parameter', async () => {
    const res = await request(t.app).get('/facilito/v1/customers/12ab/account').set(await t.auth());
    expect(res.status).toBe(400);
    expect(res.body.Resultado).toBe(1);
    expect(res.body.Mensaje).toContain('Cedula');
  });

  it('when the call has no credentials, then 401 with Resultado 3', async () => {
    const res = await request(t.app).get('/facilito/v1/customers/1234567890/account');
    expect(res.status).toBe(401);
    expect(res.body.Resultado).toBe(3);
  });
});
