import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server';
import { API_NAMES } from '../../src/gateway/api-names';
import { startGateway, type TestGateway } from './gateway';
import { startRedis, type LocalRedis } from './redis-server';
import { SecretHasher } from '../../src/auth/secret-hash';
import { SANDBOX_PEPPER } from '../../src/config/schema';

let keyFile: string | undefined;

/**
 * One RSA signing key for every replica of a test fleet (a file, as JWT_SIGNING_KEY_FILE is in a
 * real one): a token issued by one replica is accepted by the others.
 */
export function sharedSigningKeyFile(): string {
  if (keyFile) return keyFile;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-fleet-'));
  keyFile = path.join(dir, 'jwt-signing-key.pem');
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  return keyFile;
}

/** A second client of the fleet's shared registry file, of the bronze tier (the demo client is gold). */
export const BRONZE_CLIENT = { id: 'fleet-bronze-app', secret: 'fleet-bronze-secret-for-tests-only' };
let clientsFile: string | undefined;

/** One client registry file for every replica (GATEWAY_CLIENTS_FILE in a real fleet). */
export function sharedClientsFile(): string {
  if (clientsFile) return clientsFile;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-fleet-clients-'));
  clientsFile = path.join(dir, 'clients.json');
  const client = { clientId: BRONZE_CLIENT.id, name: 'Fleet test bronze client', secretHash: hashSecretSync(BRONZE_CLIENT.secret), status: 'active', apis: [...API_NAMES], tier: 'bronze' };
  fs.writeFileSync(clientsFile, JSON.stringify({ clients: [client] }));
  return clientsFile;
}

/** The settings every replica of a test fleet shares: Redis stores, one signing key, one client registry, one prefix. */
export function fleetSettings(redisUrl: string, prefix: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  const { policies = {}, ...rest } = more as { policies?: Record<string, Record<string, unknown>>; auth?: object; redis?: object };
  return {
    ...rest,
    auth: { signingKeyFile: sharedSigningKeyFile(), ...rest.auth },
    clients: { file: sharedClientsFile() },
    // a generous command timeout: these tests share a busy machine's event loop, and a slow
    // Redis has its own test (redis-idempotency-store.test.ts, CLIENT PAUSE)
    redis: { url: redisUrl, prefix, commandTimeoutMs: 5000, ...rest.redis },
    policies: {
      ...policies,
      idempotency: { store: 'redis', ...policies.idempotency },
      rateLimit: { store: 'redis', ...policies.rateLimit },
      ownership: { store: 'redis', ...policies.ownership },
    },
  };
}

/** A replica listening on its own loopback port, as it would behind a load balancer. */
export interface Replica extends TestGateway {
  url: string;
}

export interface Fleet {
  redis: LocalRedis;
  sandbox: SandboxHandle;
  replicas: Replica[];
  /** The prefix every replica's Redis keys carry. */
  prefix: string;
  /** Another replica on the same Redis and cores (a restart, a scale-out). */
  add(more?: Record<string, unknown>): Promise<Replica>;
  /** Stops one replica (its listener, then its gateway: the in-flight requests finish first). */
  stop(r: Replica): Promise<void>;
  close(): Promise<void>;
}

async function listen(t: TestGateway): Promise<{ replica: Replica; server: http.Server }> {
  const server = http.createServer({ keepAliveTimeout: 65_000 }, t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const replica = Object.assign(t, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }) as Replica;
  return { replica, server };
}

let fleets = 0;

/** A real redis-server, one set of simulated cores, and `n` gateway replicas sharing both. */
export async function startFleet(n: number, more: Record<string, unknown> = {}): Promise<Fleet> {
  const redis = await startRedis();
  const sandbox = await startSandbox();
  const prefix = `test-${process.pid}-${++fleets}:`;
  const replicas: Replica[] = [];
  const servers = new Map<Replica, http.Server>();
  const stop = async (r: Replica) => {
    const server = servers.get(r);
    servers.delete(r);
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    await r.close().catch(() => undefined);
  };
  const add = async (extra: Record<string, unknown> = more) => {
    const { replica, server } = await listen(await startGateway(fleetSettings(redis.url, prefix, extra), { sandbox }));
    replicas.push(replica);
    servers.set(replica, server);
    return replica;
  };
  const close = async () => {
    await Promise.all([...servers.keys()].map(stop));
    await sandbox.close();
    await redis.stop();
  };
  try {
    for (let i = 0; i < n; i++) await add();
  } catch (e) {
    await close();
    throw e;
  }
  return { redis, sandbox, replicas, prefix, add, stop, close };
}

export interface ReplicaProcess {
  url: string;
  pid: number;
  /** SIGKILL: the process and everything it held in memory are gone at once. */
  kill(): Promise<void>;
}

/**
 * A replica as its own process (test/helpers/replica-process.ts), configured by environment
 * variables as a container is: same Redis, same cores, same signing key as the in-process ones.
 */
export async function startReplicaProcess(fleet: Fleet, env: Record<string, string> = {}, timeoutMs = 120_000): Promise<ReplicaProcess> {
  const { fork } = await import('node:child_process');
  const { BACKENDS, BACKEND_ENV } = await import('../../src/gateway/backends');
  const child = fork(path.join(__dirname, 'replica-process.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      PATH: process.env.PATH,
      GATEWAY_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      GATEWAY_SANDBOX: 'false',
      JWT_SIGNING_KEY_FILE: sharedSigningKeyFile(),
      GATEWAY_CLIENTS_FILE: sharedClientsFile(),
      GATEWAY_REDIS_URL: fleet.redis.url,
      GATEWAY_REDIS_PREFIX: fleet.prefix,
      GATEWAY_REDIS_COMMAND_TIMEOUT_MS: '5000',
      GATEWAY_IDEMPOTENCY_STORE: 'redis',
      GATEWAY_RATE_LIMIT_STORE: 'redis',
      GATEWAY_OWNERSHIP_STORE: 'redis',
      ...Object.fromEntries(BACKENDS.map((b) => [`GATEWAY_BACKEND_${BACKEND_ENV[b]}_URL`, fleet.sandbox.urls[b]])),
      ...env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('replica process did not start in time')), timeoutMs);
    child.once('message', (m: { type: string; port: number }) => {
      clearTimeout(timer);
      resolve(m.port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`replica process exited with ${code}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The clients file's form (src/auth/secret-hash.ts): HMAC-SHA256 under the test profile's pepper, the sandbox default. */
function hashSecretSync(secret: string): string {
  return new SecretHasher(SANDBOX_PEPPER).hash(secret);
}

