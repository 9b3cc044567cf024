import type { NextFunction, Request, Response } from 'express';
import { MemoryStore, type Store } from 'express-rate-limit';
import { loadConfig } from '../../../src/gateway-config';
import { createRateLimiter, rateLimiting, type RateLimitState } from '../../../src/policies/rate-limiting/handler';
import type { GatewayDeps } from '../../../src/gateway/policy';
import v8 from 'node:v8';
import vm from 'node:vm';
import { GatewayError } from '../../../src/errors/gateway-error';
import { attachContext } from '../../../src/gateway/request-context';

const config = loadConfig({
  environment: { GATEWAY_ENV: 'test' },
  overrides: { policies: { rateLimit: { windowMs: 60_000, tiers: { gold: 5, bronze: 2 }, store: 'memory' } } },
});

/** Memory stores made by a test, shut down after it (their reset interval would outlive it). */
const stores: MemoryStore[] = [];
function memoryStore(): MemoryStore {
  const store = new MemoryStore();
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.shutdown();
});

interface Outcome {
  headers: Record<string, string>;
  error?: unknown;
  passed: boolean;
}

/** Runs the limiter once for a client, as the policy chain does (after client-id enforcement). */
async function hit(limiter: ReturnType<typeof createRateLimiter>, client?: { clientId: string; tier?: string }): Promise<Outcome> {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response;
  const req = {} as Request;
  attachContext(req, 'test').client = client as never;
  let passed = false;
  let error: unknown;
  const next: NextFunction = () => {
    passed = true;
  };
  try {
    await limiter(req, res, next);
  } catch (e) {
    error = e;
  }
  return { headers, error, passed };
}

