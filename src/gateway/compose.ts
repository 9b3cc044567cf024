import type { NextFunction, Request, RequestHandler, Response } from 'express';

const isPromise = (v: unknown): v is Promise<unknown> => v !== null && typeof v === 'object' && typeof (v as Promise<unknown>).then === 'function';

/**
 * Runs handlers in order as ONE Express layer, with Express 5's own contract for each: a thrown
 * error or a rejected promise goes to next(err), next(err) skips the rest, next() moves on. The
 * policy chain used to be a dozen router layers; each layer costs a path match, a params merge
 * and a closure per request, for handlers that all apply to every path of the API.
 */
export function compose(handlers: RequestHandler[], done: RequestHandler): RequestHandler {
  const chain = [...handlers, done];
  return (req: Request, res: Response, out: NextFunction) => {
    let i = 0;
    const step: NextFunction = (err?: unknown) => {
      if (err) return out(err);
      const fn = chain[i++];
      if (!fn) return out();
      invoke(fn, req, res, step);
    };
    step();
  };
}

/** One handler as Express's Layer.handleRequest invokes it. */
export function invoke(fn: RequestHandler, req: Request, res: Response, next: NextFunction): void {
  try {
    const ret: unknown = fn(req, res, next);
    if (isPromise(ret)) ret.then(undefined, (error: unknown) => next(error || new Error('Rejected promise')));
  } catch (err) {
    next(err);
  }
}
