import type { Request, Response } from 'express';
import type { GatewayConfig } from '../config/load-config';
import type { ErrorDecorator } from '../errors/error-middleware';
import type { ClientApp } from '../auth/client-registry';
import type { CoreClients } from '../adapters/registry';
import type { CallContext } from '../adapters/core-client';
import type { Logger } from '../observability/logger';

export type ApiName = 'collections-management' | 'transfers-management' | 'facilito';
export const API_NAMES: readonly ApiName[] = ['collections-management', 'transfers-management', 'facilito'];

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Pinned-header profiles of the X-Invoker policy (see src/policies/x-invoker-headers). */
export type InvokerProfile = 'correspondent-collection' | 'correspondent-deposit';

export interface IdempotencyRule {
  /** A natural transaction identity taken from the request (refId, IdFacilito...); Idempotency-Key wins when both are sent. */
  naturalKey?: (req: Request) => string | undefined;
  /** Routes sharing a scope share one key space (an IdFacilito is unique across deposit, payment and withdrawal). */
  scope?: string;
  /** How the natural key is named to the client in 409/422 messages (e.g. IdFacilito); default "transaction reference". */
  keyName?: string;
}

export interface OperationResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What a route handler gets: the validated request, the caller, and the API's ports to the cores. */
export interface OperationContext<P = unknown> {
  req: Request;
  res: Response;
  body: any;
  params: Record<string, string>;
  query: Record<string, unknown>;
  client: ClientApp;
  correlationId: string;
  /** Passed to every core call: correlation, fault injection, upstream timings for the log line. */
  call: CallContext;
  ports: P;
  config: GatewayConfig;
  logger: Logger;
}

export interface RouteDefinition<P = any> {
  operationId: string;
  method: HttpMethod;
  /** Path under the API's base path, OpenAPI style: /v1/customers/{Cedula}/account */
  path: string;
  /** Moves money or changes state in a core: never retried, timeouts are "outcome unknown". */
  moneyMoving?: boolean;
  idempotency?: IdempotencyRule;
  invokerProfile?: InvokerProfile;
  /**
   * Runs just before the contract validator (and so before idempotency): checks it cannot word
   * clearly (a body variant chosen by a nested field) or a normalization of documented synonyms
   * so that both spellings are one request. Throws GatewayError.
   */
  preValidate?: (req: Request) => void;
  handle: (ctx: OperationContext<P>) => Promise<OperationResult>;
}

export interface ApiDefinition<P = any> {
  name: ApiName;
  /** Mount path, e.g. /facilito */
  basePath: string;
  /** OpenAPI document (generated from raml/<api>) the contract-validation policy loads. */
  specFile: string;
  routes: RouteDefinition<P>[];
  /** Builds the API's ports (adapters) once, from the shared core clients. */
  createPorts: (cores: CoreClients, config: GatewayConfig) => P;
  errorDecorator?: ErrorDecorator;
}
