/**
 * npm run sandbox:cores: the simulated cores alone, without a gateway, for a fleet of gateway
 * replicas to share (docker-compose's `cores` service). Bound to sandbox.host and sandbox.port
 * (GATEWAY_SANDBOX_HOST, GATEWAY_SANDBOX_PORT); prints the GATEWAY_BACKEND_<NAME>_URL lines the
 * gateways need. Their state (ledger, Transfiya, OTPs) lives in this process: one set of cores,
 * whichever replica calls them, as a real bank's cores are.
 */
import { loadConfig } from '../gateway-config';
import { BACKENDS, BACKEND_ENV } from '../gateway/backends';
import { startSandbox, type SandboxHandle } from './server';
import { terminate } from '../terminate';

export interface RunningCores {
  sandbox: SandboxHandle;
  /** What it prints: where it listens and one env line per back end. */
  lines: string[];
}

export async function startCores(settings: { host: string; port: number }): Promise<RunningCores> {
  const sandbox = await startSandbox({ host: settings.host, port: settings.port });
  const base = sandbox.url;
  const lines = [
    `simulated cores (sandbox) listening on ${settings.host}:${new URL(base).port}; health: ${base}/health`,
    'point each gateway replica at them (from another host or container, use this one\'s name):',
    ...BACKENDS.map((b) => `  GATEWAY_BACKEND_${BACKEND_ENV[b]}_URL=${sandbox.urls[b]}`),
  ];
  return { sandbox, lines };
}

async function main(): Promise<void> {
  // the sandbox section only; the profile's other keys (and its checks) do not apply to the cores
  const { sandbox: settings } = loadConfig({ env: 'sandbox' });
  const { sandbox, lines } = await startCores({ host: settings.host, port: settings.port });
  console.log(lines.join('\n'));
  const stop = () => void sandbox.close().then(() => terminate(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((e) => {
    console.error('simulated cores failed to start:', e instanceof Error ? e.message : e);
    terminate(1);
  });
}
