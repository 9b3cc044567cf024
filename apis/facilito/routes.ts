import type { RouteDefinition } from '../../src/gateway/api';
import { GatewayError } from '../../src/errors/gateway-error';
import { isOutcomeUnknown } from '../../src/adapters/core-errors';
import type { FacilitoPorts } from './ports';
import { RESULTADO } from './results';
import { facilitoReference, idAutorizacion, reversedTransaction, settle, transactionIdempotency } from './transactions';

const OK = { Resultado: RESULTADO.OK, Mensaje: 'Transaccion OK' };

/** Facilito's route table: one row per operation (F1-F7 of the integration note). */
export const facilitoRoutes: RouteDefinition<FacilitoPorts>[] = [
  {
    operationId: 'getCustomerAccount',
    method: 'get',
    path: '/v1/customers/{Cedula}/account',
    async handle({ params, ports, call }) {
      const acct = await ports.cash.mainAccount(params.Cedula, call);
      return {
        status: 200,
        body: { ...OK, Identificacion: acct.holderId, IDcuenta: acct.acctId, NombreTitular: acct.holderName, Descripcion: acct.description },
      };
    },
  },
  {
    operationId: 'createDeposit',
    method: 'post',
    path: '/v1/deposits',
    moneyMoving: true,
    idempotency: transactionIdempotency,
    async handle({ body, ports, call }) {
      const posting = await settle(body.IdFacilito, () =>
        ports.cash.deposit({ reference: facilitoReference(body.IdFacilito), acctId: body.IDcuenta, amount: body.Valor }, call),
      );
      return { status: 200, body: { ...OK, IdAutorizacion: idAutorizacion(posting.authorizationId) } };
    },
  },
  {
    operationId: 'getCustomerCredits',
    method: 'get',
    path: '/v1/customers/{Cedula}/credits',
    async handle({ params, ports, call }) {
      const res = await ports.cash.customerLoans(params.Cedula, call);
      return {
        status: 200,
        body: {
          ...OK,
          NombreTitular: res.holderName,
          DetalleCredito: res.loans.map((l) => ({ IDCredito: l.loanId, Descripcion: l.description, ValorMinimo: l.minimumDue, ValorTotal: l.pending })),
        },
      };
    },
  },
  {
    operationId: 'createCreditPayment',
    method: 'post',
    path: '/v1/credit-payments',
    moneyMoving: true,
    idempotency: transactionIdempotency,
    async handle({ body, ports, call }) {
      const posting = await settle(body.IdFacilito, () =>
        ports.cash.payLoan({ reference: facilitoReference(body.IdFacilito), loanId: body.IDCredito, amount: body.Valor }, call),
      );
      return { status: 200, body: { ...OK, IdAutorizacion: idAutorizacion(posting.authorizationId) } };
    },
  },
  {
    operationId: 'requestOtp',
    method: 'post',
    path: '/v1/otp',
    // no money moves, but issuing an OTP changes state in Bankmaster (it replaces the previous
    // one): sent once, and a timeout is an unknown outcome
    moneyMoving: true,
    async handle({ body, ports, call }) {
      const { ttlSeconds: otpTtlSeconds, maxAttempts } = ports.otp;
      try {
        await ports.cash.requestOtp({ acctId: body.IDcuenta, amount: body.Valor, ttlSeconds: otpTtlSeconds, maxAttempts }, call);
      } catch (e) {
        if (!isOutcomeUnknown(e)) throw e;
        throw new GatewayError({
          status: 504,
          errorCode: e.errorCode,
          errorType: e.errorType,
          errorDesc: 'Outcome unknown: Bankmaster did not confirm in time whether the OTP was sent. Request a new OTP (it replaces any previous one)',
          detail: e.detail,
        });
      }
      // the OTP goes to the customer (SMS), never into this answer
      return { status: 200, body: { Resultado: RESULTADO.OK, Mensaje: `OTP enviada al cliente; vence en ${otpTtlSeconds} segundos` } };
    },
  },
  {
    operationId: 'createWithdrawal',
    method: 'post',
    path: '/v1/withdrawals',
    moneyMoving: true,
    idempotency: transactionIdempotency,
    async handle({ body, ports, call }) {
      const posting = await settle(body.IdFacilito, () =>
        ports.cash.withdraw(
          { reference: facilitoReference(body.IdFacilito), acctId: body.IDcuenta, amount: body.Valor, otp: body.OTP, operationType: body.TipoOperacion },
          call,
        ),
      );
      return { status: 200, body: { ...OK, IdAutorizacion: idAutorizacion(posting.authorizationId) } };
    },
  },
  {
    operationId: 'createReversal',
    method: 'post',
    path: '/v1/reversals',
    moneyMoving: true,
    // Bankmaster answers a repeated reversal with the first one: IdFacilito needs no gateway key
    // here (which keeps a repeat's answer the same before and after a gateway restart).
    idempotency: { scope: 'facilito-reversals' },
    // only the client whose transaction it is may reverse it; anyone else gets Resultado 15
    ownership: { refersTo: reversedTransaction },
    async handle({ body, ports, call }) {
      await settle(
        body.IdFacilito,
        () => ports.cash.reverse({ reference: facilitoReference(body.IdFacilito), amount: body.ValorPagar }, call),
        'Repeat the reversal with the same IdFacilito and ValorPagar to learn the result (it is applied at most once)',
      );
      return { status: 200, body: { Resultado: RESULTADO.OK, Mensaje: 'Reverso OK' } };
    },
  },
];
