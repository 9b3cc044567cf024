import { CoreClient, type CoreClientOptions } from '../../src/adapters/core/core-client';
import { CoreBusinessError, CoreOutcomeUnknownError } from '../../src/adapters/core-errors';
import { GatewayError } from '../../src/errors/gateway-error';
import { createLogger } from '../../src/observability/logger';
import { GatewayMetrics } from '../../src/observability/metrics';
import { json, startStubCore, until } from '../helpers/stub-core';

type Stub = Awaited<ReturnType<typeof startStubCore>>;
// the no-retry rule travels with the call: a read from a route that moves nothing, a write from a money-moving route
const readCtx = () => ({ correlationId: 'test', moneyMoving: false, upstream: [] as unknown[] }) as never;
const moneyCtx = () => ({ correlationId: 'test', moneyMoving: true, upstream: [] as unknown[] }) as never;
const read = { operation: 'read', method: 'GET' as const, path: '/thing' };
const write = { operation: 'write', method: 'POST' as const, path: '/thing', body: { a: 1 } };

function client(url: string, over: Partial<CoreClientOptions> = {}, metrics = new GatewayMetrics()) {
  return new CoreClient(
    {
      name: 'bankmaster',
      displayName: 'BANKMASTER',
      baseUrl: url,
      timeoutMs: 300,
      maxSockets: 10,
      breaker: { errorThresholdPercentage: 50, volumeThreshold: 4, resetTimeoutMs: 300, rollingCountTimeoutMs: 10_000 },
      forwardFaults: false,
      ...over,
    },
    createLogger({ level: 'silent' }),
    metrics,
  );
}

