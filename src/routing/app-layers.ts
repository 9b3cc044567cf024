import type { RequestHandler } from 'express';

/**
 * Runs a middleware that only ever sets fixed response headers (helmet with our options) once, at
 * start-up, against a recorder; the returned middleware replays the same calls in the same order.
 * Helmet's eleven small middlewares cost more per request than the headers themselves.
 */
export function replayHeaders(mw: RequestHandler): RequestHandler {
  const calls: Array<[op: 'set' | 'remove', name: string, value?: string | number | readonly string[]]> = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      calls.push(['set', name, value]);
      return recorder;
    },
    removeHeader(name: string) {
      calls.push(['remove', name]);
    },
  };
  let nextCalled = false;
  mw({} as never, recorder as never, ((err?: unknown) => {
    if (err) throw err;
    nextCalled = true;
  }) as never);
  if (!nextCalled) throw new Error('replayHeaders: the middleware did not finish synchronously');
  return (_req, res, next) => {
    for (const [op, name, value] of calls) {
      if (op === 'set') res.setHeader(name, value!);
      else res.removeHeader(name);
    }
    next();
  };
}

const normalize = (p: string) => p.toLowerCase().replace(/\/+$/, '');

/**
 * Hands a request to a router only when its path could be one of the router's routes (compared
 * case-insensitively, trailing slashes ignored: never stricter than Express's own matching), so
 * API traffic does not walk the operational and OAuth routers on every call. The paths are read
 * from the router's own routes; a router with anything else (router.use, patterns) is always called.
 */
export function onlyForItsRoutes(router: RequestHandler & { stack?: Array<{ route?: { path?: unknown } }> }): RequestHandler {
  const paths = (router.stack ?? []).map((layer) => layer.route?.path);
  if (!paths.length || paths.some((p) => typeof p !== 'string' || /[:*?(){}]/.test(p))) return router;
  const known = new Set((paths as string[]).map(normalize));
  return (req, res, next) => {
    if (known.has(normalize(req.path))) return router(req, res, next);
    next();
  };
}
