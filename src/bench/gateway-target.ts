import { loadConfig } from '../config/load-config';
import { startServer } from '../server';
import { serveTarget } from './target-process';

/**
 * The gateway as the benchmark runs it: the real server in the bench profile (config/bench.json,
 * every policy on), its back ends pointed at the upstream stub through the usual
 * GATEWAY_BACKEND_<NAME>_URL variables the orchestrator sets.
 */
async function main(): Promise<void> {
  const config = loadConfig({ env: 'bench' });
  const running = await startServer(config);
  serveTarget(Number(new URL(running.httpUrl).port), () => running.stop());
}

main().catch((e) => {
  console.error('bench gateway failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
