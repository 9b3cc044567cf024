import type { RequestHandler } from 'express';
import type { GatewayConfig } from '../config/load-config';
import type { ApiDefinition } from '../routing/types';
import type { GatewayServices } from '../services';

export interface PolicyContext {
  config: GatewayConfig;
  api: ApiDefinition;
  services: GatewayServices;
}

/** A policy: a named handler factory; its configuration schema lives next to it (schema.ts). */
export interface PolicyDefinition {
  name: string;
  description: string;
  /** Needs the parsed JSON body: the router parses the body just before the first such policy. */
  needsBody?: boolean;
  create(ctx: PolicyContext): RequestHandler | RequestHandler[];
}
