import { startGateway, type TestGateway } from '../helpers/gateway';
import { balance, facilito, newIdFacilito } from './facilito-helpers';

/** The sandbox journey of a Facilito point, end to end through the gateway, as the issue describes it. */
describe('Facilito sandbox journey', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  it('when a point looks up, deposits, withdraws with an OTP, pays an installment and reverses the deposit, then every balance moves as it should', async () => {
    const f = facilito(t);

    // 1. look up the customer by Cedula
    const lookup = await f.get('/customers/1234567890/account');
    expect(lookup.status).toBe(200);
    const { IDcuenta, NombreTitular } = lookup.body;
    expect(NombreTitular).toBe('NEY ARANA');
    const opening = balance(t, IDcuenta);

    // 2. deposit, and see the balance change
    const depositId = newIdFacilito();
    const deposit = await f.deposit({ Valor: 200000, IDcuenta, IdFacilito: depositId });
    expect(deposit.body).toMatchObject({ Resultado: 0, IdAutorizacion: expect.any(Number) });
    expect(balance(t, IDcuenta)).toBe(opening + 20_000_000);

    // 3. request an OTP (the customer receives it), then withdraw with it
    expect((await f.requestOtp({ IDcuenta, Valor: 35000.5 })).body.Resultado).toBe(0);
    const OTP = await f.otpSentTo(IDcuenta);
    const withdrawal = await f.withdraw({ IDcuenta, OTP, Valor: 35000.5, TipoOperacion: 'RETIRO', IdFacilito: newIdFacilito() });
    expect(withdrawal.body).toMatchObject({ Resultado: 0, IdAutorizacion: expect.any(Number) });
    expect(balance(t, IDcuenta)).toBe(opening + 20_000_000 - 3_500_050);

    // 4. look up the credits, pay an installment, and see the pending value drop
    const credits = await f.credits('1234567890');
    const [studentLoan] = credits.body.DetalleCredito;
    expect(studentLoan).toMatchObject({ Descripcion: 'Credito Estudiantil', ValorMinimo: 100.2, ValorTotal: 4678.23 });
    const payment = await f.pay({ IDCredito: studentLoan.IDCredito, Valor: studentLoan.ValorMinimo, IdFacilito: newIdFacilito() });
    expect(payment.body.Resultado).toBe(0);
    const after = (await f.credits('1234567890')).body.DetalleCredito[0];
    expect(after).toMatchObject({ IDCredito: studentLoan.IDCredito, ValorTotal: 4578.03 });

    // 5. reverse the deposit, and see the balance restored (less the withdrawal, which stands)
    const reversal = await f.reverse({ ValorPagar: 200000, IdFacilito: depositId });
    expect(reversal.body).toEqual({ Resultado: 0, Mensaje: 'Reverso OK' });
    expect(balance(t, IDcuenta)).toBe(opening - 3_500_050);
  });
});
