import type { Request, Response } from 'express';
import { idempotency } from '../../src/policies/idempotency/handler';
import { MemoryIdempotencyStore } from '../../src/policies/idempotency/store';
import { GatewayError } from '../../src/errors/gateway-error';
import type { PolicyContext } from '../../src/gateway/policy';
import { attachContext } from '../../src/gateway/request-context';
import { facilitoRoutes } from '../../apis/facilito/routes';

/** The idempotency policy alone, with Facilito's rule (IdFacilito, one key space for F2/F4/F6). */
describe('idempotency policy with IdFacilito', () => {
  const deposit = facilitoRoutes.find((r) => r.operationId === 'createDeposit')!;
  const withdrawal = facilitoRoutes.find((r) => r.operationId === 'createWithdrawal')!;

  function setup(waitForInFlightMs: number) {
    const store = new MemoryIdempotencyStore(60_000);
    const ctx = { api: { name: 'facilito' }, settings: { waitForInFlightMs }, state: store } as unknown as PolicyContext;
    const handler = idempotency.create(ctx) as (req: Request, res: Response, next: () => void) => Promise<void>;
    const call = async (route: typeof deposit, body: Record<string, unknown>) => {
      const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
      const res = {
        statusCode: 200,
        status(n: number) {
          this.statusCode = n;
          sent.status = n;
          return this;
        },
        set(h: Record<string, string> | string, v?: string) {
          if (typeof h === 'string') sent.headers[h] = v!;
          else Object.assign(sent.headers, h);
          return this;
        },
        get: (name: string) => Object.entries(sent.headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1],
        getHeader: () => undefined,
        json(b: unknown) {
          sent.body = b;
          return this;
        },
        // the policy sends a recorded answer as its JSON text
        send(text: string) {
          sent.body = JSON.parse(text);
          return this;
        },
      };
      const req = { body, get: () => undefined } as unknown as Request;
      const rc = attachContext(req, 'test');
      rc.route = route;
      rc.client = { clientId: 'facilito-app' } as never;
      let passed = false;
      await handler(req, res as unknown as Response, () => (passed = true));
      return { passed, sent, res };
    };
    return { call };
  }

  it('when a duplicate arrives while the first is in flight and does not finish in time, then 409 naming the IdFacilito', async () => {
    const { call } = setup(0);
    const body = { Valor: 10, IDcuenta: '40010000001', IdFacilito: 123 };
    expect((await call(deposit, body)).passed).toBe(true);
    const err = await call(deposit, body).catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ status: 409, errorCode: 'GW-409-01', headers: { 'Retry-After': '1' } });
    expect(err.errorDesc).toBe('A request with this IdFacilito (123) is still being processed; retry later');
  });

  it('when the first answers, then the duplicate is replayed; another operation with the same IdFacilito is refused with 422', async () => {
    const { call } = setup(1000);
    const body = { Valor: 10, IDcuenta: '40010000001', IdFacilito: 124 };
    const first = await call(deposit, body);
    first.res.json({ Resultado: 0, Mensaje: 'Transaccion OK', IdAutorizacion: 1 });
    const again = await call(deposit, { IdFacilito: 124, Valor: 10, IDcuenta: '40010000001' });
    expect(again.passed).toBe(false);
    expect(again.sent).toMatchObject({ status: 200, body: { IdAutorizacion: 1 }, headers: { 'Idempotent-Replayed': 'true', 'Content-Type': 'application/json' } });
    const other = await call(withdrawal, { IDcuenta: '40010000001', OTP: '123456', Valor: 10, TipoOperacion: 'RETIRO', IdFacilito: 124 }).catch((e) => e);
    expect(other).toMatchObject({ status: 422, errorCode: 'GW-422-01' });
    expect(other.errorDesc).toBe('This IdFacilito (124) was already used with a different request; use a new one for a new transaction');
  });

  it('when the first ends with an unknown outcome (5xx), then nothing is stored and the repeat goes through to settle it', async () => {
    const { call } = setup(1000);
    const body = { Valor: 10, IDcuenta: '40010000001', IdFacilito: 125 };
    const first = await call(deposit, body);
    first.res.status(504).json({ Resultado: 20 });
    expect((await call(deposit, body)).passed).toBe(true);
  });
});
