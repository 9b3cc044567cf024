import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * OpenTelemetry tracing, in a gateway process of its own (test/fixtures/tracing/traced-gateway.ts):
 * one Facilito deposit is one trace holding the request, each policy of the chain, the operation
 * and the core call; the core call carries a W3C traceparent of that trace; every log line of the
 * request carries the trace id; OTLP export goes where OTEL_EXPORTER_OTLP_ENDPOINT says; and with
 * no OTEL variable the SDK is not even loaded.
 */
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'test', 'fixtures', 'tracing', 'traced-gateway.ts');
const run = promisify(execFile);

interface SpanOut {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  kind: number;
  attributes: Record<string, unknown>;
}
interface Out {
  status: number;
  spans: SpanOut[];
  coreHeaders: Array<Record<string, string>>;
  logLines: Array<Record<string, unknown>>;
  sdkLoaded: boolean;
}

async function traced(mode: 'memory' | 'otlp' | 'off', env: NodeJS.ProcessEnv = {}): Promise<Out> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')));
  const { stdout } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', script, mode], {
    cwd: root,
    env: { ...clean, ...env },
    maxBuffer: 32 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Out;
}

// each case starts a gateway process of its own (ts-node transpiles the tree): ~10 s of CPU
jest.setTimeout(120_000);

const POLICIES = ['client-id-enforcement', 'jwt-validation', 'rate-limiting', 'json-threat-protection', 'x-invoker-headers', 'contract-validation', 'idempotency'];

describe('tracing', () => {
  it('when tracing is on, then one deposit is one trace: the request, every policy, the operation and the core call', async () => {
    const out = await traced('memory');
    expect(out.status).toBe(200);
    // on failure, the message lists the spans that were there
    expect(out.spans.map((s) => s.name)).toContain('POST /facilito/v1/deposits');
    const server = out.spans.find((s) => s.name === 'POST /facilito/v1/deposits');
    expect(server).toBeDefined();
    const trace = out.spans.filter((s) => s.traceId === server!.traceId);
    const names = trace.map((s) => s.name);
    for (const p of POLICIES) expect(names).toContain(`policy ${p}`);
    expect(names).toEqual(expect.arrayContaining(['body parse', 'operation createDeposit', 'core bankmaster cash-deposit']));
    // the policies are siblings under the request, the core call under the operation, the HTTP call under the core call
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    for (const p of POLICIES) expect(trace.find((s) => s.name === `policy ${p}`)!.parentSpanId).toBe(server!.spanId);
    const core = trace.find((s) => s.name === 'core bankmaster cash-deposit')!;
    expect(byId.get(core.parentSpanId!)!.name).toBe('operation createDeposit');
    const httpClient = trace.find((s) => s.parentSpanId === core.spanId);
    expect(httpClient).toBeDefined();
    // no personal data in span attributes: the account number travels masked, the query never
    expect(JSON.stringify(trace)).not.toContain('40010000001');
    // the core call carried this trace's context
    const posting = out.coreHeaders.find((h) => h.traceparent);
    expect(posting?.traceparent).toMatch(new RegExp(`^00-${server!.traceId}-${httpClient!.spanId}-0[01]$`));
    // the request's log line carries the trace id
    const line = out.logLines.find((l) => l.message === 'request' && l.operation === 'createDeposit');
    expect(line?.traceId).toBe(server!.traceId);
  });

  it('when OTEL_EXPORTER_OTLP_ENDPOINT is set, then the spans are exported there over OTLP/HTTP', async () => {
    const received: string[] = [];
    const collector = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        received.push(`${req.url} ${(req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8')}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const port = (collector.address() as AddressInfo).port;
      const out = await traced('otlp', { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
      expect(out.status).toBe(200);
      const traces = received.filter((r) => r.startsWith('/v1/traces '));
      expect(traces.length).toBeGreaterThan(0);
      expect(traces.join('\n')).toContain('policy idempotency');
      expect(traces.join('\n')).toContain('bank-api-gateway');
    } finally {
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    }
  });

  it('when no OTEL variable is set, then the SDK is not loaded and log lines carry no trace id', async () => {
    const out = await traced('off');
    expect(out.status).toBe(200);
    expect(out.sdkLoaded).toBe(false);
    expect(out.logLines.length).toBeGreaterThan(0);
    expect(out.logLines.every((l) => l.traceId === undefined)).toBe(true);
  });
});
