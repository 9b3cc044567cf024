/**
 * Starts OpenTelemetry tracing: the Node SDK with the HTTP (incoming requests), Express and undici
 * (every core call: W3C traceparent injected) instrumentations, exporting over OTLP/HTTP. Off
 * unless OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set, and then
 * nothing of the SDK is even loaded: the standard OTEL_* variables configure everything else
 * (OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER, OTEL_EXPORTER_OTLP_HEADERS...).
 *
 * It must run before express, http and undici are loaded, so that their instrumentations can
 * patch them: src/start-tracing.ts is the first import of src/main.ts.
 */
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Span } from '@opentelemetry/api';
import { markTracingEnabled } from './tracing';
import { maskDigits } from './masking';

export interface TracingOptions {
  /** A span exporter of the caller's (tests: an in-memory exporter, spans exported as they end). */
  exporter?: SpanExporter;
  environment?: NodeJS.ProcessEnv;
}

const QUIET_PATHS = new Set(['/health', '/ready', '/metrics', '/favicon.ico']);

/**
 * URLs carry identity and account numbers (/customers/{Cedula}/account) and query values: a span
 * keeps the path with its digits masked as the log line does, and never the query.
 */
function maskUrlAttributes(span: Span, url: string | undefined): void {
  if (!url) return;
  const masked = maskDigits(url.split("?")[0]);
  let path = masked;
  try {
    path = new URL(masked, 'http://gateway.invalid').pathname;
  } catch {
    /* keep the masked text */
  }
  span.setAttributes({ 'http.target': path, 'url.path': path, 'http.url': masked, 'url.full': masked, 'url.query': '' });
}

export function startTracing(opts: TracingOptions = {}): NodeSDK | undefined {
  const env = opts.environment ?? process.env;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!opts.exporter && !endpoint) return undefined;
  if (env.OTEL_SDK_DISABLED === 'true') return undefined;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation, ExpressLayerType } = require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || 'bank-api-gateway',
    // a given exporter exports each span as it ends; OTLP batches (the SDK's default processor)
    ...(opts.exporter ? { spanProcessors: [new SimpleSpanProcessor(opts.exporter)] } : { traceExporter: new OTLPTraceExporter() }),
    instrumentations: [
      new HttpInstrumentation({
        // probes and scrapes are not traffic; the gateway's own outgoing calls go through undici
        ignoreIncomingRequestHook: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]),
        requestHook: (span, req) => maskUrlAttributes(span, 'url' in req ? req.url : undefined),
        // never record query strings or headers: they can carry personal data
        headersToSpanAttributes: { client: { requestHeaders: [], responseHeaders: [] }, server: { requestHeaders: [], responseHeaders: [] } },
      }),
      // the policy chain is one composed layer with a span per policy (src/routing/api-router.ts)
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new UndiciInstrumentation({ requestHook: (span, request) => maskUrlAttributes(span, `${request.origin}${request.path}`) }),
    ],
  });
  sdk.start();
  markTracingEnabled();
  return sdk;
}
