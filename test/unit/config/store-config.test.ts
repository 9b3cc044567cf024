import { ConfigError, loadConfig } from '../../../src/gateway-config';

describe('shared store settings', () => {
  it('when nothing is set, then both stores are memory and no Redis URL is needed (npm start needs nothing)', () => {
    const c = loadConfig({ environment: {} });
    expect(c.policies.idempotency.store).toBe('memory');
    expect(c.policies.rateLimit.store).toBe('memory');
    expect(c.redis.url).toBe('');
  });

  it('when the stores are set to redis by env vars, then the URL, prefix, timeouts and failOpen are read', () => {
    const c = loadConfig({
      environment: {
        GATEWAY_IDEMPOTENCY_STORE: 'redis',
        GATEWAY_RATE_LIMIT_STORE: 'redis',
        GATEWAY_OWNERSHIP_STORE: 'redis',
        GATEWAY_REDIS_URL: 'rediss://gateway:s3cret@redis.internal:6380/2',
        GATEWAY_REDIS_PREFIX: 'qa-gw:',
        GATEWAY_REDIS_COMMAND_TIMEOUT_MS: '250',
        GATEWAY_REDIS_CONNECT_TIMEOUT_MS: '1500',
        GATEWAY_RATE_LIMIT_FAIL_OPEN: 'false',
        GATEWAY_IDEMPOTENCY_IN_FLIGHT_TTL_MS: '30000',
      },
    });
    expect(c.redis).toEqual({ url: 'rediss://gateway:s3cret@redis.internal:6380/2', prefix: 'qa-gw:', connectTimeoutMs: 1500, commandTimeoutMs: 250 });
    expect(c.policies.rateLimit.failOpen).toBe(false);
    expect(c.policies.idempotency.inFlightTtlMs).toBe(30000);
  });

  it('when a store is redis without a URL, then loading fails naming redis.url and its env var', () => {
    expect(() => loadConfig({ environment: { GATEWAY_IDEMPOTENCY_STORE: 'redis' } })).toThrow(/redis\.url \(GATEWAY_REDIS_URL\) is required/);
    expect(() => loadConfig({ environment: { GATEWAY_RATE_LIMIT_STORE: 'redis' } })).toThrow(ConfigError);
    expect(() => loadConfig({ environment: { GATEWAY_OWNERSHIP_STORE: 'redis' } })).toThrow(/redis\.url/);
  });

  it('when idempotency records are shared on Redis but ownership records are not, then loading fails: replicas would disagree whose a reference is', () => {
    const environment = { GATEWAY_IDEMPOTENCY_STORE: 'redis', GATEWAY_REDIS_URL: 'redis://redis:6379' };
    expect(() => loadConfig({ environment })).toThrow(/policies\.ownership\.store \(GATEWAY_OWNERSHIP_STORE\) must be redis/);
    expect(loadConfig({ environment: { ...environment, GATEWAY_OWNERSHIP_STORE: 'redis' } }).policies.ownership.store).toBe('redis');
  });

  it('when the Redis URL is not redis:// or rediss://, then loading fails naming the key', () => {
    expect(() => loadConfig({ environment: { GATEWAY_REDIS_URL: 'http://redis:6379' } })).toThrow(/redis\.url/);
    expect(() => loadConfig({ environment: { GATEWAY_IDEMPOTENCY_STORE: 'dynamo' } })).toThrow(/idempotency\.store/);
  });

  it('when the in-flight lease is not longer than a back end timeout, then loading fails: a live call would look abandoned', () => {
    expect(() => loadConfig({ environment: { GATEWAY_IDEMPOTENCY_IN_FLIGHT_TTL_MS: '8000' } })).toThrow(/inFlightTtlMs \(8000\) must be longer than the longest back end timeout \(8000 ms\)/);
    expect(() =>
      loadConfig({ environment: { GATEWAY_IDEMPOTENCY_IN_FLIGHT_TTL_MS: '20000', GATEWAY_BACKEND_INVESTMENT_FUNDS_TIMEOUT_MS: '25000' } }),
    ).toThrow(/25000 ms/);
    expect(loadConfig({ environment: { GATEWAY_IDEMPOTENCY_IN_FLIGHT_TTL_MS: '8001' } }).policies.idempotency.inFlightTtlMs).toBe(8001);
  });
});
