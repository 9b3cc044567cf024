/**
 * The whole configuration: the core sections (src/config/schema.ts), `policies` (the chain plus
 * each policy's own schema.ts, merged by src/policies/registry.ts) and each API's own section
 * (apis/index.ts). Loaded once at start-up, validated, frozen.
 */
import { coreSchema } from './config/schema';
import { loadConfigFrom, type LoadOptions } from './config/load-config';
import type { SchemaValue } from './config/schema-types';
import { policiesSchema } from './policies/registry';
import { apisSchema } from '../apis';

const { env, server, publicUris, log, clients, auth, backends, sandbox } = coreSchema;

/** In this order in the configuration reference (npm run config-doc). */
export const gatewaySchema = { env, server, publicUris, log, clients, auth, policies: policiesSchema, backends, sandbox, ...apisSchema };

export type GatewayConfig = Readonly<SchemaValue<typeof gatewaySchema>>;

export function loadConfig(opts: LoadOptions = {}): GatewayConfig {
  return loadConfigFrom<GatewayConfig>(gatewaySchema, opts);
}

export { ConfigError, withOverrides, resolveProfile, type LoadOptions } from './config/load-config';
