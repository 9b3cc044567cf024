/**
 * The first import of src/main.ts (and so of src/sandbox/main.ts): starts tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) before
 * express, http and undici are loaded, so their instrumentations can patch them.
 */
import { startTracing } from './observability/tracing-sdk';

export const tracingSdk = startTracing();
