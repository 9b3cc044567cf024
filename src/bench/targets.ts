import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FromTarget, ProfileKind, TargetUsage } from './target-process';

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
