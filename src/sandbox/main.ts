/**
 * What `npm start` runs: the gateway with the simulated cores plugged in when the profile embeds
 * them (sandbox.enabled, the default sandbox profile), else the gateway alone, as src/main.ts starts
 * it. The runtime never imports this file: it plugs into the gateway from outside, through the
 * configuration (back-end URLs) and the app's extensions (the sandbox's admin API).
 */
// first (through ../main): tracing starts before express, http and undici are loaded
import { failedToStart, runMain, start as startGateway, type Started } from '../main';
import { startServer, banner } from '../server';
import type { GatewayConfig } from '../gateway-config';
import { attachSandbox } from './attach';
import type { SandboxHandle } from './server';

export interface SandboxStarted extends Started {
  /** The simulated cores, when the profile embeds them. */
  sandbox?: SandboxHandle;
}

/** Starts the simulated cores first when sandbox.enabled, then the gateway pointed at them. */
export async function start(base: GatewayConfig): Promise<SandboxStarted> {
  if (!base.sandbox.enabled) return startGateway(base);
  const attached = await attachSandbox(base);
  try {
    const running = await startServer(attached.config, { extensions: attached.extensions, onStopped: () => attached.sandbox.close() });
    return { running, sandbox: attached.sandbox, banner: banner(attached.config, running, attached.bannerLines(running.httpUrl)) };
  } catch (e) {
    await attached.sandbox.close(); // the gateway did not start (port taken...): the cores' port is freed too
    throw e;
  }
}

if (require.main === module) runMain(start).catch(failedToStart);