describe('rate limiting by SLA tier', () => {
  it('when a client calls within its budget, then the draft-6 headers count down and the call goes on', async () => {
    const limiter = createRateLimiter(config.policies.rateLimit, memoryStore());
    const first = await hit(limiter, { clientId: 'a', tier: 'gold' });
    const second = await hit(limiter, { clientId: 'a', tier: 'gold' });
    expect(first.passed).toBe(true);
    expect(first.headers).toEqual({ 'RateLimit-Policy': '5;w=60', 'RateLimit-Limit': '5', 'RateLimit-Remaining': '4', 'RateLimit-Reset': expect.stringMatching(/^\d+$/) });
    expect(Number(first.headers['RateLimit-Reset'])).toBeGreaterThan(0);
    expect(Number(first.headers['RateLimit-Reset'])).toBeLessThanOrEqual(60);
    expect(second.headers['RateLimit-Remaining']).toBe('3');
  });

  it('when a client goes over its tier limit, then 429 RATE_LIMITED with Retry-After equal to RateLimit-Reset, and next is not called', async () => {
    const limiter = createRateLimiter(config.policies.rateLimit, memoryStore());
    const client = { clientId: 'b', tier: 'bronze' };
    expect((await hit(limiter, client)).passed).toBe(true);
    expect((await hit(limiter, client)).passed).toBe(true);
    const third = await hit(limiter, client);
    expect(third.passed).toBe(false);
    expect(third.error).toBeInstanceOf(GatewayError);
    const err = third.error as GatewayError;
    expect(err.status).toBe(429);
    expect(err.errorCode).toBe('GW-429-01');
    expect(err.headers['Retry-After']).toBe(third.headers['RateLimit-Reset']);
    expect(third.headers['RateLimit-Remaining']).toBe('0');
    expect(third.headers['RateLimit-Limit']).toBe('2');
  });

  it('when two clients call, then each has its own budget', async () => {
    const limiter = createRateLimiter(config.policies.rateLimit, memoryStore());
    await hit(limiter, { clientId: 'c1', tier: 'bronze' });
    await hit(limiter, { clientId: 'c1', tier: 'bronze' });
    const other = await hit(limiter, { clientId: 'c2', tier: 'bronze' });
    expect(other.passed).toBe(true);
    expect(other.headers['RateLimit-Remaining']).toBe('1');
  });

  it.each([
    ['an unknown tier', { clientId: 'd', tier: 'platinum' }],
    ['a tier named like an Object member', { clientId: 'e', tier: 'constructor' }],
    ['no tier', { clientId: 'f' }],
    ['no authenticated client', undefined],
  ])('when the caller has %s, then it gets the lowest tier limit', async (_name, client) => {
    const limiter = createRateLimiter(config.policies.rateLimit, memoryStore());
    const out = await hit(limiter, client);
    expect(out.passed).toBe(true);
    expect(out.headers['RateLimit-Limit']).toBe('2');
    expect(out.headers['RateLimit-Policy']).toBe('2;w=60');
  });

  it('when the store reports the window reset time, then RateLimit-Reset is the seconds left, rounded up', async () => {
    const resetTime = new Date(Date.now() + 30_500);
    const store: Store = { increment: async () => ({ totalHits: 1, resetTime }), decrement: async () => {}, resetKey: async () => {} };
    const out = await hit(createRateLimiter(config.policies.rateLimit, store), { clientId: 'g', tier: 'gold' });
    expect(['30', '31']).toContain(out.headers['RateLimit-Reset']);
  });

  it('when the store does not know the reset time, then RateLimit-Reset is the whole window', async () => {
    const store: Store = { increment: async () => ({ totalHits: 1, resetTime: undefined }), decrement: async () => {}, resetKey: async () => {} };
    const out = await hit(createRateLimiter(config.policies.rateLimit, store), { clientId: 'h', tier: 'gold' });
    expect(out.headers['RateLimit-Reset']).toBe('60');
  });

  it('when the store fails, then the request is refused with its error, never let through uncounted', async () => {
    const store: Store = {
      increment: async () => {
        throw new Error('store down');
      },
      decrement: async () => {},
      resetKey: async () => {},
    };
    const out = await hit(createRateLimiter(config.policies.rateLimit, store), { clientId: 'i', tier: 'gold' });
    expect(out.passed).toBe(false);
    expect((out.error as Error).message).toBe('store down');
  });

  describe('when a shared store fails', () => {
    const failing = () => {
      const calls = { n: 0 };
      const store: Store = {
        increment: async () => {
          calls.n++;
          throw new Error('connect ECONNREFUSED 10.1.2.3:6379');
        },
        decrement: async () => {},
        resetKey: async () => {},
      };
      return { store, calls };
    };

    it('with failOpen (a fallback), then the call goes on counted by this replica alone, with the same headers and 429 past the tier', async () => {
      const { store } = failing();
      let counted = 0;
      const limiter = createRateLimiter(config.policies.rateLimit, store, { fallback: new MemoryStore(), onFallback: () => counted++ });
      const client = { clientId: 'k', tier: 'bronze' };
      const first = await hit(limiter, client);
      expect(first.passed).toBe(true);
      expect(first.headers).toMatchObject({ 'RateLimit-Limit': '2', 'RateLimit-Remaining': '1' });
      expect((await hit(limiter, client)).passed).toBe(true);
      const third = await hit(limiter, client);
      expect(third.passed).toBe(false);
      expect((third.error as GatewayError).status).toBe(429);
      expect(counted).toBe(3);
    });

    it('with failOpen, then the shared store is left alone for a second after a failure instead of being waited on by every call', async () => {
      const { store, calls } = failing();
      const limiter = createRateLimiter(config.policies.rateLimit, store, { fallback: new MemoryStore() });
      for (let i = 0; i < 5; i++) await hit(limiter, { clientId: `m${i}`, tier: 'gold' });
      expect(calls.n).toBe(1);
    });

    it('without failOpen, then every call is refused with 503 in the envelope, naming the store and not the host', async () => {
      const { store } = failing();
      const out = await hit(createRateLimiter(config.policies.rateLimit, store, {}), { clientId: 'n', tier: 'gold' });
      expect(out.passed).toBe(false);
      const err = out.error as GatewayError;
      expect(err).toBeInstanceOf(GatewayError);
      expect(err.status).toBe(503);
      expect(err.errorCode).toBe('GW-503-01');
      expect(err.errorDesc).toMatch(/rate-limit store is unavailable: the request was not sent/);
      expect(err.errorDesc).not.toMatch(/10\.1\.2\.3/);
      expect(err.headers['Retry-After']).toBe('1');
    });
  });

  it('when the window has passed, then the budget is whole again (the store is initialised with the window)', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-21T10:00:00Z') });
    try {
      const store = new MemoryStore();
      const limiter = createRateLimiter(config.policies.rateLimit, store);
      const client = { clientId: 'j', tier: 'bronze' };
      await hit(limiter, client);
      await hit(limiter, client);
      expect((await hit(limiter, client)).passed).toBe(false);
      jest.advanceTimersByTime(60_001);
      const after = await hit(limiter, client);
      expect(after.passed).toBe(true);
      expect(after.headers['RateLimit-Remaining']).toBe('1');
      store.shutdown();
    } finally {
      jest.useRealTimers();
    }
  });

  it('when the gateway closes, then its memory store stops its reset timer and is released (nothing of a stopped gateway stays alive)', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const settings = config.policies.rateLimit;
    let state: RateLimitState | undefined = await rateLimiting.init!(settings, {} as GatewayDeps);
    expect(state.stores).toHaveLength(1);
    const store = new WeakRef(state.stores[0]);
    await rateLimiting.close!(state);
    state = undefined;
    await new Promise((resolve) => setImmediate(resolve)); // a WeakRef holds its target until the job ends
    gc();
    // before the policy had close(), the store's unref'd 60 s interval kept it (and in jest, its
    // whole test file) alive until the process ended
    expect(store.deref()).toBeUndefined();
  });
});
