import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { idempotency } from '../../../src/policies/idempotency/handler';
import { MemoryIdempotencyStore, type IdempotencyStore } from '../../../src/policies/idempotency/store';
import { GatewayError } from '../../../src/errors/gateway-error';
import { contextOf } from '../../../src/gateway/request-context';
import { RedisIdempotencyStore } from '../../../src/policies/idempotency/redis-store';
import { startRedis, type LocalRedis } from '../../helpers/redis-server';
import { redisConnection, type OpenedRedis } from '../../helpers/redis-connection';

/**
 * The idempotency policy on its own, with the memory store and with a store whose every answer
 * arrives later (as a networked store's would, the seam a shared store plugs into): one execution
 * per key, replays, 422 for another body, both keys counted, racing duplicates.
 */
class AsyncStore implements IdempotencyStore {
  constructor(private readonly inner: MemoryIdempotencyStore) {}
  claim = async (key: string, fp: string) => this.inner.claim(key, fp);
  complete = async (key: string, r: Parameters<MemoryIdempotencyStore['complete']>[1]) => this.inner.complete(key, r);
  release = async (key: string) => this.inner.release(key);
  waitFor = (key: string, ms: number) => this.inner.waitFor(key, ms);
}

function appWith(store: IdempotencyStore) {
  const executions: unknown[] = [];
  const route = {
    method: 'post',
    path: '/pay',
    operationId: 'pay',
    idempotency: { naturalKey: (req: express.Request) => (req.body as { ref?: string }).ref, keyName: 'ref' },
  };
  const policy = idempotency.create({
    api: { name: 'test-api' },
    settings: { waitForInFlightMs: 500 },
    state: store,
  } as never) as express.RequestHandler;
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    const ctx = contextOf(req);
    ctx.route = route as never;
    ctx.client = { clientId: 'app-1' } as never;
    next();
  });
  app.post('/pay', policy, (req, res) => {
    executions.push(req.body);
    res.status(201).json({ paid: (req.body as { amt: number }).amt, n: executions.length });
  });
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const e = err as GatewayError;
    res.status(e.status ?? 500).json({ code: e.errorCode });
  };
  app.use(onError);
  return { app, executions };
}

// the shared store runs the same tests against a real redis-server (one connection, flushed per test)
let redis: LocalRedis | undefined;
let shared: OpenedRedis | undefined;
beforeAll(async () => {
  redis = await startRedis();
  shared = redisConnection(redis.url, 'policy-test:');
  shared.conn.open({ store: 'idempotency', guardsMoney: true });
  expect(await shared.conn.ready()).toBe(true);
});
afterAll(async () => {
  await shared?.close();
  await redis?.stop();
});
beforeEach(async () => {
  await shared?.conn.run('test', 'flush', (r) => r.flushdb());
});

describe.each([
  ['a synchronous store (memory)', () => new MemoryIdempotencyStore(60_000)],
  ['an asynchronous store', () => new AsyncStore(new MemoryIdempotencyStore(60_000))],
  ['the redis store (real redis-server)', () => new RedisIdempotencyStore(shared!.deps, { ttlMs: 60_000, inFlightTtlMs: 60_000 })],
])('idempotency policy with %s', (_name, makeStore) => {
  it('runs a first execution once and replays its answer to a repeat', async () => {
    const { app, executions } = appWith(makeStore());
    const first = await request(app).post('/pay').send({ ref: 'R1', amt: 10 });
    const again = await request(app).post('/pay').send({ amt: 10, ref: 'R1' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ paid: 10, n: 1 });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ paid: 10, n: 1 });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(executions).toHaveLength(1);
  });

  it('refuses the same reference with another body (422) and does not execute it', async () => {
    const { app, executions } = appWith(makeStore());
    await request(app).post('/pay').send({ ref: 'R2', amt: 10 });
    const other = await request(app).post('/pay').send({ ref: 'R2', amt: 99 });
    expect(other.status).toBe(422);
    expect(executions).toHaveLength(1);
  });

  it('counts both keys: a new Idempotency-Key cannot slip a repeated reference through, nor a new reference a repeated key', async () => {
    const { app, executions } = appWith(makeStore());
    await request(app).post('/pay').set('Idempotency-Key', 'K1').send({ ref: 'R3', amt: 5 });
    const newHeader = await request(app).post('/pay').set('Idempotency-Key', 'K2').send({ ref: 'R3', amt: 5 });
    const newRef = await request(app).post('/pay').set('Idempotency-Key', 'K1').send({ ref: 'R4', amt: 5 });
    expect(newHeader.headers['idempotent-replayed']).toBe('true');
    expect(newRef.status).toBe(422);
    expect(executions).toHaveLength(1);
  });

  it('gives a racing duplicate the first answer, executing once', async () => {
    const { app, executions } = appWith(makeStore());
    const answers = await Promise.all([1, 2, 3].map(() => request(app).post('/pay').send({ ref: 'R5', amt: 7 })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(executions).toHaveLength(1);
  });

  it('executes distinct references separately', async () => {
    const { app, executions } = appWith(makeStore());
    await request(app).post('/pay').send({ ref: 'R6', amt: 1 });
    const second = await request(app).post('/pay').send({ ref: 'R7', amt: 1 });
    expect(second.body).toEqual({ paid: 1, n: 2 });
    expect(executions).toHaveLength(2);
  });
});
