import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKENDS, BACKEND_ENV } from '../gateway/backends';
import { loadConfig } from '../gateway-config';
import { projectPath } from '../paths';
import { NODE_FLAGS } from '../node-flags';
import { terminate } from '../terminate';
import { scenarios } from './scenarios';
import { startTarget, type Target } from './targets';
import { paced, type LoadRequest } from './load';
import { fetchToken, preflight } from './preflight';
import { percentiles, round } from './stats';
import { toMb } from './report';
import { growthVerdict } from './growth';
import { diffHeaps, readHeapSummary } from './heap-diff';
import { parseSoakOptions, type SoakOptions } from './soak-options';

/**
 * npm run bench:soak: the gateway alone at a fixed rate for minutes, its RSS and heap sampled
 * every few seconds, to tell a leak from a cache filling up: the growth per minute over the whole
 * run and over its second half, and (--heap-snapshots) what grew between a snapshot after the
 * warm-up and one at the end. JSON in <out>/soak-<time>.json.
 */
async function main(o: SoakOptions): Promise<number> {
  const outDir = path.resolve(projectPath(), o.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const scenario = scenarios().find((s) => s.name === o.scenario)!;
  const targets: Target[] = [];
  try {
    const stub = await startTarget('stub-direct', 'upstream-stub', {});
    targets.push(stub);
    const upstream = `http://127.0.0.1:${stub.port}`;
    const env = Object.fromEntries(BACKENDS.map((b) => [`GATEWAY_BACKEND_${BACKEND_ENV[b]}_URL`, `${upstream}/${b}`]));
    // --expose-gc: each sample is read after a full GC, so the heap figure is what is retained
    const flags = [...NODE_FLAGS, '--expose-gc', ...(o.gatewayNodeOptions?.split(/\s+/).filter(Boolean) ?? [])];
    const gateway = await startTarget('gateway', 'gateway-target', { ...env, GATEWAY_ENV: 'bench', LOG_FILE: path.join(outDir, 'soak-gateway.log'), ...o.env }, flags);
    targets.push(gateway);
    const config = loadConfig({ env: 'bench', environment: {} });
    const token = await fetchToken(gateway.port, config.clients.sandboxClientId, config.clients.sandboxClientSecret);
    let seq = 0;
    const req: LoadRequest = {
      port: gateway.port,
      method: scenario.method,
      path: scenario.path,
      headers: { client_id: config.clients.sandboxClientId, client_secret: config.clients.sandboxClientSecret, authorization: `Bearer ${token}` },
      body: scenario.body ? () => scenario.body!(++seq) : undefined,
    };
    await preflight('gateway', scenario.name, req);
    console.log(`soak: ${scenario.name} at ${o.rate} req/s for ${o.minutes} min, a sample every ${o.sampleSec} s (load average ${os.loadavg()[0].toFixed(2)})`);
    await paced(req, o.rate, o.warmupSec, o.sockets);
    const snapshots: string[] = [];
    const snapshot = async (label: string) => {
      const file = path.join(outDir, `soak-${label}.heapsnapshot`);
      await gateway.heapSnapshot(file);
      snapshots.push(file);
    };
    if (o.heapSnapshots) {
      await snapshot('start');
      console.log('soak: writing a heap snapshot takes memory of its own: RSS figures of this run include it; measure RSS growth in a run without --heap-snapshots');
    }
    await gateway.usage(); // starts the first window
    const started = performance.now();
    const samples = [];
    let failed = 0;
    while (performance.now() - started < o.minutes * 60_000) {
      const r = await paced(req, o.rate, o.sampleSec, o.sockets);
      const u = await gateway.usage({ gc: true });
      failed += r.failed;
      const [p50, p99] = percentiles(r.latenciesMs, [50, 99]);
      const sample = {
        minute: round((performance.now() - started) / 60_000, 3),
        ok: r.ok,
        failed: r.failed,
        p50Ms: round(p50, 3),
        p99Ms: round(p99, 3),
        rssMb: toMb(u.rssBytes),
        /** after a full GC: the live heap */
        heapUsedMb: toMb(u.heapUsedBytes),
        heapTotalMb: toMb(u.heapTotalBytes),
        externalMb: toMb(u.externalBytes),
        eventLoopDelayMs: u.runtime?.eventLoopDelayMs,
        gcPauseMs: u.runtime?.gc.pauseMs,
      };
      samples.push(sample);
      console.log(`  ${sample.minute.toFixed(2)} min: RSS ${sample.rssMb} MB, heap ${sample.heapUsedMb}/${sample.heapTotalMb} MB, p99 ${sample.p99Ms} ms, ${r.failed} failed`);
    }
    if (o.heapSnapshots) await snapshot('end');
    const rss = growthVerdict(samples.map((s) => [s.minute, s.rssMb]));
    const heap = growthVerdict(samples.map((s) => [s.minute, s.heapUsedMb]));
    const heapDiff = snapshots.length === 2 ? diffHeaps(readHeapSummary(snapshots[0]), readHeapSummary(snapshots[1])) : undefined;
    console.log(`RSS: ${rss.wholeMbPerMin} MB/min over the run, ${rss.secondHalfMbPerMin} MB/min in its second half: ${rss.levelsOff ? 'levels off' : 'still growing'}`);
    console.log(`heap used: ${heap.wholeMbPerMin} MB/min, second half ${heap.secondHalfMbPerMin} MB/min: ${heap.levelsOff ? 'levels off' : 'still growing'}`);
    if (heapDiff) {
      console.log(`heap snapshots: ${toMb(heapDiff.totalDeltaBytes)} MB more retained at the end; what grew most:`);
      for (const g of heapDiff.growth.slice(0, 10)) console.log(`  ${toMb(g.deltaBytes)} MB  ${g.name} (${g.countBefore} -> ${g.countAfter})`);
    }
    const result = { options: o, startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(), samples, rss, heap, heapDiff, failed };
    const file = path.join(outDir, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`results: ${path.relative(process.cwd(), file)}`);
    return failed ? 1 : 0;
  } finally {
    for (const t of targets.reverse()) await t.stop();
  }
}

if (require.main === module) {
  main(parseSoakOptions(process.argv.slice(2)))
    .then((code) => terminate(code))
    .catch((e) => {
      console.error('soak failed:', e instanceof Error ? e.message : e);
      terminate(1);
    });
}
