import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** Debian's redis-server (apt-get install redis-server; .ci/run installs it). */
export const REDIS_SERVER = '/usr/bin/redis-server';

export interface LocalRedis {
  port: number;
  url: string;
  pid: number;
  /** SIGKILL: Redis gone at once, as a crashed server (its in-memory data with it). */
  kill(): Promise<void>;
  /** A fresh, empty redis-server on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Servers still running when this process exits are killed with it: a redis-server is not a
 * child that dies with its parent, and a suite that times out in its set-up never stops its own.
 */
const live = new Set<ChildProcess>();
let reaping = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (reaping) return;
  reaping = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

/** A free loopback port (closed again before it is handed out). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Sends PING on a raw socket; true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    const end = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => end(false));
    sock.once('error', () => end(false));
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.once('data', (d) => end(d.toString().startsWith('+PONG')));
  });
}

/**
 * A throw-away redis-server on a free loopback port: no persistence (--save '' --appendonly no),
 * ready when it answers PING. Throws, never skips, when redis-server is not installed.
 */
export async function startLocalRedis(opts: { port?: number; timeoutMs?: number } = {}): Promise<LocalRedis> {
  if (!fs.existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} not found: install Debian's redis-server (apt-get install redis-server; .ci/run does it)`);
  }
  const port = opts.port ?? (await freePort());
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    track(child);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const limit = Date.now() + (opts.timeoutMs ?? 10_000);
    while (!(await ping(port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${stderr.trim()}`);
      if (Date.now() > limit) throw new Error(`redis-server on port ${port} did not answer PING`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child.pid!;
    },
    kill: () => stopWith('SIGKILL'),
    async restart() {
      await stopWith('SIGKILL');
      await launch();
    },
    stop: () => stopWith('SIGTERM'),
  };
}
