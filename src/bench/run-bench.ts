import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKENDS, BACKEND_ENV } from '../gateway/backends';
import { loadConfig } from '../gateway-config';
import { projectPath } from '../paths';
import { parseOptions, type BenchOptions } from './options';
import { scenarios, type Scenario } from './scenarios';
import { fleetOf, startTarget, type Target } from './targets';
import { paced, saturate, type LoadRequest, type LoadResult } from './load';
import { percentiles, round } from './stats';
import { fixedRateTable, ratios, saturationTable, summarize, table, toMb, addedLatency, percentileCurves, type RunRecord } from './report';
import { renderChart } from './chart';
import { fetchToken, preflight } from './preflight';
import { terminate } from '../terminate';
import { NODE_FLAGS } from '../node-flags';
import { startLocalRedis, type LocalRedis } from './local-redis';
import { processCpuMicros, flushRedis } from './redis-usage';
import { RuntimeStatsCollector, type Stall } from './runtime-stats';
import { chargeTail, tailRows, TAIL_COLUMNS, type TailBreakdown } from './tail';

/**
 * npm run bench: the upstream stub, the bare baseline proxy and the gateway (bench profile, every
 * policy on) as separate processes on loopback; the same load at each, in interleaved rounds;
 * then a fixed-rate pass for the latency the gateway adds over calling the stub directly.
 */
