import crypto from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import { GatewayError } from '../errors/gateway-error';
import { FAULT_KINDS, type FaultKind } from './faults';
import { BACKENDS } from '../gateway/backends';
import type { SandboxHandle } from './server';
import { sandboxOtp } from './cores/bankmaster/cash';

export interface AdminCredentials {
  user: string;
  secret: string;
}

const digest = (s: string) => crypto.hash('sha256', s, 'buffer');

/**
 * HTTP Basic with the sandbox admin credentials. Both sides are digested before the
 * constant-time compare, so neither the length nor a prefix of the expected value shows in the time.
 */
export function requireAdmin(credentials: AdminCredentials): RequestHandler {
  const expected = digest(`${credentials.user}:${credentials.secret}`);
  return (req, _res, next) => {
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.get('authorization') ?? '');
    const given = m ? Buffer.from(m[1], 'base64').toString('utf8') : '';
    if (!crypto.timingSafeEqual(digest(given), expected)) {
      throw GatewayError.of('SANDBOX_ADMIN_REQUIRED', undefined, { headers: { 'WWW-Authenticate': 'Basic realm="sandbox-admin"' } });
    }
    next();
  };
}

/**
 * Sandbox-only admin API (never mounted in qa/prod): queue faults on a simulated core, and read
 * what the simulated cores deliver out of band (the OTPs they "send" to customers). It reads
 * customers' OTPs and breaks every client's calls, so it needs the sandbox admin credentials.
 */
export function createSandboxAdminRouter(sandbox: SandboxHandle, credentials: AdminCredentials): Router {
  const router = Router();
  router.use(requireAdmin(credentials));
  router.use(express.json({ limit: '8kb' }));
  router.get('/faults', (_req, res) => {
    res.json({ faults: sandbox.faults.pending() });
  });
  router.post('/faults', (req, res) => {
    const { backend, fault, times = 1, arg, pathContains } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof backend !== 'string' || !(BACKENDS as readonly string[]).includes(backend)) {
      throw GatewayError.of('BAD_REQUEST', `backend must be one of ${BACKENDS.join(', ')}`);
    }
    if (typeof fault !== 'string' || !(FAULT_KINDS as readonly string[]).includes(fault)) {
      throw GatewayError.of('BAD_REQUEST', `fault must be one of ${FAULT_KINDS.join(', ')}`);
    }
    if (!Number.isInteger(times) || (times as number) < 1 || (times as number) > 1000) throw GatewayError.of('BAD_REQUEST', 'times must be an integer 1-1000');
    sandbox.faults.enqueue({
      backend,
      kind: fault as FaultKind,
      arg: typeof arg === 'number' ? arg : undefined,
      pathContains: typeof pathContains === 'string' ? pathContains : undefined,
      remaining: times as number,
    });
    res.status(201).json({ faults: sandbox.faults.pending() });
  });
  router.delete('/faults', (_req, res) => {
    sandbox.faults.clear();
    res.status(204).end();
  });
  // Facilito withdrawals: the OTP the simulated Bankmaster "sent" to the account holder.
  router.get('/otp/:IDcuenta', (req, res) => {
    const otp = sandboxOtp(sandbox.state, req.params.IDcuenta);
    if (!otp) throw GatewayError.of('NOT_FOUND', `No OTP was sent for account ${req.params.IDcuenta}; request one with POST /facilito/v1/otp`);
    res.json(otp);
  });
  return router;
}
