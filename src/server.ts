import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from './gateway-config';
import { buildApp, type AppExtension, type GatewayApp } from './app';
import { answerClientError } from './errors/client-error';

export interface RunningGateway {
  gw: GatewayApp;
  httpUrl: string;
  httpsUrl?: string;
  /** Stops accepting, lets in-flight requests finish (up to server.shutdownGraceMs), then releases everything. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Handed in from outside the runtime (src/sandbox/main.ts): the sandbox's admin API. */
  extensions?: AppExtension[];
  /** Runs last at stop, after the gateway released its resources (the simulated cores stop here). */
  onStopped?: () => Promise<void>;
}

const listen = (server: http.Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

/** Builds the gateway and listens (HTTP, and HTTPS when a certificate is configured). */
export async function startServer(config: GatewayConfig, opts: ServerOptions = {}): Promise<RunningGateway> {
  const gw = await buildApp(config, { extensions: opts.extensions, defaultMetrics: true });
  const servers: http.Server[] = [];
  const httpServer = http.createServer({ keepAliveTimeout: 65_000 }, gw.app);
  // Node's own parser rejections (431, 400) answered in the envelope
  const onClientError = answerClientError(gw.services.logger);
  httpServer.on('clientError', onClientError);
  const port = await listen(httpServer, config.server.port, config.server.host);
  servers.push(httpServer);
  let httpsUrl: string | undefined;
  if (config.server.tls.certFile) {
    const tls = https.createServer({ cert: fs.readFileSync(config.server.tls.certFile), key: fs.readFileSync(config.server.tls.keyFile) }, gw.app);
    tls.on('clientError', onClientError);
    httpsUrl = `https://localhost:${await listen(tls, config.server.tls.port, config.server.host)}`;
    servers.push(tls);
  }
  return {
    gw,
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
      await opts.onStopped?.();
    },
  };
}

export function banner(config: GatewayConfig, running: RunningGateway, more: string[] = []): string {
  const base = running.httpUrl;
  const lines = [`bank-api-gateway (${config.env}) listening on ${base}`];
  if (running.httpsUrl) lines.push(`  HTTPS:   ${running.httpsUrl}`);
  lines.push(`  docs:    ${base}/docs`, `  health:  ${base}/health   ready: ${base}/ready   metrics: ${base}/metrics`, ...more);
  return lines.join('\n');
}
