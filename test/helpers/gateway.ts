import { PassThrough } from 'node:stream';
import nock from './nock';
import request from 'supertest';
import { loadConfig, withOverrides, type GatewayConfig } from '../../src/gateway-config';
import { buildApp, type BuildOptions, type GatewayApp } from '../../src/app';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server';
import { sandboxExtensions, withSandboxBackends } from '../../src/sandbox/attach';

export const DEMO_CLIENT_ID = 'sandbox-demo-client';
export const DEMO_CLIENT_SECRET = 'sandbox-demo-secret-change-me';
/** The sandbox admin API's demo credentials (HTTP Basic): supertest's .auth(...SANDBOX_ADMIN). */
export const SANDBOX_ADMIN = ['sandbox-admin', 'sandbox-admin-secret-change-me'] as const;

export interface TestGateway {
  gw: GatewayApp;
  app: GatewayApp['app'];
  config: GatewayConfig;
  sandbox: SandboxHandle;
  /** JSON log lines written so far (tests assert on them). */
  logs: Array<Record<string, unknown>>;
  rawLog: () => string;
  /** A real signed access token from POST /oauth/token. */
  token(clientId?: string, secret?: string): Promise<string>;
  /** client_id, client_secret and Authorization headers for the demo client. */
  auth(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * The whole gateway in-process against the simulated cores on loopback: no other network.
 * Config is the test profile plus overrides (e.g. { policies: { rateLimit: { tiers: {...} } } }).
 */
export async function startGateway(overrides: Record<string, unknown> = {}, opts: BuildOptions & { sandbox?: SandboxHandle } = {}): Promise<TestGateway> {
  const { sandbox: given, ...build } = opts;
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));
  const sandbox = given ?? (await startSandbox());
  const config = withSandboxBackends(loadConfig({ env: 'test', overrides, environment: {} }), sandbox);
  const stream = new PassThrough();
  let raw = '';
  stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
  const gw = await buildApp(config, { logStream: stream, ...build, extensions: sandboxExtensions(config, sandbox) });
  const parsed = () =>
    raw
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  let cached: string | undefined;
  const token = async (clientId = DEMO_CLIENT_ID, secret = DEMO_CLIENT_SECRET) => {
    const res = await request(gw.app).post('/oauth/token').auth(clientId, secret).type('form').send({ grant_type: 'client_credentials' });
    if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.access_token as string;
  };
  return {
    gw,
    app: gw.app,
    config,
    sandbox,
    get logs() {
      return parsed();
    },
    rawLog: () => raw,
    token,
    async auth() {
      cached ??= await token();
      return { client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, Authorization: `Bearer ${cached}` };
    },
    async close() {
      await gw.close();
      if (!given) await sandbox.close();
      nock.enableNetConnect();
    },
  };
}

export { withOverrides };
