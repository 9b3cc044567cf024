import fs from 'node:fs';
import path from 'node:path';
import convict from 'convict';
import { BACKENDS } from '../gateway/backends';
import { SANDBOX_PEPPER, type CoreConfig } from './schema';
import { projectPath } from '../paths';

export class ConfigError extends Error {}

export interface LoadOptions {
  /** Profile name; defaults to GATEWAY_ENV, then NODE_ENV when it names a profile, then sandbox. */
  env?: string;
  /** Extra values merged over the profile file (tests use this instead of env vars). */
  overrides?: Record<string, unknown>;
  /** Environment variables to read (defaults to process.env). */
  environment?: NodeJS.ProcessEnv;
}

const PROFILES = ['sandbox', 'qa', 'prod', 'bench', 'test'];

export function resolveProfile(environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.GATEWAY_ENV) return environment.GATEWAY_ENV;
  if (environment.NODE_ENV && PROFILES.includes(environment.NODE_ENV)) return environment.NODE_ENV;
  return 'sandbox';
}

/**
 * Loads, validates and freezes a configuration of the given schema (the core sections plus each
 * policy's and API's: src/gateway-config.ts assembles it). Throws ConfigError naming every bad key.
 */
export function loadConfigFrom<C extends CoreConfig>(schema: object, opts: LoadOptions = {}): C {
  const environment = opts.environment ?? process.env;
  const profile = opts.env ?? resolveProfile(environment);
  if (!PROFILES.includes(profile)) {
    throw new ConfigError(`config key "env": unknown profile "${profile}" (expected one of ${PROFILES.join(', ')})`);
  }
  // convict reads process.env; give it the environment we were handed.
  const saved = process.env;
  process.env = { ...environment, GATEWAY_ENV: profile };
  let conf!: convict.Config<unknown>;
  try {
    conf = convict(schema as convict.Schema<unknown>);
    const file = projectPath('config', `${profile}.json`);
    if (fs.existsSync(file)) {
      try {
        conf.loadFile(file);
      } catch (e) {
        throw new ConfigError(`config file ${path.basename(file)}: ${(e as Error).message}`);
      }
    }
    if (opts.overrides) conf.load(opts.overrides);
    try {
      conf.validate({ allowed: 'strict' });
    } catch (e) {
      throw new ConfigError(`invalid configuration: ${(e as Error).message}`);
    }
  } finally {
    process.env = saved;
  }
  const config = conf.getProperties() as unknown as C;
  crossCheck(config);
  return deepFreeze(config);
}

/** Rules that span several keys; each message names the key to fix. */
function crossCheck(c: CoreConfig): void {
  const problems: string[] = [];
  const external = c.env === 'qa' || c.env === 'prod';
  if (external) {
    if (!c.clients.file) problems.push('clients.file (GATEWAY_CLIENTS_FILE) is required in qa/prod');
    if (!c.auth.publicKeyFile && !c.auth.jwksUri && !c.auth.signingKeyFile) {
      problems.push('auth.publicKeyFile (JWT_PUBLIC_KEY_FILE) or auth.jwksUri (JWT_JWKS_URI) is required in qa/prod');
    }
    if (c.sandbox.enabled) problems.push('sandbox.enabled must be false in qa/prod');
    if (c.clients.secretPepper === SANDBOX_PEPPER || c.clients.secretPepper.length < 32) {
      problems.push('clients.secretPepper (GATEWAY_CLIENT_SECRET_PEPPER) is required in qa/prod: 32 or more characters from the secret store, not the sandbox default');
    }
    for (const b of BACKENDS) {
      if (!c.backends[b].baseUrl) problems.push(`backends.${b}.baseUrl is required in qa/prod`);
    }
  }
  if (c.auth.issueTokens && external && !c.auth.signingKeyFile) {
    problems.push('auth.signingKeyFile (JWT_SIGNING_KEY_FILE) is required to issue tokens in qa/prod (or set auth.issueTokens=false)');
  }
  if (Boolean(c.server.tls.certFile) !== Boolean(c.server.tls.keyFile)) {
    problems.push('server.tls.certFile and server.tls.keyFile must be set together');
  }
  for (const key of ['server.tls.certFile', 'server.tls.keyFile', 'clients.file', 'auth.signingKeyFile', 'auth.publicKeyFile'] as const) {
    const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], c) as string;
    if (value && !fs.existsSync(value)) problems.push(`${key}: file not found: ${value}`);
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/** A copy of a frozen config with some values replaced (the sandbox uses it to point backends at its cores). */
export function withOverrides<C>(config: C, patch: (draft: any) => void): C {
  const draft = JSON.parse(JSON.stringify(config));
  patch(draft);
  return deepFreeze(draft);
}
