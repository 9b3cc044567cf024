import request from 'supertest';
import { SANDBOX_ADMIN, type TestGateway } from '../helpers/gateway';
import { facilitoDomain } from '../../src/sandbox/fixtures/facilito-domain';

/** The sandbox's Facilito customers (src/sandbox/fixtures/facilito.ts). */
export const NEY = { cedula: '1234567890', acct: '40010000001', loans: ['40018000001', '40018000002', '40018000003'] };
export const MARIA = { cedula: '1098765432', acct: '40010000002' };
export const CARLOS = { cedula: '1077777777', acct: '40010000003' };

let seq = 0;
/** A fresh IdFacilito per call, distinct across test files running in parallel workers. */
export const newIdFacilito = (): number => 700_000_000_000 + (process.pid % 10_000) * 10_000_000 + ++seq;

/** Facilito calls through the whole gateway, as a Facilito point makes them, plus sandbox reads. */
export function facilito(t: TestGateway, app: TestGateway['app'] = t.app) {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(app).post(`/facilito/v1${path}`).set(await t.auth()).set(headers).send(body as object);
  const get = async (path: string) => request(app).get(`/facilito/v1${path}`).set(await t.auth());
  return {
    post,
    get,
    deposit: (body: unknown, headers?: Record<string, string>) => post('/deposits', body, headers),
    pay: (body: unknown, headers?: Record<string, string>) => post('/credit-payments', body, headers),
    requestOtp: (body: unknown, headers?: Record<string, string>) => post('/otp', body, headers),
    withdraw: (body: unknown, headers?: Record<string, string>) => post('/withdrawals', body, headers),
    reverse: (body: unknown, headers?: Record<string, string>) => post('/reversals', body, headers),
    credits: (cedula: string) => get(`/customers/${cedula}/credits`),
    /** The OTP as QA reads it from the sandbox delivery box (GET /sandbox/otp/{IDcuenta}). */
    async otpSentTo(acctId: string): Promise<string> {
      const res = await request(app).get(`/sandbox/otp/${acctId}`).auth(...SANDBOX_ADMIN);
      if (res.status !== 200) throw new Error(`no OTP for ${acctId}: ${res.status}`);
      return res.body.otp as string;
    },
  };
}

/** Balances straight from the simulated core's ledger, in cents. */
export const balance = (t: TestGateway, acctId: string): number => t.sandbox.state.ledger.account(acctId).balanceCents;

/** Moves the simulated core's clock (OTP expiry) without waiting. */
export const advanceCoreClock = (t: TestGateway, ms: number): void => facilitoDomain(t.sandbox.state).advanceClock(ms);

/** What the simulated Bankmaster received on a path (to assert the core-side mapping). */
export const coreHits = (t: TestGateway, path: string) => t.sandbox.faults.hits.filter((h) => h.backend === 'bankmaster' && h.path === path);
