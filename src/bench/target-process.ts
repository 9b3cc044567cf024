import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector';
import v8 from 'node:v8';
import { terminate } from '../terminate';
import { RuntimeStatsCollector, type RuntimeStats } from './runtime-stats';

/**
 * The little protocol between the bench orchestrator and each process it measures (upstream stub,
 * baseline proxy, gateway): the child says where it listens, answers CPU/RSS questions, records a
 * CPU profile of just the measured window when asked, and stops on request.
 */
export type ToTarget =
  | { type: 'usage'; gc?: boolean }
  | { type: 'stop' }
  | { type: 'profile-start'; kind: ProfileKind }
  | { type: 'profile-stop'; file: string }
  | { type: 'heap-snapshot'; file: string };

/**
 * cpu: V8 CPU profile (.cpuprofile); alloc: sampling heap profile of everything allocated;
 * alloc-live: of what is still alive when it stops; alloc-promoted: of what outlived the young
 * generation (promoted, then maybe freed by a major GC): what makes the old generation grow.
 */
export type ProfileKind = 'cpu' | 'alloc' | 'alloc-live' | 'alloc-promoted';

export interface TargetUsage {
  /** process.cpuUsage(): user + system microseconds since the process started. */
  cpuMicros: number;
  /** Of which in the kernel (socket writes and reads, mostly). */
  cpuSystemMicros: number;
  rssBytes: number;
  /** Peak resident set size over the process's life (process.resourceUsage().maxRSS). */
  maxRssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  /** Event-loop delay and GC pauses since the previous usage answer (the measured window). */
  runtime?: RuntimeStats;
}

export type FromTarget =
  | { type: 'ready'; port: number }
  | ({ type: 'usage' } & TargetUsage)
  | { type: 'profile'; file?: string; error?: string }
  | { type: 'heap-snapshot'; file?: string; error?: string };

export function usageNow(): TargetUsage {
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return {
    cpuMicros: cpu.user + cpu.system,
    cpuSystemMicros: cpu.system,
    rssBytes: mem.rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: mem.heapUsed,
    heapTotalBytes: mem.heapTotal,
    externalBytes: mem.external,
  };
}

/** A V8 profile of a window chosen by the orchestrator (start-up and idle time left out). */
export class WindowProfiler {
  private session?: Session;
  private kind: ProfileKind = 'cpu';

  start(kind: ProfileKind): void {
    this.kind = kind;
    this.session = new Session();
    this.session.connect();
    if (kind === 'cpu') {
      this.session.post('Profiler.enable');
      this.session.post('Profiler.setSamplingInterval', { interval: 100 });
      this.session.post('Profiler.start');
    } else {
      this.session.post('HeapProfiler.enable');
      // includeObjectsCollectedBy*GC: count what was allocated, not only what survived
      this.session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: kind !== 'alloc-live',
        includeObjectsCollectedByMinorGC: kind === 'alloc',
      } as object);
    }
  }

  stop(file: string): Promise<string> {
    const session = this.session;
    if (!session) return Promise.reject(new Error('profiler not started'));
    const method = this.kind === 'cpu' ? 'Profiler.stop' : 'HeapProfiler.stopSampling';
    return new Promise((resolve, reject) =>
      session.post(method, (err, res: { profile?: unknown }) => {
        session.disconnect();
        this.session = undefined;
        if (err) return reject(err);
        fs.writeFileSync(file, JSON.stringify(res.profile));
        resolve(file);
      }),
    );
  }
}

/** Runs in the child: announces the port, answers usage and profile requests, calls stop() then exits. */
export function serveTarget(port: number, stop: () => Promise<void>): void {
  const send = (m: FromTarget) => process.send?.(m);
  const profiler = new WindowProfiler();
  const runtime = new RuntimeStatsCollector();
  process.on('message', (m: ToTarget) => {
    if (m.type === 'usage') {
      // diagnostics: with node --expose-gc, the heap that is really retained
      const gc = (globalThis as { gc?: () => void }).gc;
      if (m.gc && gc) gc();
      send({ type: 'usage', ...usageNow(), runtime: runtime.take() });
    }
    else if (m.type === 'profile-start') {
      profiler.start(m.kind);
      send({ type: 'profile' });
    } else if (m.type === 'profile-stop') {
      profiler.stop(m.file).then(
        (file) => send({ type: 'profile', file }),
        (e: Error) => send({ type: 'profile', error: e.message }),
      );
    } else if (m.type === 'heap-snapshot') {
      // synchronous, after a full GC: what is really retained (the soak compares two of them)
      try {
        send({ type: 'heap-snapshot', file: v8.writeHeapSnapshot(m.file) });
      } catch (e) {
        send({ type: 'heap-snapshot', error: (e as Error).message });
      }
    } else if (m.type === 'stop') {
      void stop().finally(() => terminate(0));
    }
  });
  // orphaned (the orchestrator died): do not linger
  process.on('disconnect', () => void stop().finally(() => terminate(0)));
  send({ type: 'ready', port });
}

/**
 * The main of a forwarding target (baseline proxy, library floor): its app over node:http on
 * loopback, pointed at the upstream stub the orchestrator names in BENCH_UPSTREAM_URL.
 */
export function serveForwardingTarget(createApp: (upstreamUrl: string) => http.RequestListener): void {
  const upstream = process.env.BENCH_UPSTREAM_URL;
  if (!upstream) throw new Error('BENCH_UPSTREAM_URL is required');
  const server = http.createServer({ keepAliveTimeout: 65_000 }, createApp(upstream));
  server.listen(0, '127.0.0.1', () => {
    serveTarget((server.address() as AddressInfo).port, async () => {
      server.closeAllConnections();
      server.close();
    });
  });
}
