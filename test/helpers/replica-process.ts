/**
 * A gateway replica in its own process, for the test that kills one with SIGKILL mid-call: run
 * with `node -r ts-node/register/transpile-only`, configured by environment variables only (as a
 * container is), it tells its parent its port over IPC once it listens.
 */
import { loadConfig } from '../../src/gateway-config';
import { startServer } from '../../src/server';

async function main(): Promise<void> {
  const running = await startServer(loadConfig());
  process.send?.({ type: 'ready', port: Number(new URL(running.httpUrl).port) });
}

main().catch((e) => {
  console.error('replica failed to start:', e instanceof Error ? e.message : e);
  process.exitCode = 1;
  process.disconnect?.();
});
