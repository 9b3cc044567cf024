import { context, trace } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import type { RequestHandler } from 'express';
import { endSpan, tracer } from '../observability/tracing';

const isPromise = (v: unknown): v is Promise<unknown> => v !== null && typeof v === 'object' && typeof (v as Promise<unknown>).then === 'function';

/**
 * A policy handler inside its own span ("policy <name>"), a sibling of the other policies' spans
 * under the request's span: the span ends when the handler passes the request on (next) or fails,
 * and the rest of the chain runs in the request's context, not in this policy's. Used only when
 * tracing is on.
 */
export function tracedHandler(spanName: string, fn: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const parent = context.active();
    const span = tracer().startSpan(spanName, undefined, parent);
    let ended = false;
    const end = (err?: unknown) => {
      if (ended) return;
      ended = true;
      endSpan(span, err);
    };
    return context.with(trace.setSpan(parent, span), () => {
      try {
        const ret: unknown = fn(req, res, (err?: unknown) => {
          end(err);
          context.with(parent, () => next(err));
        });
        if (isPromise(ret)) {
          return ret.then(
            () => end(),
            (e: unknown) => {
              end(e);
              throw e;
            },
          );
        }
        return ret;
      } catch (e) {
        end(e);
        throw e;
      }
    });
  };
}

/** Names the request's server span after the operation (the API router knows it, Express does not). */
export function nameServerSpan(method: string, route: string): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttribute('http.route', route);
  span.updateName(`${method} ${route}`);
  // the HTTP instrumentation names the span from this at the end (Express would say /facilito)
  const rpc = getRPCMetadata(context.active());
  if (rpc?.type === RPCType.HTTP) rpc.route = route;
}
