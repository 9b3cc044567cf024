import { Router, type ErrorRequestHandler } from 'express';
import type { SandboxState } from '../state/sandbox-state';
import { SimCoreError } from '../sim-error';

/** A simulated core's capability: routes mounted under its back end's prefix. */
export type CoreModule = (state: SandboxState) => Router;

/** Simulated cores answer their own error shape; anything unexpected is a bare 500 like a real core. */
export const coreErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof SimCoreError) {
    res.status(err.httpStatus).json({ errorCode: err.errorCode, errorType: err.errorType, errorDesc: err.errorDesc, ...err.extra });
    return;
  }
  res.status(500).json({ errorCode: 'SIM500', errorType: 'SIM', errorDesc: `SIMULATED CORE FAILURE: ${(err as Error).message}` });
};
