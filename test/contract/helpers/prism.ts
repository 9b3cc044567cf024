import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** Stoplight Prism's CLI as a partner runs it (from node_modules, on loopback, no network). */
const PRISM = path.join(__dirname, '..', '..', '..', 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');

export interface PrismHandle {
  base: string;
  /** Everything Prism printed so far (its log: one line per step, violations included). */
  log(): string;
  stop(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** `prism mock <doc>` or `prism proxy <doc> <upstream>`, resolved once Prism says it listens. */
export async function startPrism(args: string[]): Promise<PrismHandle> {
  const port = await freePort();
  // no colours: the log is read as text; no telemetry
  const child: ChildProcess = spawn(process.execPath, [PRISM, ...args, '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', SCARF_ANALYTICS: 'false', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    const check = () => (/Prism is listening/.test(out) ? resolve() : undefined);
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`prism ${args[0]} exited (${code}) before listening:\n${out}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    log: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
