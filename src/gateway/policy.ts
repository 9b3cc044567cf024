/**
 * The policy interface. A policy is one folder (src/policies/<name>/): schema.ts (its settings
 * under `policies.<settingsKey>`, with their env vars and docs), handler.ts (this definition) and
 * its own state; src/policies/registry.ts is the only other place that names it.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../observability/logger';
import type { GatewayMetrics } from '../observability/metrics';
import type { ApiDefinition } from './api';
import type { ClientAuthenticator, TokenVerifier } from './client';
import type { SharedRedis } from './shared-redis';

/** What every policy may use, created once per gateway. */
export interface GatewayDeps {
  logger: Logger;
  metrics: GatewayMetrics;
  clients: ClientAuthenticator;
  tokens: TokenVerifier;
  /** The shared store, connected only when a store set to redis opens it. */
  redis: SharedRedis;
}

export interface PolicyContext<S = any, St = any> {
  api: ApiDefinition;
  /** The policy's own section of the configuration (policies.<settingsKey>). */
  settings: S;
  /** What init() returned, shared by every API of this gateway. */
  state: St;
  deps: GatewayDeps;
}

export interface PolicyDefinition<S = any, St = any> {
  name: string;
  description: string;
  /** Where its settings live under `policies` (its schema.ts); none when it has no settings. */
  settingsKey?: string;
  /** Needs the parsed JSON body: the router parses the body just before the first such policy. */
  needsBody?: boolean;
  /** Once per gateway, before the APIs are built: state shared by every API (stores, counters). */
  init?(settings: S, deps: GatewayDeps): St | Promise<St>;
  create(ctx: PolicyContext<S, St>): RequestHandler | RequestHandler[];
  /** At shutdown, after the listeners have closed. */
  close?(state: St): Promise<void>;
}
