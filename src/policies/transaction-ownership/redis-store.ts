import type Redis from 'ioredis';
import type { GatewayDeps } from '../../gateway/policy';
import { GatewayError } from '../../errors/gateway-error';
import type { OwnerRecord, OwnershipStore } from './store';

const STORE = 'ownership';

/**
 * KEYS[1] the reference; ARGV the record, its TTL in ms. Set if absent, else the record already
 * there: one atomic round trip on any Redis version (SET NX GET needs Redis 7).
 */
const CLAIM = `local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;

interface OwnershipCommands {
  gwOwnClaim(key: string, record: string, ttlMs: number): Promise<string>;
}

const encode = (o: OwnerRecord) => `${o.voided ? 'v' : 'o'}${o.clientId}`;
const decode = (s: string): OwnerRecord => (s[0] === 'v' ? { clientId: s.slice(1), voided: true } : { clientId: s.slice(1) });

/**
 * Transaction ownership records in Redis, shared by every replica and kept across restarts: a
 * reference used through one replica is the same client's on all of them, and a reversal after a
 * restart finds its transaction. The claim is one Lua script (set if absent, else the owner).
 *
 * It guards money: when Redis fails or is slow, the request is refused with 503 before anything
 * reaches a core (never forwarded without knowing whose the reference is).
 */
export class RedisOwnershipStore implements OwnershipStore {
  private readonly redis: GatewayDeps['redis'];

  constructor(deps: Pick<GatewayDeps, 'redis'>) {
    this.redis = deps.redis;
    deps.redis.open({ store: STORE, guardsMoney: true }).defineCommand('gwOwnClaim', { numberOfKeys: 1, lua: CLAIM });
  }

  async claim(scope: string, ref: string, owner: OwnerRecord, ttlMs: number): Promise<OwnerRecord> {
    const key = this.redis.key('own', `${scope}|${ref}`);
    try {
      const held = await this.redis.run(STORE, 'claim', (r: Redis) => (r as unknown as OwnershipCommands).gwOwnClaim(key, encode(owner), ttlMs));
      return decode(held);
    } catch (e) {
      throw GatewayError.of('BACKEND_UNAVAILABLE', 'The transaction ownership store is unavailable: the request was not sent to the core; retry later', {
        headers: { 'Retry-After': '1' },
        detail: { store: STORE, cause: e instanceof Error ? e.message : String(e) },
      });
    }
  }
}
