import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, withOverrides, type GatewayConfig } from './config/load-config';
import { BACKENDS } from './config/schema';
import { buildApp, type GatewayApp } from './app';
import { startSandbox, type SandboxHandle } from './sandbox/server';
import { terminate } from './terminate';
import { closeLogger, reopenLogFiles } from './observability/logger';

/** Points every back end without a configured URL at the simulated cores. */
export function withSandboxBackends(config: GatewayConfig, sandbox: SandboxHandle): GatewayConfig {
  return withOverrides(config, (d) => {
    for (const b of BACKENDS) if (!d.backends[b].baseUrl) d.backends[b].baseUrl = sandbox.urls[b];
  });
}

export interface RunningGateway {
  gw: GatewayApp;
  sandbox?: SandboxHandle;
  httpUrl: string;
  httpsUrl?: string;
  /** Stops accepting, lets in-flight requests finish (up to server.shutdownGraceMs), stops the sandbox. */
  stop(): Promise<void>;
}

const listen = (server: http.Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

/** Starts the gateway (and, in the sandbox profile, the simulated cores) and listens. */
export async function startServer(base: GatewayConfig): Promise<RunningGateway> {
  let config = base;
  let sandbox: SandboxHandle | undefined;
  if (config.sandbox.enabled) {
    sandbox = await startSandbox({ port: config.sandbox.port });
    config = withSandboxBackends(config, sandbox);
  }
  const gw = await buildApp(config, { sandbox, defaultMetrics: true });
  const servers: http.Server[] = [];
  const httpServer = http.createServer({ keepAliveTimeout: 65_000 }, gw.app);
  const port = await listen(httpServer, config.server.port, config.server.host);
  servers.push(httpServer);
  let httpsUrl: string | undefined;
  if (config.server.tls.certFile) {
    const tls = https.createServer({ cert: fs.readFileSync(config.server.tls.certFile), key: fs.readFileSync(config.server.tls.keyFile) }, gw.app);
    httpsUrl = `https://localhost:${await listen(tls, config.server.tls.port, config.server.host)}`;
    servers.push(tls);
  }
  return {
    gw,
    sandbox,
    httpUrl: `http://localhost:${port}`,
    httpsUrl,
    async stop() {
      // /ready answers 503 at once; the cores' connections close only when no request is in
      // flight, so a call that arrives while draining still reaches its core
      gw.state.draining = true;
      const force = setTimeout(() => servers.forEach((s) => s.closeAllConnections()), config.server.shutdownGraceMs);
      force.unref();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeIdleConnections();
            }),
        ),
      );
      clearTimeout(force);
      await gw.close();
      await sandbox?.close();
    },
  };
}

export function banner(config: GatewayConfig, running: RunningGateway): string {
  const base = running.httpUrl;
  const lines = [`bank-api-gateway (${config.env}) listening on ${base}`];
  if (running.httpsUrl) lines.push(`  HTTPS:   ${running.httpsUrl}`);
  lines.push(`  docs:    ${base}/docs`, `  health:  ${base}/health   ready: ${base}/ready   metrics: ${base}/metrics`);
  if (running.sandbox) {
    lines.push(
      `  sandbox: simulated cores on ${running.sandbox.url}`,
      `  demo client_id:     ${config.clients.sandboxClientId}`,
      `  demo client_secret: ${config.clients.sandboxClientSecret}`,
      `  token:   curl -s -X POST ${base}/oauth/token -u '${config.clients.sandboxClientId}:${config.clients.sandboxClientSecret}' -d grant_type=client_credentials`,
    );
  }
  return lines.join('\n');
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
  const running = await startServer(config);
  console.log(banner(config, running));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.gw.services.logger.info('shutting down', { signal });
    await running.stop();
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
