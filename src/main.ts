/**
 * The gateway's process entry point (the image's CMD): the composition root of the runtime. It
 * loads the configuration, starts the server and handles the signals. It knows nothing of the
 * simulated cores: `npm start` runs src/sandbox/main.ts, which plugs them in and then hands its
 * own start function to runMain below.
 */
// first: tracing must start before express, http and undici are loaded (no-op when it is off)
import { tracingSdk } from './start-tracing';
import { ConfigError, loadConfig, type GatewayConfig } from './gateway-config';
import { banner, startServer, type RunningGateway } from './server';
import { terminate } from './terminate';
import { closeLogger, reopenLogFiles } from './observability/logger';

export interface Started {
  running: RunningGateway;
  /** What the start-up banner prints. */
  banner: string;
}

/**
 * Starts the gateway on the configured back ends. A profile that embeds the simulated cores
 * (sandbox.enabled) is refused here: they are started by the sandbox entry point (npm start).
 */
export async function start(config: GatewayConfig): Promise<Started> {
  if (config.sandbox.enabled) {
    throw new ConfigError(
      `the ${config.env} profile embeds the simulated cores (sandbox.enabled), which this entry point does not start: ` +
        'run `npm start` (dist/src/sandbox/main.js), or set GATEWAY_ENV to qa or prod with the back ends\' URLs',
    );
  }
  const running = await startServer(config);
  return { running, banner: banner(config, running) };
}

/** Runs a gateway process: configuration, start, banner, and the signals (stop, log reopen). */
export async function runMain(startGateway: (config: GatewayConfig) => Promise<Started>): Promise<void> {
  let started: Started;
  try {
    started = await startGateway(loadConfig());
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`gateway not started: ${e.message}`);
      terminate(78); // EX_CONFIG
    }
    throw e;
  }
  const { running, banner: text } = started;
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

/** The last word of a process that could not start: one line, no stack. */
export function failedToStart(e: unknown): never {
  console.error('gateway failed to start:', e instanceof Error ? e.message : e);
  return terminate(1);
}

if (require.main === module) runMain(start).catch(failedToStart);