async function main(opts: BenchOptions): Promise<number> {
  const outDir = path.resolve(projectPath(), opts.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const logFile = path.join(outDir, 'gateway.log');
  fs.rmSync(logFile, { force: true });
  const conditions = {
    startedAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAvgAtStart: os.loadavg().map((v) => round(v, 2)),
    options: opts,
  };
  console.log(`bench: node ${conditions.node}, ${conditions.cpus} CPUs, load average ${conditions.loadAvgAtStart.join(' ')}`);
  if (conditions.loadAvgAtStart[0] > conditions.cpus * 0.5) console.log('bench: WARNING the machine is busy; numbers will be noisy');

  const all = scenarios().filter((s) => opts.scenarios.includes(s.name));
  const targets: Target[] = [];
  let redis: LocalRedis | undefined;
  const redisCpu: Record<string, { micros: number; requests: number }> = {};
  const records: { saturation: RunRecord[]; fixed: RunRecord[] } = { saturation: [], fixed: [] };
  let redisName = 'gateway-redis';
  // the orchestrator's own loop (the load generator): its stalls are charged too
  const loadGenerator = new RuntimeStatsCollector();
  let failed = 0;
  try {
    const stub = await startTarget('stub-direct', 'upstream-stub', {});
    targets.push(stub);
    const upstream = `http://127.0.0.1:${stub.port}`;
    const backendEnv = Object.fromEntries(
      BACKENDS.map((b) => [`GATEWAY_BACKEND_${BACKEND_ENV[b]}_URL`, `${upstream}/${b}`]),
    );
    // the gateway's own V8 flags (as npm start and the Dockerfile run it), then any given here
    const gatewayFlags = [...NODE_FLAGS, ...(opts.gatewayNodeOptions?.split(/\s+/).filter(Boolean) ?? [])];
    const chainEnv = {
      ...(opts.policies ? { BENCH_POLICIES: opts.policies.join(',') } : {}),
    };
    const gateway = await startTarget(
      'gateway',
      'gateway-target',
      { ...backendEnv, ...chainEnv, GATEWAY_ENV: 'bench', LOG_FILE: logFile },
      gatewayFlags,
      path.join(outDir, 'gateway.stdout.log'),
    );
    targets.push(gateway);
    // --stores=...,redis: the same gateway with idempotency and rate limits on a local redis-server
    redis = opts.stores.includes('redis') ? await startLocalRedis() : undefined;
    // --replicas=N: N of them on that redis-server, signing with one key (a token is good at each)
    const signingKey = opts.replicas > 1 ? writeSigningKey(outDir) : undefined;
    const startRedisGateway = (name: string, log: string) =>
      startTarget(
        name,
        'gateway-target',
        {
          ...backendEnv,
          ...chainEnv,
          GATEWAY_ENV: 'bench',
          LOG_FILE: path.join(outDir, `${log}.log`),
          GATEWAY_IDEMPOTENCY_STORE: 'redis',
          GATEWAY_RATE_LIMIT_STORE: 'redis',
          GATEWAY_OWNERSHIP_STORE: 'redis',
          GATEWAY_REDIS_URL: redis!.url,
          ...(signingKey ? { JWT_SIGNING_KEY_FILE: signingKey } : {}),
        },
        gatewayFlags,
        path.join(outDir, `${log}.stdout.log`),
      );
    let gatewayRedis: Target | undefined;
    if (redis && opts.replicas > 1) {
      const members: Target[] = [];
      for (let i = 1; i <= opts.replicas; i++) members.push(await startRedisGateway(`gateway-redis-${i}`, `gateway-redis-${i}`));
      gatewayRedis = fleetOf(`gateway-redis-x${opts.replicas}`, members);
    } else if (redis) gatewayRedis = await startRedisGateway('gateway-redis', 'gateway-redis');
    redisName = gatewayRedis?.name ?? redisName;
    if (gatewayRedis) targets.push(gatewayRedis);
    const baseline = await startTarget('baseline', 'baseline-proxy', { BENCH_UPSTREAM_URL: upstream });
    targets.push(baseline);
    const ref = opts.ref
      ? await startTarget('gateway-ref', path.resolve(opts.ref, 'dist/src/bench/gateway-target.js'), {
          ...backendEnv,
          ...chainEnv,
          GATEWAY_ENV: 'bench',
          LOG_FILE: path.join(outDir, 'gateway-ref.log'),
          ...opts.refEnv,
        }, opts.refNodeOptions === undefined ? gatewayFlags : opts.refNodeOptions.split(/\s+/).filter(Boolean))
      : undefined;
    if (ref) targets.push(ref);
    // --targets=...,floor: the libraries of record alone (library-floor.ts), opt-in
    const floor = opts.targets.includes('floor') ? await startTarget('floor', 'library-floor', { BENCH_UPSTREAM_URL: upstream }) : undefined;
    if (floor) targets.push(floor);

    const config = loadConfig({ env: 'bench', environment: {} });
    // each gateway signs with its own ephemeral key: a token per gateway process
    const tokens = new Map<Target, string>();
    const refreshTokens = async () => {
      for (const t of [gateway, gatewayRedis, ref]) if (t) tokens.set(t, await fetchToken(t.port, config.clients.sandboxClientId, config.clients.sandboxClientSecret));
    };
    await refreshTokens();
    const headers = { client_id: config.clients.sandboxClientId, client_secret: config.clients.sandboxClientSecret };
    let seq = 0;
    const requestFor = (s: Scenario, t: Target): LoadRequest => ({
      port: t.port,
      ports: (t as Target & { ports?: number[] }).ports,
      method: s.method,
      path: t === stub ? s.upstreamPath : s.path,
      headers: headersFor(t),
      body: s.body ? () => s.body!(++seq) : undefined,
    });
    const headersFor = (t: Target) => ({ ...headers, authorization: `Bearer ${tokens.get(t) ?? tokens.get(gateway)}` });
    for (const s of all) for (const t of targets) await preflight(t.name, s.name, requestFor(s, t));

    const profileDir = path.join(outDir, 'profiles');
    if (opts.profile || opts.allocProfile) fs.mkdirSync(profileDir, { recursive: true });
    const measure = async (s: Scenario, t: Target, roundNo: number, load: () => Promise<LoadResult>, profile?: string): Promise<RunRecord> => {
      if (profile) await t.profileStart(profile.endsWith('.heapprofile') ? (opts.allocProfile === 'live' ? 'alloc-live' : opts.allocProfile === 'promoted' ? 'alloc-promoted' : 'alloc') : 'cpu');
      const before = await t.usage();
      const redisBefore = t === gatewayRedis && redis ? processCpuMicros(redis.pid) : undefined;
      const r = await load();
      const after = await t.usage();
      if (redisBefore !== undefined) {
        const spent = (redisCpu[s.name] ??= { micros: 0, requests: 0 });
        spent.micros += processCpuMicros(redis!.pid) - redisBefore;
        spent.requests += r.ok;
      }
      if (profile) {
        await t.profileStop(profile);
        console.log(`  profile: ${path.relative(process.cwd(), profile)}`);
      }
      const [p50, p99] = percentiles(r.latenciesMs, [50, 99]);
      const { timeline, replicaTimelines, ...runtime } = after.runtime ?? { timeline: undefined, replicaTimelines: undefined };
      failed += r.failed;
      if (r.failed) console.error(`bench: ${t.name} ${s.name}: ${r.failed} failed requests ${JSON.stringify(r.failures)}`);
      return {
        scenario: s.name,
        target: t.name,
        round: roundNo,
        ok: r.ok,
        failed: r.failed,
        failures: r.failures,
        elapsedSec: round3(r.elapsedSec),
        rps: r.ok / r.elapsedSec,
        p50Ms: round3(p50),
        p99Ms: round3(p99),
        cpuMicrosPerRequest: r.ok ? round((after.cpuMicros - before.cpuMicros) / r.ok, 1) : undefined,
        cpuSystemMicrosPerRequest: r.ok ? round((after.cpuSystemMicros - before.cpuSystemMicros) / r.ok, 1) : undefined,
        rssMb: toMb(after.rssBytes),
        peakRssMb: toMb(after.maxRssBytes),
        heapUsedMb: toMb(after.heapUsedBytes),
        heapTotalMb: toMb(after.heapTotalBytes),
        externalMb: toMb(after.externalBytes),
        loadAvg1m: round(os.loadavg()[0], 2),
        runtime: after.runtime ? (runtime as RunRecord['runtime']) : undefined,
        latenciesMs: r.latenciesMs,
        sentAtMs: r.sentAtMs,
        replicaOf: replicaTimelines ? r.replicaOf : undefined,
        timeline,
        replicaTimelines,
      };
    };
    const warm = async (label: string, load: () => Promise<LoadResult>) => {
      const r = await load();
      failed += r.failed;
      if (r.failed) console.error(`bench: warm-up ${label}: ${r.failed} failed requests ${JSON.stringify(r.failures)}`);
    };

    // the memory-store gateway is measured unless --stores leaves memory out
    const measured = (t: Target) => t === ref || t === gatewayRedis || (opts.targets.includes(t.name) && (t !== gateway || opts.stores.includes('memory')));
    if (opts.saturation) {
      const sat = [baseline, ...(floor ? [floor] : []), gateway, ...(gatewayRedis ? [gatewayRedis] : []), ...(ref ? [ref] : [])].filter(measured);
      for (const s of all) {
        for (const t of sat) await warm(`${t.name} ${s.name}`, () => saturate(requestFor(s, t), opts.connections, opts.warmupSec));
        for (let r = 1; r <= opts.rounds; r++) {
          // alternate the order so a drift in machine load does not favour one target
          for (const t of r % 2 ? sat : [...sat].reverse()) {
            // --profile / --alloc-profile: the gateway's (and the floor's) first measured round of each scenario
            const kind = opts.profile ? 'cpuprofile' : opts.allocProfile ? 'heapprofile' : undefined;
            const profile = kind && (t === gateway || t === gatewayRedis || t === floor) && r === 1 ? path.join(profileDir, `${t.name}-${s.name}.${kind}`) : undefined;
            const rec = await measure(s, t, r, () => saturate(requestFor(s, t), opts.connections, opts.durationSec), profile);
            records.saturation.push(rec);
            console.log(
              `  saturation ${s.name} round ${r} ${t.name}: ${Math.round(rec.rps)} req/s, p99 ${rec.p99Ms} ms, ${rec.cpuMicrosPerRequest} µs CPU/req (${rec.cpuSystemMicrosPerRequest} in kernel), RSS ${rec.rssMb} MB (heap ${rec.heapUsedMb}/${rec.heapTotalMb} MB)`,
            );
          }
        }
      }
    }
    if (opts.fixed) {
      // Each mode in fresh processes: the fixed-rate figures are not those of a heap grown (and
      // idempotency records piled up) by the saturation rounds; --no-restart keeps the processes.
      if (opts.saturation && opts.restart) {
        for (const t of [gateway, ...(gatewayRedis ? [gatewayRedis] : []), baseline, ...(ref ? [ref] : []), ...(floor ? [floor] : [])]) await t.restart();
        // the records piled up by the saturation rounds go, as they do with a restarted memory store
        if (redis) await flushRedis(redis.url);
        await refreshTokens();
        for (const s of all) for (const t of targets) await preflight(t.name, s.name, requestFor(s, t));
      }
      const fixedTargets = [stub, baseline, ...(floor ? [floor] : []), gateway, ...(gatewayRedis ? [gatewayRedis] : []), ...(ref ? [ref] : [])].filter((t) => t === stub || measured(t));
      for (const s of all) {
        for (const t of fixedTargets) await warm(`${t.name} ${s.name} fixed`, () => paced(requestFor(s, t), opts.rate, opts.fixedWarmupSec, opts.connections));
        for (let r = 1; r <= opts.fixedRounds; r++) {
          for (const t of r % 2 ? fixedTargets : [...fixedTargets].reverse()) {
            // the stub's and the load generator's stalls over the same window, to charge the tail
            await stub.usage();
            loadGenerator.take();
            // --profile: the gateway's first fixed-rate round too (where its CPU per request differs from saturation)
            const profile = opts.profile && (t === gateway || t === gatewayRedis) && r === 1 ? path.join(profileDir, `${t.name}-${s.name}-fixed.cpuprofile`) : undefined;
            const rec = await measure(s, t, r, () => paced(requestFor(s, t), opts.rate, opts.fixedDurationSec, opts.connections), profile);
            const core = t === stub ? rec.timeline : (await stub.usage()).runtime?.timeline;
            rec.sources = { target: rec.timeline ?? [], replicas: rec.replicaTimelines, core: core ?? [], client: loadGenerator.take().timeline ?? [] };
            if (t !== stub) {
              rec.tail = chargeTail(rec.latenciesMs, rec.sentAtMs ?? [], rec.sources, rec.replicaOf);
              const c = rec.tail.p99;
              console.log(
                `  fixed ${s.name} round ${r} ${t.name}: p50 ${rec.p50Ms} ms, p99 ${rec.p99Ms} ms = service ${c.serviceMs} + own GC ${c.targetGcMs} + own loop ${c.targetLoopMs} + core ${c.coreMs} + load generator ${c.clientMs} + machine ${c.machineMs}; ${rec.cpuMicrosPerRequest} µs CPU/req`,
              );
            }
            records.fixed.push(rec);
          }
        }
      }
    }
  } finally {
    loadGenerator.stop();
    for (const t of targets.reverse()) await t.stop();
    await redis?.stop();
  }

  const saturation = summarize(records.saturation);
  const fixed = summarize(records.fixed);
  const ratioByScenario = Object.fromEntries(all.map((s) => [s.name, ratios(records.saturation, s.name)]));
  const lines: string[] = [];
  if (saturation.length) {
    lines.push(
      '',
      `Saturation: ${opts.connections} connections, ${opts.durationSec} s x ${opts.rounds} interleaved rounds per target after ${opts.warmupSec} s warm-up (autocannon)`,
      saturationTable(saturation),
      '',
      ...all.map((s) => `ratio gateway ÷ baseline, ${s.name}: ${ratioByScenario[s.name].median}x (rounds ${ratioByScenario[s.name].rounds.join(', ')})`),
      ...(opts.targets.includes('floor')
        ? all.map((s) => `ratio floor ÷ baseline, ${s.name}: ${ratios(records.saturation, s.name, 'floor').median}x (the libraries of record alone)`)
        : []),
      ...(redis ? all.map((s) => `ratio ${redisName} ÷ baseline, ${s.name}: ${ratios(records.saturation, s.name, redisName).median}x (stores on Redis)`) : []),
    );
  }
  const redisCpuPerRequest = Object.fromEntries(Object.entries(redisCpu).map(([k, v]) => [k, v.requests ? round(v.micros / v.requests, 1) : undefined]));
  if (redis) {
    lines.push('', ...Object.entries(redisCpuPerRequest).map(([k, v]) => `redis-server CPU per ${redisName} request, ${k}: ${v} µs (on top of the gateway's own)`));
  }
  const tails = tailSummaries(records.fixed);
  if (fixed.length) {
    lines.push(
      '',
      `Fixed rate: ${opts.rate} req/s open loop over up to ${opts.connections} sockets, ${opts.fixedDurationSec} s x ${opts.fixedRounds} rounds per target; added = target - stub-direct`,
      fixedRateTable(fixed),
      '',
      'The p99 charged (mean of the requests from p98.5 to p99.5, all rounds, ms): what overlapped them in time, each ms charged once (src/bench/tail.ts)',
      table(['scenario', 'target', 'p99 band', ...TAIL_COLUMNS, 'bursts of the slowest 1%'], tailRows(tails)),
    );
  }
  console.log(lines.join('\n'));

  const result = {
    conditions: { ...conditions, finishedAt: new Date().toISOString(), loadAvgAtEnd: os.loadavg().map((v) => round(v, 2)) },
    scenarios: all.map((s) => ({ name: s.name, description: s.description })),
    saturation: {
      summary: saturation,
      ratios: ratioByScenario,
      ...(opts.targets.includes('floor') ? { floorRatios: Object.fromEntries(all.map((s) => [s.name, ratios(records.saturation, s.name, 'floor')])) } : {}),
      rounds: records.saturation.map(jsonRound) },
    fixedRate: { summary: fixed, added: addedLatency(fixed), curves: percentileCurves(records.fixed), tail: tails, rounds: records.fixed.map(jsonRound) },
    ...(redis ? { redis: { ratios: Object.fromEntries(all.map((s) => [s.name, ratios(records.saturation, s.name, redisName)])), serverCpuMicrosPerRequest: redisCpuPerRequest } } : {}),
    failedRequests: failed,
  };
  const file = path.join(outDir, `bench-${conditions.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  fs.copyFileSync(file, path.join(outDir, 'latest.json'));
  const chart = file.replace(/\.json$/, '.svg');
  fs.writeFileSync(chart, await renderChart(result));
  console.log(`\nresults: ${path.relative(process.cwd(), file)}, chart: ${path.relative(process.cwd(), chart)}`);
  if (failed) console.error(`bench: FAILED: ${failed} requests did not get a 2xx answer`);
  return failed ? 1 : 0;
}

const round3 = (v: number) => round(v, 3);

/** A round as the JSON keeps it: without its samples and timelines. */
const jsonRound = ({ latenciesMs: _l, sentAtMs: _s, replicaOf: _r, timeline: _t, replicaTimelines: _rt, sources: _src, ...r }: RunRecord) => r;

/** One RSA key for every replica (--replicas): a token from one is good at the others, as in a fleet. */
function writeSigningKey(outDir: string): string {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const file = path.join(outDir, 'bench-signing-key.pem');
  fs.writeFileSync(file, privateKey, { mode: 0o600 });
  return file;
}

/** Each target's tail over all its fixed-rate rounds (the timelines are wall-clock, so rounds concatenate). */
function tailSummaries(runs: RunRecord[]): Array<{ scenario: string; target: string; tail: TailBreakdown }> {
  const keys = [...new Set(runs.filter((r) => r.tail).map((r) => `${r.scenario}\u0000${r.target}`))];
  return keys.map((k) => {
    const [scenario, target] = k.split('\u0000');
    const mine = runs.filter((r) => r.scenario === scenario && r.target === target && r.sources);
    const cat = (f: (r: RunRecord) => Stall[] | number[] | undefined) => mine.flatMap((r) => (f(r) ?? []) as never[]);
    const replicas = mine[0]?.sources?.replicas?.length ?? 0;
    const tail = chargeTail(
      cat((r) => r.latenciesMs),
      cat((r) => r.sentAtMs),
      {
        target: cat((r) => r.sources!.target),
        replicas: replicas ? Array.from({ length: replicas }, (_, i) => mine.flatMap((r) => r.sources!.replicas?.[i] ?? [])) : undefined,
        core: cat((r) => r.sources!.core),
        client: cat((r) => r.sources!.client),
      },
      replicas ? mine.flatMap((r) => r.replicaOf ?? r.latenciesMs.map(() => 0)) : undefined,
    );
    return { scenario, target, tail };
  });
}

main(parseOptions(process.argv.slice(2)))
  .then((code) => terminate(code))
  .catch((e) => {
    console.error('bench failed:', e instanceof Error ? e.message : e);
    terminate(1);
  });
