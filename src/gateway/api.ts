/**
 * What an API is to the gateway: its contract file, its route table and the ports it builds from
 * the cores. The router, the policies and the portal read these; an API folder (apis/<api>/)
 * provides them.
 */
import type { Request, Response } from 'express';
import type { ApiName } from './api-names';
import type { ClientApp } from './client';
import type { CallContext, CoreCallers } from './core';

export { API_NAMES, type ApiName } from './api-names';

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

/** A transaction reference taken from a request, in the key space it is unique in at the core. */
export interface ReferenceRule {
  /** The key space (one per reference kind at the core: every IdFacilito is one space). */
  scope: string;
  reference: (req: Request) => string | undefined;
  /** How the reference is named to the client (IdFacilito, refId...). */
  keyName: string;
}

/**
 * Who a transaction belongs to (the transaction-ownership policy): the reference a request
 * creates is recorded as the calling client's, and a request that refers to an earlier
 * transaction must name one of the caller's.
 */
export interface OwnershipRule {
  /** The reference this request creates; by default the idempotency rule's natural key, in its scope. */
  claims?: ReferenceRule;
  /** The earlier transaction this request acts on (a reversal's IdFacilito). */
  refersTo?: ReferenceRule;
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
  /** Passed to every core call: correlation, the no-retry rule, fault injection, upstream timings. */
  call: CallContext;
  ports: P;
}

export interface RouteDefinition<P = any> {
  operationId: string;
  method: HttpMethod;
  /** Path under the API's base path, OpenAPI style: /v1/customers/{Cedula}/account */
  path: string;
  /**
   * Moves money or changes state in a core. The one source of the rule: the router puts it on
   * every core call's CallContext, and the transport then never retries the call and answers a
   * timeout or a lost connection as an unknown outcome (504 GW-504-02), never as a failure.
   */
  moneyMoving?: boolean;
  idempotency?: IdempotencyRule;
  ownership?: OwnershipRule;
  invokerProfile?: InvokerProfile;
  /**
   * Runs just before the contract validator (and so before idempotency): checks it cannot word
   * clearly (a body variant chosen by a nested field) or a normalization of documented synonyms
   * so that both spellings are one request. Throws GatewayError.
   */
  preValidate?: (req: Request) => void;
  handle: (ctx: OperationContext<P>) => Promise<OperationResult>;
}

/** An error as the gateway answers it (src/errors/gateway-error.ts is the one implementation). */
export interface ErrorAnswer {
  readonly status: number;
  readonly errorCode: string;
  readonly errorType: string;
  readonly errorDesc: string;
}

/** Adds an API's own fields to every error it answers (Facilito: Resultado/Mensaje). */
export type ErrorDecorator = (err: ErrorAnswer, req: Request) => Record<string, unknown> | undefined;

export interface ApiDefinition<P = any, S = any> {
  name: ApiName;
  /** Mount path, e.g. /facilito */
  basePath: string;
  /** OpenAPI document (generated from raml/<api>) the contract-validation policy loads. */
  specFile: string;
  routes: RouteDefinition<P>[];
  /** Where its own settings live in the configuration (a top-level section), if it has any. */
  settingsKey?: string;
  /** Builds the API's ports (adapters) once, from the shared core callers and the API's own settings. */
  createPorts: (cores: CoreCallers, settings: S) => P;
  errorDecorator?: ErrorDecorator;
}
