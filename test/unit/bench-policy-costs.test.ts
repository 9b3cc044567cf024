import { measurePolicyCosts, variantsOf } from '../../src/bench/policy-costs';
import { runInProcess } from '../../src/bench/in-process';

// the in-process runs themselves are tested in bench-in-process.test.ts; here, the ablation around them
jest.mock('../../src/bench/in-process', () => ({ runInProcess: jest.fn() }));
const run = runInProcess as jest.MockedFunction<typeof runInProcess>;

describe('the per-policy cost bench (in-process ablation)', () => {
  it('when the chain has n policies, then there are n + 2 variants: all, each one removed, none', () => {
    expect(variantsOf(['a', 'b', 'c'])).toEqual([
      { variant: 'every policy', chain: ['a', 'b', 'c'] },
      { variant: 'without a', chain: ['b', 'c'] },
      { variant: 'without b', chain: ['a', 'c'] },
      { variant: 'without c', chain: ['a', 'b'] },
      { variant: 'no policy', chain: [] },
    ]);
  });

  it('when it runs, then each variant runs once per round in alternating order and a policy costs the difference of the fastest rounds', async () => {
    // a chain of n policies costs 100 + 10 per policy; noise only adds: much in round 0, some in round 1
    let call = 0;
    const order: string[][] = [];
    run.mockImplementation(async (o) => {
      order.push(o.chain!);
      const variants = variantsOf(order[0]).length;
      const roundNo = Math.floor(call++ / variants);
      const n = o.chain!.length;
      const noise = roundNo === 0 ? 7 * n * n : roundNo === 1 ? 1 + 3 * n : 0;
      return { ok: o.requests, cpuMicrosPerRequest: 100 + 10 * n + noise, wallMicrosPerRequest: 1 };
    });
    const costs = await measurePolicyCosts('transfer', 3, 10);
    const full = costs[0];
    expect(full.variant).toBe('every policy');
    expect(order.length).toBe(3 * costs.length);
    // round 2 runs the variants in reverse order
    expect(order[costs.length]).toEqual([]);
    const n = full.chain.length;
    expect(full.rounds).toEqual([100 + 10 * n + 7 * n * n, 101 + 13 * n, 100 + 10 * n]);
    for (const c of costs.slice(1, -1)) expect(c.savedMicros).toBe(10);
    expect(costs.at(-1)).toMatchObject({ variant: 'no policy', cpuMicrosPerRequest: 100, savedMicros: 10 * n });
  });
});

describe('the bench profile', () => {
  it('when a variant runs without client-id enforcement (every caller anonymous, at the lowest tier), then no rate limit can trip', async () => {
    const { loadConfig } = await import('../../src/gateway-config');
    const tiers = loadConfig({ env: 'bench', environment: {} }).policies.rateLimit.tiers as Record<string, number>;
    // an ablation round sends ~30,000 requests a minute per variant
    expect(Math.min(...Object.values(tiers))).toBeGreaterThanOrEqual(1_000_000);
  });
});