describe('CoreClient (transport, breaker, error classification)', () => {
  let stub: Stub;
  beforeEach(async () => {
    stub = await startStubCore();
  });
  afterEach(() => stub.close());

  it('when the core answers a JSON object, then it is returned and the correlation id is forwarded', async () => {
    let seen: string | undefined;
    stub.behave((q, r) => {
      seen = q.headers['x-correlation-id'] as string;
      json(200, { ok: true })(q, r);
    });
    const c = client(stub.url);
    await expect(c.call(read, { correlationId: 'abc-123', moneyMoving: false })).resolves.toEqual({ ok: true });
    expect(seen).toBe('abc-123');
    await c.shutdown();
  });

  it('when calls succeed, then the breaker counts them without keeping their latencies (the histogram measures those)', async () => {
    stub.behave(json(200, { ok: true }));
    const metrics = new GatewayMetrics();
    const c = client(stub.url, {}, metrics);
    for (let i = 0; i < 5; i++) await c.call(read, readCtx());
    expect(c.stats).toMatchObject({ fires: 5, successes: 5, latencyTimes: [] });
    expect(await metrics.registry.getSingleMetricAsString('gateway_backend_duration_seconds')).toMatch(/_count\{backend="bankmaster"\} 5/);
    await c.shutdown();
  });

  it('when the core answers a business error, then CoreBusinessError and the breaker does not count it', async () => {
    stub.behave(json(400, { errorCode: 'W2', errorType: 'TRX', errorDesc: 'FONDOS INSUFICIENTES PARA RETIRO' }));
    const c = client(stub.url);
    for (let i = 0; i < 8; i++) await expect(c.call(write, moneyCtx())).rejects.toBeInstanceOf(CoreBusinessError);
    expect(c.state).toBe('closed');
    await c.shutdown();
  });

  it('when the core answers its error shape with a 5xx, then the call is counted as a failure, not a business answer', async () => {
    const metrics = new GatewayMetrics();
    const c = client(stub.url, {}, metrics);
    stub.behave(json(500, { errorCode: 'SQLCODE', errorType: 'ORA', errorDesc: 'ERROR INTERNO' }));
    await expect(c.call(read, readCtx())).rejects.toBeInstanceOf(CoreBusinessError);
    stub.behave(json(400, { errorCode: 'W2', errorType: 'TRX', errorDesc: 'FONDOS INSUFICIENTES PARA RETIRO' }));
    await expect(c.call(read, readCtx())).rejects.toBeInstanceOf(CoreBusinessError);
    const text = await metrics.registry.getSingleMetricAsString('gateway_backend_calls_total');
    expect(text).toMatch(/backend="bankmaster",outcome="failure"} 1/);
    expect(text).toMatch(/backend="bankmaster",outcome="business_error"} 1/);
    await c.shutdown();
  });

  it('when a read times out, then 504 and the HTTP call itself is aborted', async () => {
    stub.behave(() => undefined); // never answers
    const c = client(stub.url);
    const err = await c.call(read, readCtx()).catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.status).toBe(504);
    expect(err.errorType).toBe('BANKMASTER');
    await until(() => stub.open === 0, 'the aborted request to be closed on the core side');
    await c.shutdown();
  });

  it('when a money-moving call times out, then the outcome is unknown (never a plain failure) and it is not retried', async () => {
    stub.behave(() => undefined);
    const c = client(stub.url);
    const err = await c.call(write, moneyCtx()).catch((e) => e);
    expect(err).toBeInstanceOf(CoreOutcomeUnknownError);
    expect(err.status).toBe(504);
    expect(err.errorCode).toBe('GW-504-02');
    expect(stub.hits).toBe(1);
    await c.shutdown();
  });

  it.each([
    ['non-JSON', (_q: unknown, r: import('http').ServerResponse) => r.end('<<not json>>')],
    ['an HTML error page', (_q: unknown, r: import('http').ServerResponse) => {
      r.writeHead(502, { 'content-type': 'text/html' });
      r.end('<html>core-node-17.bank.internal</html>');
    }],
    ['a JSON array', json(200, [1, 2])],
    ['an error of the wrong shape', json(500, { message: 'boom' })],
  ])('when the core answers %s, then a clean 502 that names the back end and no host', async (_n, b) => {
    stub.behave(b as never);
    const c = client(stub.url);
    const err = await c.call(read, readCtx()).catch((e) => e);
    expect(err.status).toBe(502);
    expect(JSON.stringify(err.envelope())).not.toMatch(/127\.0\.0\.1|bank\.internal|boom/);
    expect(err.envelope().responseDetail.errorType).toBe('BANKMASTER');
    await c.shutdown();
  });

  it('when the connection is reset mid-body on a read, then it is retried once and then 502', async () => {
    stub.behave((_q, r) => {
      r.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      r.write('{"half":');
      r.socket?.destroy();
    });
    const c = client(stub.url);
    const err = await c.call(read, readCtx()).catch((e) => e);
    expect(err.status).toBe(502);
    expect(stub.hits).toBe(2);
    await c.shutdown();
  });

  it('when the connection is reset on a money-moving call, then it is not retried and the outcome is unknown', async () => {
    stub.behave((q) => q.socket.destroy());
    const c = client(stub.url);
    const err = await c.call(write, moneyCtx()).catch((e) => e);
    expect(err).toBeInstanceOf(CoreOutcomeUnknownError);
    expect(stub.hits).toBe(1);
    await c.shutdown();
  });

  it('when nothing listens, then 503 naming the back end', async () => {
    const url = stub.url;
    await stub.close();
    const c = client(url);
    const err = await c.call(read, readCtx()).catch((e) => e);
    expect(err.status).toBe(503);
    expect(err.errorType).toBe('BANKMASTER');
    stub = await startStubCore(); // for afterEach
    await c.shutdown();
  });

  it('when the client has been shut down with the gateway, then a money-moving call is 503 and never reaches the core (not an unknown outcome)', async () => {
    let hits = 0;
    stub.behave((q, r) => {
      hits += 1;
      json(200, { ok: true })(q, r);
    });
    const c = client(stub.url);
    await c.shutdown();
    const err = await c.call(write, moneyCtx()).catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).not.toBeInstanceOf(CoreOutcomeUnknownError);
    expect(err).toMatchObject({ status: 503, errorType: 'BANKMASTER' });
    expect(hits).toBe(0);
  });

  it('when failures reach the volume threshold, then the breaker opens, fails fast without calling, half-opens and closes', async () => {
    const metrics = new GatewayMetrics();
    const c = client(stub.url, {}, metrics);
    stub.behave(json(500, { message: 'down' }));
    // a single failure does not open it
    await c.call(read, readCtx()).catch(() => undefined);
    expect(c.state).toBe('closed');
    for (let i = 0; i < 3; i++) await c.call(read, readCtx()).catch(() => undefined);
    expect(c.state).toBe('open');
    expect((await metrics.registry.getSingleMetricAsString('gateway_breaker_state'))).toMatch(/backend="bankmaster"} 2/);

    const hitsWhenOpened = stub.hits;
    const rejected = await c.call(read, readCtx()).catch((e) => e);
    expect(rejected.status).toBe(503);
    expect(rejected.errorType).toBe('BANKMASTER');
    expect(rejected.errorDesc).toMatch(/temporarily unavailable/);
    expect(stub.hits).toBe(hitsWhenOpened); // measured: no upstream call while open

    stub.behave(json(200, { ok: true }));
    await until(() => c.state === 'halfOpen', 'the breaker to half-open');
    await expect(c.call(read, readCtx())).resolves.toEqual({ ok: true });
    expect(c.state).toBe('closed');
    expect((await metrics.registry.getSingleMetricAsString('gateway_breaker_state'))).toMatch(/backend="bankmaster"} 0/);
    await c.shutdown();
  });

  it('when the half-open probe fails, then the breaker opens again', async () => {
    const c = client(stub.url);
    stub.behave(json(500, { message: 'down' }));
    for (let i = 0; i < 4; i++) await c.call(read, readCtx()).catch(() => undefined);
    expect(c.state).toBe('open');
    await until(() => c.state === 'halfOpen', 'the breaker to half-open');
    await c.call(read, readCtx()).catch(() => undefined);
    expect(c.state).toBe('open');
    await c.shutdown();
  });

  it('when a call completes, then the upstream entry for the log line is recorded', async () => {
    stub.behave(json(200, { ok: true }));
    const c = client(stub.url);
    const upstream: Array<{ system: string; status: unknown }> = [];
    await c.call(read, { correlationId: 'x', moneyMoving: false, upstream: upstream as never });
    expect(upstream).toEqual([expect.objectContaining({ system: 'bankmaster', operation: 'read', status: 200 })]);
    await c.shutdown();
  });
});
