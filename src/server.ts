import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, withOverrides, type GatewayConfig } from './config/load-config';
import { BACKENDS } from './config/schema';
import { buildApp } from './app';
import { startSandbox, type SandboxHandle } from './sandbox/server';

/** Points every back end without a configured URL at the simulated cores. */
export function withSandboxBackends(config: GatewayConfig, sandbox: SandboxHandle): GatewayConfig {
  return withOverrides(config, (d) => {
    for (const b of BACKENDS) if (!d.backends[b].baseUrl) d.backends[b].baseUrl = sandbox.urls[b];
  });
}

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`gateway not started: ${e.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  let sandbox: SandboxHandle | undefined;
  if (config.sandbox.enabled) {
    sandbox = await startSandbox({ port: config.sandbox.port });
    config = withSandboxBackends(config, sandbox);
  }
  const gw = await buildApp(config, { sandbox, defaultMetrics: true });
  const servers: http.Server[] = [];
  const httpServer = http.createServer({ keepAliveTimeout: 65_000 }, gw.app);
  await new Promise<void>((resolve) => httpServer.listen(config.server.port, config.server.host, resolve));
  servers.push(httpServer);
  const port = (httpServer.address() as AddressInfo).port;
  const base = `http://localhost:${port}`;
  const lines = [`bank-api-gateway (${config.env}) listening on ${base}`];
  if (config.server.tls.certFile) {
    const tls = https.createServer({ cert: fs.readFileSync(config.server.tls.certFile), key: fs.readFileSync(config.server.tls.keyFile) }, gw.app);
    await new Promise<void>((resolve) => tls.listen(config.server.tls.port, config.server.host, resolve));
    servers.push(tls);
    lines.push(`  HTTPS on https://localhost:${(tls.address() as AddressInfo).port}`);
  }
  lines.push(`  docs:    ${base}/docs`, `  health:  ${base}/health   ready: ${base}/ready   metrics: ${base}/metrics`);
  if (sandbox) {
    lines.push(
      `  sandbox: simulated cores on ${sandbox.url}`,
      `  demo client_id:     ${config.clients.sandboxClientId}`,
      `  demo client_secret: ${config.clients.sandboxClientSecret}`,
      `  token:   curl -s -X POST ${base}/oauth/token -u '${config.clients.sandboxClientId}:${config.clients.sandboxClientSecret}' -d grant_type=client_credentials`,
    );
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    gw.services.logger.info('shutting down', { signal });
    await gw.close();
    const force = setTimeout(() => process.exit(1), config.server.shutdownGraceMs);
    force.unref();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeIdleConnections();
    })));
    await sandbox?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

if (require.main === module) {
  main().catch((e) => {
    console.error('gateway failed to start:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
