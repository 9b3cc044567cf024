import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FromTarget, ProfileKind, TargetUsage } from './target-process';
import type { RuntimeStats } from './runtime-stats';

/** A measured process started by the orchestrator: its port, and its CPU/RSS on demand. */
export interface Target {
  name: string;
  port: number;
  pid: number;
  /** With gc (and the process started with --expose-gc), after a full GC: the live heap. */
  usage(opts?: { gc?: boolean }): Promise<TargetUsage>;
  profileStart(kind: ProfileKind): Promise<void>;
  /** Writes the CPU profile of the window since profileStart() to file. */
  profileStop(file: string): Promise<void>;
  /** Writes a heap snapshot of the process to file (after a full GC). */
  heapSnapshot(file: string): Promise<void>;
  stop(): Promise<void>;
  /** A fresh process in place of this one (same script, flags, environment); port and pid change. */
  restart(): Promise<void>;
}

// Compiled runs (npm run bench) fork the .js next to this file; ts-node runs fork the .ts.
const ext = path.extname(__filename);
const tsExecArgv = ext === '.ts' ? ['-r', 'ts-node/register/transpile-only'] : [];

export async function startTarget(name: string, script: string, env: NodeJS.ProcessEnv, execArgv: string[] = [], stdoutFile?: string): Promise<Target> {
  // a script name is one of this folder's; an absolute path is another build (--ref)
  const file = path.isAbsolute(script) ? script : path.join(__dirname, `${script}${ext}`);
  const target = await forkTarget(name, file, env, execArgv, stdoutFile ? fs.openSync(stdoutFile, 'w') : undefined);
  const restartable = target as Target;
  restartable.restart = async () => {
    await target.stop();
    Object.assign(restartable, await forkTarget(name, file, env, execArgv, stdoutFile ? fs.openSync(stdoutFile, 'a') : undefined));
  };
  return restartable;
}

async function forkTarget(name: string, file: string, env: NodeJS.ProcessEnv, execArgv: string[], stdout: number | undefined): Promise<Omit<Target, 'restart'>> {
  const child: ChildProcess = fork(file, [], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    execArgv: [...tsExecArgv, ...execArgv],
    // stdout (the gateway's banner, V8 traces such as --trace-gc) to a file when asked
    stdio: ['ignore', stdout ?? 'ignore', 'inherit', 'ipc'],
  });
  const waiters: Array<(m: FromTarget) => void> = [];
  child.on('message', (m: FromTarget) => waiters.shift()?.(m));
  const next = () => new Promise<FromTarget>((resolve) => waiters.push(resolve));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const ready = await Promise.race([next(), exited.then((code) => ({ type: 'exit' as const, code }))]);
  if (ready.type !== 'ready') throw new Error(`${name} did not start (exit code ${'code' in ready ? ready.code : '?'})`);
  return {
    name,
    port: ready.port,
    pid: child.pid!,
    async usage(opts: { gc?: boolean } = {}) {
      const reply = next();
      child.send({ type: 'usage', gc: opts.gc });
      const m = await reply;
      if (m.type !== 'usage') throw new Error(`${name}: unexpected answer ${m.type}`);
      const { type: _type, ...usage } = m;
      return usage;
    },
    async profileStart(kind: ProfileKind) {
      const reply = next();
      child.send({ type: 'profile-start', kind });
      await reply;
    },
    async profileStop(file: string) {
      const reply = next();
      child.send({ type: 'profile-stop', file });
      const m = await reply;
      if (m.type !== 'profile' || m.error) throw new Error(`${name}: profile not written: ${m.type === 'profile' ? m.error : m.type}`);
    },
    async heapSnapshot(file: string) {
      const reply = next();
      child.send({ type: 'heap-snapshot', file });
      const m = await reply;
      if (m.type !== 'heap-snapshot' || m.error) throw new Error(`${name}: heap snapshot not written: ${m.type === 'heap-snapshot' ? m.error : m.type}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Replicas of one target measured as one (--replicas): the load goes to each in turn, and usage
 * adds their CPU and memory up (a fleet's cost), keeps the worst loop delay, sums GC pauses, and
 * keeps each replica's stalls apart so a request is charged only its own replica's.
 */
export function fleetOf(name: string, members: Target[]): Target & { readonly ports: number[] } {
  const first = members[0];
  return {
    name,
    get port() {
      return first.port;
    },
    get ports() {
      return members.map((m) => m.port);
    },
    get pid() {
      return first.pid;
    },
    async usage(opts) {
      return mergeUsage(await Promise.all(members.map((m) => m.usage(opts))));
    },
    profileStart: (kind) => first.profileStart(kind),
    profileStop: (file) => first.profileStop(file),
    heapSnapshot: (file) => first.heapSnapshot(file),
    async stop() {
      for (const m of members) await m.stop();
    },
    async restart() {
      for (const m of members) await m.restart();
    },
  };
}

export function mergeUsage(all: TargetUsage[]): TargetUsage {
  const sum = (f: (u: TargetUsage) => number) => all.reduce((s, u) => s + f(u), 0);
  const merged: TargetUsage = {
    cpuMicros: sum((u) => u.cpuMicros),
    cpuSystemMicros: sum((u) => u.cpuSystemMicros),
    rssBytes: sum((u) => u.rssBytes),
    maxRssBytes: sum((u) => u.maxRssBytes),
    heapUsedBytes: sum((u) => u.heapUsedBytes),
    heapTotalBytes: sum((u) => u.heapTotalBytes),
    externalBytes: sum((u) => u.externalBytes),
  };
  const runtimes = all.map((u) => u.runtime).filter((r): r is RuntimeStats => r !== undefined);
  if (runtimes.length === all.length && runtimes.length) {
    const kinds = Object.keys(runtimes[0].gc.byKind) as Array<keyof RuntimeStats['gc']['byKind']>;
    merged.runtime = {
      eventLoopDelayMs: {
        p50: Math.max(...runtimes.map((r) => r.eventLoopDelayMs.p50)),
        p99: Math.max(...runtimes.map((r) => r.eventLoopDelayMs.p99)),
        max: Math.max(...runtimes.map((r) => r.eventLoopDelayMs.max)),
        mean: runtimes.reduce((s, r) => s + r.eventLoopDelayMs.mean, 0) / runtimes.length,
      },
      gc: {
        count: runtimes.reduce((s, r) => s + r.gc.count, 0),
        pauseMs: runtimes.reduce((s, r) => s + r.gc.pauseMs, 0),
        maxPauseMs: Math.max(...runtimes.map((r) => r.gc.maxPauseMs)),
        byKind: Object.fromEntries(
          kinds.map((k) => [
            k,
            {
              count: runtimes.reduce((s, r) => s + r.gc.byKind[k].count, 0),
              pauseMs: runtimes.reduce((s, r) => s + r.gc.byKind[k].pauseMs, 0),
              maxPauseMs: Math.max(...runtimes.map((r) => r.gc.byKind[k].maxPauseMs)),
            },
          ]),
        ) as RuntimeStats['gc']['byKind'],
      },
      timeline: runtimes.flatMap((r) => r.timeline ?? []),
      replicaTimelines: runtimes.map((r) => r.timeline ?? []),
    };
  }
  return merged;
}
