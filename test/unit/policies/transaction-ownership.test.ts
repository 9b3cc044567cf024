import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { transactionOwnership } from '../../../src/policies/transaction-ownership/handler';
import { MemoryOwnershipStore, type OwnershipStore } from '../../../src/policies/transaction-ownership/store';
import { contextOf } from '../../../src/gateway/request-context';
import type { GatewayError } from '../../../src/errors/gateway-error';

/** The ownership policy alone: two clients, an original that creates a reference and a reversal that refers to it. */
function appWith(store: OwnershipStore) {
  const executions: string[] = [];
  const ref = { scope: 'txs', keyName: 'IdTx', reference: (req: express.Request) => (req.body as { id?: string }).id };
  const routes = {
    '/pay': { operationId: 'pay', method: 'post', path: '/pay', idempotency: { naturalKey: ref.reference, scope: 'txs', keyName: 'IdTx' } },
    '/reverse': { operationId: 'reverse', method: 'post', path: '/reverse', ownership: { refersTo: ref } },
  };
  const policy = transactionOwnership.create({
    api: { name: 'test-api', routes: Object.values(routes) },
    settings: { ttlSeconds: 60 },
    state: store,
  } as never) as express.RequestHandler;
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    const ctx = contextOf(req);
    ctx.route = routes[req.path as keyof typeof routes] as never;
    ctx.client = { clientId: req.get('x-client') } as never;
    next();
  });
  app.post(['/pay', '/reverse'], policy, (req, res) => {
    executions.push(`${req.get('x-client')} ${req.path} ${(req.body as { id: string }).id}`);
    res.json({ ok: true });
  });
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const e = err as GatewayError;
    res.status(e.status ?? 500).json({ code: e.errorCode, desc: e.errorDesc });
  };
  app.use(onError);
  const as = (client: string) => ({
    pay: (id: string) => request(app).post('/pay').set('x-client', client).send({ id }),
    reverse: (id: string) => request(app).post('/reverse').set('x-client', client).send({ id }),
  });
  return { app, executions, a: as('app-a'), b: as('app-b') };
}

class SlowStore implements OwnershipStore {
  constructor(private readonly inner: OwnershipStore) {}
  claim: OwnershipStore['claim'] = async (...args) => {
    await new Promise((r) => setTimeout(r, 5));
    return this.inner.claim(...args);
  };
}

describe.each([
  ['the memory store', () => new MemoryOwnershipStore()],
  ['an asynchronous store', () => new SlowStore(new MemoryOwnershipStore())],
])('transaction ownership with %s', (_name, makeStore) => {
  it('when client B reuses client A reference, then 422 without executing, and A keeps using it', async () => {
    const { a, b, executions } = appWith(makeStore());
    expect((await a.pay('T1')).status).toBe(200);
    const res = await b.pay('T1');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('GW-422-01');
    expect(res.body.desc).toBe('This IdTx (T1) was already used for another transaction; use a new one for a new transaction');
    expect((await a.pay('T1')).status).toBe(200);
    expect(executions).toEqual(['app-a /pay T1', 'app-a /pay T1']);
  });

  it('when client B reverses client A transaction, then 404 and nothing runs; A reverses it', async () => {
    const { a, b, executions } = appWith(makeStore());
    await a.pay('T2');
    const res = await b.reverse('T2');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('GW-404-02');
    expect((await a.reverse('T2')).status).toBe(200);
    expect(executions).toEqual(['app-a /pay T2', 'app-a /reverse T2']);
  });

  it('when an unknown reference is reversed, then 404 worded as for another client, and a late original with it is refused as voided', async () => {
    const { a, b, executions } = appWith(makeStore());
    await a.pay('T3');
    const theirs = await b.reverse('T3');
    const unknown = await b.reverse('T4');
    expect(unknown.status).toBe(404);
    expect(unknown.body.desc.replaceAll('T4', 'X')).toBe(theirs.body.desc.replaceAll('T3', 'X'));
    const late = await b.pay('T4');
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('GW-422-02');
    // another client is refused as for any reference already used
    expect((await a.pay('T4')).body.code).toBe('GW-422-01');
    expect((await b.reverse('T4')).status).toBe(404);
    expect(executions).toEqual(['app-a /pay T3']);
  });

  it('when two clients race for one reference, then exactly one owns it', async () => {
    const { a, b } = appWith(makeStore());
    const [x, y] = await Promise.all([a.pay('T5'), b.pay('T5')]);
    expect([x.status, y.status].sort()).toEqual([200, 422]);
  });
});

describe('MemoryOwnershipStore', () => {
  it('when a record outlives its TTL, then it is forgotten; until then it is never overwritten', async () => {
    // a clock that starts above 0: lru-cache reads a start time of 0 as "no start"
    let now = 5;
    const store = new MemoryOwnershipStore(10, { now: () => now });
    expect(await store.claim('s', 'r', { clientId: 'a' }, 1000)).toEqual({ clientId: 'a' });
    now = 1004;
    expect(await store.claim('s', 'r', { clientId: 'b' }, 1000)).toEqual({ clientId: 'a' });
    expect(await store.claim('t', 'r', { clientId: 'b', voided: true }, 1000)).toEqual({ clientId: 'b', voided: true });
    now = 1006;
    expect(await store.claim('s', 'r', { clientId: 'b' }, 1000)).toEqual({ clientId: 'b' });
  });

  it('when it is full, then the oldest records go first', async () => {
    const store = new MemoryOwnershipStore(2);
    await store.claim('s', '1', { clientId: 'a' }, 60_000);
    await store.claim('s', '2', { clientId: 'a' }, 60_000);
    await store.claim('s', '3', { clientId: 'a' }, 60_000);
    expect(store.size).toBe(2);
    expect(await store.claim('s', '1', { clientId: 'b' }, 60_000)).toEqual({ clientId: 'b' });
  });

  it('when its records reach the byte budget, then the oldest go first, so its memory stays bounded whatever the references', async () => {
    // a record counts its key and owner in the ring (+14), and its key again in the heap's index (+48)
    const store = new MemoryOwnershipStore(1_000_000, performance, 1_000);
    const ref = (i: number) => `${String(i).padStart(4, '0')}${'x'.repeat(36)}`;
    for (let i = 0; i < 20; i++) await store.claim('s', ref(i), { clientId: 'a' }, 60_000);
    expect(store.bytes).toBeLessThanOrEqual(1_000);
    expect(store.size).toBeGreaterThan(3);
    expect(store.size).toBeLessThan(20);
    // the newest is still bound to its client; the oldest was dropped (and then fails closed in the policy)
    expect(await store.claim('s', ref(19), { clientId: 'b' }, 60_000)).toEqual({ clientId: 'a' });
    expect(await store.claim('s', ref(0), { clientId: 'b' }, 60_000)).toEqual({ clientId: 'b' });
  });
});
