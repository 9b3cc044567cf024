import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/gateway-config';
import { SANDBOX_PEPPER } from '../../../src/config/schema';

describe('loadConfig', () => {
  it('when nothing is set, then the sandbox profile is used with port 8081', () => {
    const c = loadConfig({ environment: {} });
    expect(c.env).toBe('sandbox');
    expect(c.server.port).toBe(8081);
    expect(c.sandbox.enabled).toBe(true);
  });

  it('when GATEWAY_ENV and PORT are set, then they override the profile and defaults', () => {
    const c = loadConfig({ environment: { GATEWAY_ENV: 'test', PORT: '9090' } });
    expect(c.env).toBe('test');
    expect(c.server.port).toBe(9090);
    expect(c.policies.validation.responses).toBe('fail');
  });

  it('when NODE_ENV names a profile, then it selects it', () => {
    expect(loadConfig({ environment: { NODE_ENV: 'test' } }).env).toBe('test');
  });

  it('when a value is malformed, then loading fails with a message naming the key', () => {
    expect(() => loadConfig({ environment: { PORT: 'eighty' } })).toThrow(/server\.port/);
    expect(() => loadConfig({ environment: { GATEWAY_BACKEND_BANKMASTER_TIMEOUT_MS: '-5' } })).toThrow(/backends\.bankmaster\.timeoutMs/);
    expect(() => loadConfig({ environment: { GATEWAY_VALIDATE_RESPONSES: 'sometimes' } })).toThrow(/validation\.responses/);
  });

  it('when an unknown profile is requested, then it is refused', () => {
    expect(() => loadConfig({ environment: { GATEWAY_ENV: 'staging' } })).toThrow(ConfigError);
  });

  it('when the prod profile lacks its secrets and URLs, then every missing key is named', () => {
    let message = '';
    try {
      loadConfig({ environment: { GATEWAY_ENV: 'prod' } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/clients\.file \(GATEWAY_CLIENTS_FILE\)/);
    expect(message).toMatch(/auth\.publicKeyFile \(JWT_PUBLIC_KEY_FILE\) or auth\.jwksUri/);
    expect(message).toMatch(/backends\.bankmaster\.baseUrl/);
    expect(message).toMatch(/backends\.investmentFunds\.baseUrl/);
    expect(message).toMatch(/clients\.secretPepper \(GATEWAY_CLIENT_SECRET_PEPPER\) is required in qa\/prod/);
  });

  it('when qa or prod gets the public sandbox pepper or a short one, then it refuses to start naming the key', () => {
    for (const pepper of [SANDBOX_PEPPER, 'short-pepper']) {
      expect(() => loadConfig({ environment: { GATEWAY_ENV: 'qa', GATEWAY_CLIENT_SECRET_PEPPER: pepper } })).toThrow(/clients\.secretPepper/);
    }
  });

  it('when prod gets its keys from the environment, then it loads without committed secrets', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-'));
    const clients = path.join(dir, 'clients.json');
    const key = path.join(dir, 'issuer.pem');
    fs.writeFileSync(clients, JSON.stringify({ clients: [] }));
    fs.writeFileSync(key, 'not read at load time');
    const env: NodeJS.ProcessEnv = {
      GATEWAY_ENV: 'prod',
      GATEWAY_CLIENTS_FILE: clients,
      JWT_PUBLIC_KEY_FILE: key,
      GATEWAY_CLIENT_SECRET_PEPPER: 'a-pepper-from-the-secret-store-0123456789',
    };
    for (const b of ['BANKMASTER', 'STARLT', 'OPENCARD', 'TRANSFIYA', 'DECISION_ENGINE', 'AGREEMENTS', 'INVESTMENT_FUNDS']) {
      env[`GATEWAY_BACKEND_${b}_URL`] = `https://${b.toLowerCase()}.core.example.invalid`;
    }
    const c = loadConfig({ environment: env });
    expect(c.env).toBe('prod');
    expect(c.auth.issueTokens).toBe(false);
    expect(c.sandbox.enabled).toBe(false);
    expect(c.clients.secretPepper).toBe('a-pepper-from-the-secret-store-0123456789');
  });

  it('when the config is loaded, then it is frozen', () => {
    const c = loadConfig({ environment: {} });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.backends.bankmaster.breaker)).toBe(true);
  });

  it('when only one TLS file is configured, then loading fails naming both keys', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gw-')), 'cert.pem');
    fs.writeFileSync(file, 'x');
    expect(() => loadConfig({ environment: { GATEWAY_TLS_CERT_FILE: file } })).toThrow(/server\.tls\.certFile and server\.tls\.keyFile/);
  });

  it('when a committed qa or prod profile is read, then it holds no secret', () => {
    for (const p of ['qa', 'prod']) {
      const text = fs.readFileSync(path.join(__dirname, '../../../config', `${p}.json`), 'utf8');
      expect(text).not.toMatch(/secret|password|BEGIN .*PRIVATE KEY/i);
    }
  });
});

describe('every configuration key', () => {
  const leaves: Array<[string, { env?: string; doc?: string }]> = [];
  const walk = (node: Record<string, any>, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object' && 'default' in v) leaves.push([key, v]);
      else if (v && typeof v === 'object') walk(v, key);
    }
  };
  walk(require('../../../src/gateway-config').gatewaySchema, '');

  it('when the schema is read, then each key has a doc and its own environment variable', () => {
    for (const [key, leaf] of leaves) {
      expect({ key, doc: Boolean(leaf.doc), env: Boolean(leaf.env) }).toEqual({ key, doc: true, env: true });
    }
    const envs = leaves.map(([, l]) => l.env);
    expect(new Set(envs).size).toBe(envs.length);
  });

  it('when lists and maps come from env vars, then they are parsed', () => {
    const c = loadConfig({
      environment: {
        GATEWAY_RATE_LIMIT_TIERS: 'gold=10,bronze=2',
        JWT_ALGORITHMS: 'RS256,ES256',
        GATEWAY_POLICY_CHAIN: 'client-id-enforcement, jwt-validation',
        GATEWAY_CORS_ORIGINS: 'https://a.example,https://b.example',
        GATEWAY_BACKEND_STARLT_BREAKER_VOLUME: '7',
      },
    });
    expect(c.policies.rateLimit.tiers).toEqual({ gold: 10, bronze: 2 });
    expect(c.auth.algorithms).toEqual(['RS256', 'ES256']);
    expect(c.policies.chain).toEqual(['client-id-enforcement', 'jwt-validation']);
    expect(c.policies.cors.origins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.backends.starlt.breaker.volumeThreshold).toBe(7);
    expect(() => loadConfig({ environment: { JWT_ALGORITHMS: 'HS256' } })).toThrow(/auth\.algorithms/);
    expect(() => loadConfig({ environment: { GATEWAY_RATE_LIMIT_TIERS: 'gold=lots' } })).toThrow(/policies\.rateLimit\.tiers/);
  });
});
