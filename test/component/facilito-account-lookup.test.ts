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
});
