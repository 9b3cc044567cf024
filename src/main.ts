/**
 * The process entry point (npm start, the image): the composition root. It loads the
 * configuration, plugs in the simulated cores when the profile embeds them (loaded only then:
 * a qa or prod process never loads the sandbox), starts the server and handles the signals.
 */
// first: tracing must start before express, http and undici are loaded (no-op when it is off)
import { tracingSdk } from './start-tracing';
import { ConfigError, loadConfig, type GatewayConfig } from './gateway-config';
import { banner, startServer, type RunningGateway } from './server';
import { terminate } from './terminate';
import { closeLogger, reopenLogFiles } from './observability/logger';
import type { SandboxHandle } from './sandbox/server';

export interface Started {
  running: RunningGateway;
  /** The simulated cores, when the profile embeds them. */
  sandbox?: SandboxHandle;
  /** What the start-up banner prints. */
  banner: string;
}

/** Starts the gateway as `npm start` does: the simulated cores first when sandbox.enabled. */
export async function start(base: GatewayConfig): Promise<Started> {
  if (!base.sandbox.enabled) {
    const running = await startServer(base);
    return { running, banner: banner(base, running) };
  }
  const { attachSandbox } = await import('./sandbox/attach');
  const attached = await attachSandbox(base);
  const running = await startServer(attached.config, { extensions: attached.extensions, onStopped: () => attached.sandbox.close() });
  return { running, sandbox: attached.sandbox, banner: banner(attached.config, running, attached.bannerLines(running.httpUrl)) };
}

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`gateway not started: ${e.message}`);
      terminate(78); // EX_CONFIG
    }
    throw e;
  }
  const { running, banner: text } = await start(config);
  console.log(text);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.gw.services.logger.info('shutting down', { signal });
    await running.stop();
    await tracingSdk?.shutdown().catch(() => undefined); // the last spans are exported
    await closeLogger(running.gw.services.logger);
    terminate(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // logrotate's postrotate: the log file is reopened under its name, no line lost
  process.on('SIGHUP', () => reopenLogFiles(running.gw.services.logger));
}

if (require.main === module) {
  main().catch((e) => {
    console.error('gateway failed to start:', e instanceof Error ? e.message : e);
    terminate(1);
  });
}
