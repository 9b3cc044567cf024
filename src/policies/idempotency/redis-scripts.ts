/**
 * The idempotency record in Redis: one hash per key, every change one Lua script (one round trip,
 * atomic on the server). Fields: st (i in flight, d done), fp (the request's fingerprint), own (the
 * claim's owner token), lease (until when, in Redis's own clock, the claim belongs to its owner),
 * rs/rb/rh (the answer's status, JSON text and replayed headers). The time is Redis's (TIME), so
 * replicas with drifting clocks agree on when a claim is abandoned.
 */

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS[1] the record; ARGV fingerprint, owner token, in-flight lease ms, record TTL ms.
 * Returns {claimed} | {recovered} | {done, fp, status, body, headers} | {in-flight, fp}.
 * A claim whose lease ran out (its replica died in flight) is taken over by a request with the same
 * fingerprint only; the record (and so its fingerprint) lives on for the record TTL.
 */
export const CLAIM = `${NOW}
local r = redis.call('HMGET', KEYS[1], 'st', 'fp', 'lease', 'rs', 'rb', 'rh')
if not r[1] then
  redis.call('HSET', KEYS[1], 'st', 'i', 'fp', ARGV[1], 'own', ARGV[2], 'lease', now + tonumber(ARGV[3]))
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  return {'claimed'}
end
if r[1] == 'd' then return {'done', r[2], r[4], r[5], r[6]} end
if tonumber(r[3]) > now or r[2] ~= ARGV[1] then return {'in-flight', r[2]} end
redis.call('HSET', KEYS[1], 'own', ARGV[2], 'lease', now + tonumber(ARGV[3]))
redis.call('HINCRBY', KEYS[1], 'takeovers', 1)
return {'recovered'}`;

/** KEYS[1]; ARGV status, body, headers JSON, record TTL ms. Only a claim in flight becomes done: the first final answer stays. */
export const COMPLETE = `if redis.call('HGET', KEYS[1], 'st') ~= 'i' then return 0 end
redis.call('HSET', KEYS[1], 'st', 'd', 'rs', ARGV[1], 'rb', ARGV[2], 'rh', ARGV[3])
redis.call('HDEL', KEYS[1], 'own', 'lease')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

/** KEYS[1]; ARGV owner token. Forgets a claim in flight, only its owner's: never a done record or another replica's claim. */
export const RELEASE = `local r = redis.call('HMGET', KEYS[1], 'st', 'own')
if r[1] == 'i' and r[2] == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** KEYS[1]. Returns {absent} | {done, fp, status, body, headers} | {in-flight, fp} | {abandoned, fp}. */
export const PEEK = `local r = redis.call('HMGET', KEYS[1], 'st', 'fp', 'lease', 'rs', 'rb', 'rh')
if not r[1] then return {'absent'} end
if r[1] == 'd' then return {'done', r[2], r[4], r[5], r[6]} end
${NOW}
if tonumber(r[3]) > now then return {'in-flight', r[2]} end
return {'abandoned', r[2]}`;

export type Reply = [string, ...(string | null)[]];

/** The scripts as commands of the connection (ioredis defineCommand: EVALSHA, EVAL when Redis lost its script cache). */
export interface IdempotencyCommands {
  gwIdemClaim(key: string, fp: string, token: string, leaseMs: number, ttlMs: number): Promise<Reply>;
  gwIdemComplete(key: string, status: number, body: string, headers: string, ttlMs: number): Promise<number>;
  gwIdemRelease(key: string, token: string): Promise<number>;
  gwIdemPeek(key: string): Promise<Reply>;
}

export const COMMANDS: Record<keyof IdempotencyCommands, string> = {
  gwIdemClaim: CLAIM,
  gwIdemComplete: COMPLETE,
  gwIdemRelease: RELEASE,
  gwIdemPeek: PEEK,
};
