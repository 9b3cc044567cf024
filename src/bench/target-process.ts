/**
 * The little protocol between the bench orchestrator and each process it measures (upstream stub,
 * baseline proxy, gateway): the child says where it listens, answers CPU/RSS questions, and stops
 * on request, so a `node --cpu-prof` child exits cleanly and writes its profile.
 */
export type ToTarget = { type: 'usage' } | { type: 'stop' };

export interface TargetUsage {
  /** process.cpuUsage(): user + system microseconds since the process started. */
  cpuMicros: number;
  rssBytes: number;
  /** Peak resident set size over the process's life (process.resourceUsage().maxRSS). */
  maxRssBytes: number;
}

export type FromTarget = { type: 'ready'; port: number } | ({ type: 'usage' } & TargetUsage);

export function usageNow(): TargetUsage {
  const cpu = process.cpuUsage();
  return { cpuMicros: cpu.user + cpu.system, rssBytes: process.memoryUsage.rss(), maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

/** Runs in the child: announces the port, answers usage questions, calls stop() then exits. */
export function serveTarget(port: number, stop: () => Promise<void>): void {
  const send = (m: FromTarget) => process.send?.(m);
  process.on('message', (m: ToTarget) => {
    if (m.type === 'usage') send({ type: 'usage', ...usageNow() });
    else if (m.type === 'stop') {
      void stop().finally(() => process.exit(0));
    }
  });
  // orphaned (the orchestrator died): do not linger
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  send({ type: 'ready', port });
}
