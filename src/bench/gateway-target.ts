import { loadConfig } from '../gateway-config';
import { start } from '../main';
import { serveTarget } from './target-process';
import { terminate } from '../terminate';

/**
 * The gateway as the benchmark runs it: the real server in the bench profile (config/bench.json,
 * every policy on), its back ends pointed at the upstream stub through the usual
 * GATEWAY_BACKEND_<NAME>_URL variables the orchestrator sets.
 */
async function main(): Promise<void> {
  // BENCH_POLICIES (ablation runs only): the policy chain without some policies, to price each one
  const chain = process.env.BENCH_POLICIES;
  const config = loadConfig({ env: 'bench', overrides: chain === undefined ? undefined : { policies: { chain: chain.split(',').filter(Boolean) } } });
  const { running } = await start(config);
  serveTarget(Number(new URL(running.httpUrl).port), () => running.stop());
}

main().catch((e) => {
  console.error('bench gateway failed to start:', e instanceof Error ? e.message : e);
  terminate(1);
});
