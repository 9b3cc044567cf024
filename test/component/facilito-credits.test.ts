import { startGateway, type TestGateway } from '../helpers/gateway';
import { MARIA, NEY, balance, coreHits, facilito, newIdFacilito } from './facilito-helpers';

describe('F3 GET /facilito/v1/customers/{Cedula}/credits and F4 POST /facilito/v1/credit-payments', () => {
  let t: TestGateway;
  let f: ReturnType<typeof facilito>;
  beforeAll(async () => {
    t = await startGateway();
    f = facilito(t);
  });
  afterAll(() => t.close());

  const credit = async (loanId: string) => (await f.credits(NEY.cedula)).body.DetalleCredito.find((c: { IDCredito: string }) => c.IDCredito === loanId);

  it('when a customer has credits, then each comes with ValorMinimo and ValorTotal as JSON numbers', async () => {
    const res = await f.credits(NEY.cedula);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      Resultado: 0,
      Mensaje: 'Transaccion OK',
      NombreTitular: 'NEY ARANA',
      DetalleCredito: [
        { IDCredito: '40018000001', Descripcion: 'Credito Estudiantil', ValorMinimo: 100.2, ValorTotal: 4678.23 },
        { IDCredito: '40018000002', Descripcion: 'Credito Vivienda', ValorMinimo: 2500, ValorTotal: 98700 },
        // the installment (850.50) is more than what is pending: the minimum is the pending value
        { IDCredito: '40018000003', Descripcion: 'Credito Vehicular', ValorMinimo: 600, ValorTotal: 600 },
      ],
    });
  });

  it('when a customer has no credits, then Resultado 0 with an empty DetalleCredito', async () => {
    const res = await f.credits(MARIA.cedula);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Resultado: 0, Mensaje: 'Transaccion OK', NombreTitular: 'MARIA LOPEZ', DetalleCredito: [] });
  });

  it('when the cedula is unknown, then 404 Resultado 2', async () => {
    const res = await f.credits('55555555');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ Resultado: 2, responseType: { value: 'ER' }, responseDetail: { errorCode: 'SQLCODE', errorType: 'ORA' } });
  });

  it('when an installment is paid, then the pending value drops by exactly Valor and Bankmaster gets the padded loan id and cents', async () => {
    const id = newIdFacilito();
    const res = await f.pay({ IDCredito: NEY.loans[1], Valor: 2500.55, IdFacilito: id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Resultado: 0, Mensaje: 'Transaccion OK', IdAutorizacion: expect.any(Number) });
    expect(await credit(NEY.loans[1])).toEqual({ IDCredito: NEY.loans[1], Descripcion: 'Credito Vivienda', ValorMinimo: 2500, ValorTotal: 96199.45 });
    const sent = coreHits(t, '/loans/payments').find((h) => (h.body as { reference: string }).reference === `FAC-${id}`)!.body;
    expect(sent).toEqual({ reference: `FAC-${id}`, loanId: '40018000002         ', amount: '250055' });
  });

  it('when the same payment is repeated, then the first answer comes back and the pending value drops once', async () => {
    const body = { IDCredito: NEY.loans[1], Valor: 3000, IdFacilito: newIdFacilito() };
    const before = balance(t, NEY.loans[1]);
    const [a, b] = await Promise.all([f.pay(body), f.pay(body)]);
    const c = await f.pay(body);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    expect(before - balance(t, NEY.loans[1])).toBe(300_000);
  });

  it('when the credit is paid off, then it leaves the list and a further payment is out of range', async () => {
    const res = await f.pay({ IDCredito: NEY.loans[2], Valor: 600, IdFacilito: newIdFacilito() });
    expect(res.status).toBe(200);
    expect(await credit(NEY.loans[2])).toBeUndefined();
    const more = await f.pay({ IDCredito: NEY.loans[2], Valor: 1, IdFacilito: newIdFacilito() });
    expect(more.status).toBe(400);
    expect(more.body.Resultado).toBe(8);
  });

  it.each([
    ['below ValorMinimo', 100.19],
    ['above ValorTotal', 999999],
  ])('when the payment is %s, then 400 Resultado 8 and the pending value does not change', async (_what, Valor) => {
    const before = balance(t, NEY.loans[0]);
    const res = await f.pay({ IDCredito: NEY.loans[0], Valor, IdFacilito: newIdFacilito() });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Resultado: 8, Mensaje: 'VALOR FUERA DEL RANGO PERMITIDO PARA EL CREDITO', responseDetail: { errorCode: 'CR02' } });
    expect(balance(t, NEY.loans[0])).toBe(before);
  });

  it('when the credit does not exist, then 404 Resultado 7', async () => {
    const res = await f.pay({ IDCredito: '999', Valor: 10, IdFacilito: newIdFacilito() });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ Resultado: 7, Mensaje: 'CREDITO NO EXISTE', responseDetail: { errorCode: 'CR01', errorType: 'PRE' } });
  });

  it('when IDCredito is longer than Bankmaster allows, then 400 Resultado 1 before any core call', async () => {
    const calls = coreHits(t, '/loans/payments').length;
    const res = await f.pay({ IDCredito: '1'.repeat(21), Valor: 10, IdFacilito: newIdFacilito() });
    expect(res.status).toBe(400);
    expect(res.body.Resultado).toBe(1);
    expect(res.body.Mensaje).toContain('IDCredito');
    expect(coreHits(t, '/loans/payments')).toHaveLength(calls);
  });
});
