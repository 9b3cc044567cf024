/**
 * What the gateway's own code needs of tracing: whether it is on, the active trace id for the log
 * line, and spans around the policy chain and the core calls. Only @opentelemetry/api is loaded
 * here (its no-op implementation when no SDK is started): with tracing off, every call below is a
 * flag check or a no-op.
 */
import { context, isSpanContextValid, SpanStatusCode, trace, type Span } from '@opentelemetry/api';

let enabled = false;

/** Set by startTracing (tracing-sdk.ts) once an SDK is registered. */
export function markTracingEnabled(on = true): void {
  enabled = on;
}

export const tracingEnabled = (): boolean => enabled;

export const tracer = () => trace.getTracer('bank-api-gateway');

/** The trace id of the span the current code runs in, for the log line; undefined without one. */
export function activeTraceId(): string | undefined {
  if (!enabled) return undefined;
  const sc = trace.getActiveSpan()?.spanContext();
  return sc && isSpanContextValid(sc) ? sc.traceId : undefined;
}

/** Ends a span with the error it failed with (its name only: messages may carry personal data). */
export function endSpan(span: Span, err?: unknown): void {
  if (err) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as { errorCode?: string }).errorCode ?? (err as Error).name });
  }
  span.end();
}

/** Runs fn inside a new span as the active one, ending it when fn settles. */
export async function inSpan<T>(name: string, attributes: Record<string, string | number | boolean>, fn: () => Promise<T>): Promise<T> {
  const span = tracer().startSpan(name, { attributes });
  try {
    const result = await context.with(trace.setSpan(context.active(), span), fn);
    endSpan(span);
    return result;
  } catch (e) {
    endSpan(span, e);
    throw e;
  }
}
