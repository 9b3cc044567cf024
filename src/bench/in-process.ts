import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import inject from 'light-my-request';
import { loadConfig } from '../gateway-config';
import { BACKENDS, BACKEND_ENV } from '../gateway/backends';
import { buildApp } from '../app';
import { createUpstreamStub } from './upstream-stub';
import { scenarios } from './scenarios';
import { WindowProfiler } from './target-process';
import { summarizeProfile } from './profile-summary';
import { terminate } from '../terminate';

/**
 * The gateway alone, in one process: the app (bench profile, every policy on) driven by
 * light-my-request without sockets, the upstream stub on loopback, a fixed number of requests with
 * a fixed number in flight. No load generator and no other target share the CPU, so a profile of
 * it shows what the gateway's own code costs, without the 2-5x that contention adds under
 * `npm run bench`. Prints CPU µs per request and, with --profile, where it goes by component.
 *
 *   npm run bench:in-process -- [transfer|account] [--requests=40000] [--concurrency=16] [--profile]
 */
export interface InProcessOptions {
  scenario: string;
  requests: number;
  concurrency: number;
  profile: boolean;
  outDir: string;
  /** The policy chain to build the gateway with (default: config/bench.json's, every policy). */
  chain?: string[];
}

export interface InProcessResult {
  ok: number;
  cpuMicrosPerRequest: number;
  wallMicrosPerRequest: number;
  profileFile?: string;
  summary?: string;
}

export function parseInProcessOptions(argv: string[]): InProcessOptions {
  const opts: InProcessOptions = { scenario: 'transfer', requests: 40_000, concurrency: 16, profile: false, outDir: 'bench-results' };
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      opts.scenario = arg;
      continue;
    }
    const n = Number(m[2]);
    if (m[1] === 'requests' && Number.isInteger(n) && n > 0) opts.requests = n;
    else if (m[1] === 'concurrency' && Number.isInteger(n) && n > 0) opts.concurrency = n;
    else if (m[1] === 'profile' && m[2] === undefined) opts.profile = true;
    else if (m[1] === 'out' && m[2]) opts.outDir = m[2];
    else throw new Error(`unknown or invalid option ${arg}`);
  }
  return opts;
}

export async function runInProcess(opts: InProcessOptions): Promise<InProcessResult> {
  const scenario = scenarios().find((s) => s.name === opts.scenario);
  if (!scenario) throw new Error(`unknown scenario ${opts.scenario} (transfer or account)`);
  const stub: http.Server = createUpstreamStub();
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const upstream = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  const environment: NodeJS.ProcessEnv = { LOG_FILE: path.join(opts.outDir, 'in-process.log') };
  for (const b of BACKENDS) environment[`GATEWAY_BACKEND_${BACKEND_ENV[b]}_URL`] = `${upstream}/${b}`;
  const config = loadConfig({ env: 'bench', environment, overrides: opts.chain ? { policies: { chain: opts.chain } } : undefined });
  const gw = await buildApp(config);
  try {
    const client = gw.services.clients.get(config.clients.sandboxClientId);
    if (!client) throw new Error('the bench profile has no sandbox client');
    const { token } = gw.services.tokens.issue(client);
    const headers: Record<string, string> = {
      client_id: config.clients.sandboxClientId,
      client_secret: config.clients.sandboxClientSecret,
      authorization: `Bearer ${token}`,
    };
    if (scenario.body) headers['content-type'] = 'application/json';
    let seq = 0;
    let ok = 0;
    const one = async () => {
      const res = await inject(gw.app as never, { method: scenario.method, url: scenario.path, headers, payload: scenario.body?.(seq++) });
      if (res.statusCode !== 200) throw new Error(`${scenario.method} ${scenario.path}: ${res.statusCode} ${res.payload}`);
      ok++;
    };
    const run = async (n: number) => {
      let started = 0;
      await Promise.all(
        Array.from({ length: opts.concurrency }, async () => {
          while (started++ < n) await one();
        }),
      );
    };
    await run(Math.max(1, Math.round(opts.requests / 2))); // warm-up: JIT, the validators' lazy compilation
    ok = 0;
    const profiler = opts.profile ? new WindowProfiler() : undefined;
    profiler?.start('cpu');
    const cpu = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await run(opts.requests);
    const wallNs = Number(process.hrtime.bigint() - t0);
    const used = process.cpuUsage(cpu);
    const result: InProcessResult = { ok, cpuMicrosPerRequest: (used.user + used.system) / opts.requests, wallMicrosPerRequest: wallNs / 1000 / opts.requests };
    if (profiler) {
      fs.mkdirSync(path.join(opts.outDir, 'profiles'), { recursive: true });
      result.profileFile = await profiler.stop(path.join(opts.outDir, 'profiles', `in-process-${scenario.name}.cpuprofile`));
      result.summary = summarizeProfile(JSON.parse(fs.readFileSync(result.profileFile, 'utf8')), 30);
    }
    return result;
  } finally {
    await gw.close();
    await new Promise((resolve) => stub.close(resolve));
  }
}

if (require.main === module) {
  const opts = parseInProcessOptions(process.argv.slice(2));
  runInProcess(opts).then(
    (r) => {
      console.log(`${opts.scenario}: ${r.ok} requests, ${opts.concurrency} in flight: ${r.cpuMicrosPerRequest.toFixed(1)} µs CPU and ${r.wallMicrosPerRequest.toFixed(1)} µs wall per request (the stub's share included)`);
      if (r.summary) console.log(`\nprofile: ${r.profileFile}\n${r.summary}`);
      terminate(0);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      terminate(1);
    },
  );
}
