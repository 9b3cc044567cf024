import { withOverrides, type GatewayConfig } from '../gateway-config';
import { BACKENDS } from '../gateway/backends';
import type { AppExtension } from '../app';
import { startSandbox, type SandboxHandle } from './server';
import { createSandboxAdminRouter } from './admin-router';

/** Points every back end without a configured URL at the simulated cores. */
export function withSandboxBackends(config: GatewayConfig, sandbox: SandboxHandle): GatewayConfig {
  return withOverrides(config, (d) => {
    for (const b of BACKENDS) if (!d.backends[b].baseUrl) d.backends[b].baseUrl = sandbox.urls[b];
  });
}

/** The sandbox's admin API, where the profile allows it (sandbox and test, fault injection on). */
export function sandboxExtensions(config: GatewayConfig, sandbox: SandboxHandle): AppExtension[] {
  const allowed = (config.env === 'sandbox' || config.env === 'test') && config.sandbox.faultInjection;
  const credentials = { user: config.sandbox.adminUser, secret: config.sandbox.adminSecret };
  return allowed ? [{ path: '/sandbox', handler: createSandboxAdminRouter(sandbox, credentials) }] : [];
}

export interface AttachedSandbox {
  sandbox: SandboxHandle;
  /** The configuration with the back ends pointed at the simulated cores. */
  config: GatewayConfig;
  extensions: AppExtension[];
  /** What the start-up banner adds: the simulated cores and the demo client. */
  bannerLines(baseUrl: string): string[];
}

/** Starts the simulated cores for a gateway about to be built with the returned config and extensions. */
export async function attachSandbox(base: GatewayConfig): Promise<AttachedSandbox> {
  const sandbox = await startSandbox({ port: base.sandbox.port, host: base.sandbox.host });
  const config = withSandboxBackends(base, sandbox);
  const { sandboxClientId: id, sandboxClientSecret: secret } = config.clients;
  return {
    sandbox,
    config,
    extensions: sandboxExtensions(config, sandbox),
    bannerLines: (base) => [
      `  sandbox: simulated cores on ${sandbox.url}`,
      `  demo client_id:     ${id}`,
      `  demo client_secret: ${secret}`,
      `  token:   curl -s -X POST ${base}/oauth/token -u '${id}:${secret}' -d grant_type=client_credentials`,
      `  sandbox admin (/sandbox/faults, /sandbox/otp, HTTP Basic): ${config.sandbox.adminUser}:${config.sandbox.adminSecret}`,
    ],
  };
}
