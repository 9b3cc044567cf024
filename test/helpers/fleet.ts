import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server';
import { startGateway, type TestGateway } from './gateway';
import { startRedis, type LocalRedis } from './redis-server';

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

/** The settings every replica of a test fleet shares: Redis stores, one signing key, one prefix. */
export function fleetSettings(redisUrl: string, prefix: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  const { policies = {}, ...rest } = more as { policies?: Record<string, Record<string, unknown>>; auth?: object; redis?: object };
  return {
    ...rest,
    auth: { signingKeyFile: sharedSigningKeyFile(), ...rest.auth },
    redis: { url: redisUrl, prefix, ...rest.redis },
    policies: {
      ...policies,
      idempotency: { store: 'redis', ...policies.idempotency },
      rateLimit: { store: 'redis', ...policies.rateLimit },
    },
  };
}

export interface Fleet {
  redis: LocalRedis;
  sandbox: SandboxHandle;
  replicas: TestGateway[];
  /** Another replica on the same Redis and cores (a restart, a scale-out). */
  add(more?: Record<string, unknown>): Promise<TestGateway>;
  close(): Promise<void>;
}

let fleets = 0;

/** A real redis-server, one set of simulated cores, and `n` gateway replicas sharing both. */
export async function startFleet(n: number, more: Record<string, unknown> = {}): Promise<Fleet> {
  const redis = await startRedis();
  const sandbox = await startSandbox();
  const prefix = `test-${process.pid}-${++fleets}:`;
  const replicas: TestGateway[] = [];
  const add = async (extra: Record<string, unknown> = more) => {
    const r = await startGateway(fleetSettings(redis.url, prefix, extra), { sandbox });
    replicas.push(r);
    return r;
  };
  try {
    for (let i = 0; i < n; i++) await add();
  } catch (e) {
    await Promise.all(replicas.map((r) => r.close().catch(() => undefined)));
    await sandbox.close();
    await redis.stop();
    throw e;
  }
  return {
    redis,
    sandbox,
    replicas,
    add,
    async close() {
      await Promise.all(replicas.map((r) => r.close().catch(() => undefined)));
      await sandbox.close();
      await redis.stop();
    },
  };
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
  const prefix = fleet.replicas[0]?.config.redis.prefix ?? 'test-fleet:';
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
      GATEWAY_REDIS_URL: fleet.redis.url,
      GATEWAY_REDIS_PREFIX: prefix,
      GATEWAY_IDEMPOTENCY_STORE: 'redis',
      GATEWAY_RATE_LIMIT_STORE: 'redis',
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
