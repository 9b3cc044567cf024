import { parseOptions } from '../../src/bench/options';

describe('bench options', () => {
  it('when nothing is given, then the full bench: both scenarios, baseline and gateway, saturation and fixed rate', () => {
    expect(parseOptions([])).toMatchObject({ smoke: false, scenarios: ['transfer', 'account'], targets: ['baseline', 'gateway'], saturation: true, fixed: true, rounds: 3 });
  });

  it('when --stores is not given, then only the memory-store gateway runs; with memory,redis both run in the same run', () => {
    expect(parseOptions([]).stores).toEqual(['memory']);
    expect(parseOptions(['--stores=memory,redis']).stores).toEqual(['memory', 'redis']);
    expect(parseOptions(['--smoke', '--stores=redis']).stores).toEqual(['redis']);
    expect(parseOptions(['--stores=redis,memory,redis']).stores).toEqual(['redis', 'memory']);
  });

  it.each([['--stores='], ['--stores=postgres'], ['--stores=memory,dynamo']])('when %s is given, then it is refused naming the choices', (arg) => {
    expect(() => parseOptions([arg])).toThrow(/--stores takes memory and\/or redis/);
  });

  it('when A/B options are given, then the ref gets its own node flags and environment, and only the ref', () => {
    const o = parseOptions(['--ref=.', '--ref-node-options=--max-semi-space-size=8', '--ref-env=GATEWAY_IDEMPOTENCY_MAX_ENTRIES=1000', '--ref-env=LOG_LEVEL=warn']);
    expect(o.ref).toBe('.');
    expect(o.refNodeOptions).toBe('--max-semi-space-size=8');
    expect(o.refEnv).toEqual({ GATEWAY_IDEMPOTENCY_MAX_ENTRIES: '1000', LOG_LEVEL: 'warn' });
    expect(o.gatewayNodeOptions).toBeUndefined();
  });

  it('when a value has an equals sign, then only the first one splits name from value', () => {
    expect(parseOptions(['--ref-env=GATEWAY_RATE_LIMIT_TIERS=gold=5,bronze=1']).refEnv).toEqual({ GATEWAY_RATE_LIMIT_TIERS: 'gold=5,bronze=1' });
  });

  it('when --replicas is given with the redis store, then the Redis gateway runs as that many replicas; without Redis it is refused', () => {
    expect(parseOptions([]).replicas).toBe(1);
    expect(parseOptions(['--stores=memory,redis', '--replicas=2']).replicas).toBe(2);
    expect(() => parseOptions(['--replicas=2'])).toThrow(/redis/);
    expect(() => parseOptions(['--stores=redis', '--replicas=1.5'])).toThrow(/whole number/);
  });

  it.each([['--ref-env=NOVALUE'], ['--ref-env==x'], ['--rounds=0'], ['--duration=abc'], ['--nope'], ['stray']])('when %s is given, then it is refused', (arg) => {
    expect(() => parseOptions([arg])).toThrow();
  });
});
