import express, { Router } from 'express';
import { GatewayError } from '../errors/gateway-error';
import { FAULT_KINDS, type FaultKind } from './faults';
import { BACKENDS } from '../gateway/backends';
import type { SandboxHandle } from './server';
import { sandboxOtp } from './cores/bankmaster/cash';

/**
 * Sandbox-only admin API (never mounted in qa/prod): queue faults on a simulated core, and read
 * what the simulated cores deliver out of band (the OTPs they "send" to customers).
 */
export function createSandboxAdminRouter(sandbox: SandboxHandle): Router {
  const router = Router();
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
