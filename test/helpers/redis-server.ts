/**
 * A real redis-server for the fleet tests (never a mock): Debian's /usr/bin/redis-server on a free
 * loopback port, without persistence, stopped after the suite. Missing redis-server fails the
 * suite loudly (.ci/run installs it).
 */
export { startLocalRedis as startRedis, type LocalRedis } from '../../src/bench/local-redis';
