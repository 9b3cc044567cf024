import type { Request } from 'express';
import type { GatewayConfig } from '../../gateway-config';
import type { ApiDefinition } from '../../gateway/api';
import { loadDocApi, type DocApi, type DocOperation } from '../model/contract-model';
import { examplePrograms, type ExampleProgram } from '../model/example-programs';
import type { Caller } from '../render/code/common';
import { buildSearchAsset, type SearchAsset } from '../search/search-asset';

/** What every page is rendered from: the configuration and the contracts (read once, at start-up). */
export interface PortalContext {
  config: GatewayConfig;
  apis: DocApi[];
  definitions: ApiDefinition[];
  /** Every example of every API as a program (rendered in each language per request: the base URL varies). */
  programs: Map<string, Map<string, ExampleProgram[]>>;
  /** The search index every page loads (built once, from the contracts). */
  search: SearchAsset;
  /** This gateway runs the sandbox: its getting-started lines work against it as printed. */
  sandbox: boolean;
}

const byCode = (a: DocOperation, b: DocOperation) => {
  const n = (o: DocOperation) => (o.code ? Number(o.code.slice(1)) : 1000);
  return n(a) - n(b);
};

export function createPortalContext(config: GatewayConfig, definitions: ApiDefinition[]): PortalContext {
  const apis = definitions.map((d) => {
    const api = loadDocApi(d);
    api.operations.sort(byCode);
    return api;
  });
  const sandbox = config.env === 'sandbox' || config.env === 'test';
  const admin = sandbox ? { user: config.sandbox.adminUser, secret: config.sandbox.adminSecret } : undefined;
  const programs = new Map(apis.map((a) => [a.name, examplePrograms(a, admin)]));
  return { config, apis, definitions, programs, search: buildSearchAsset(apis), sandbox };
}

/** A host[:port] or [ipv6][:port], nothing else: the value is printed in pages and shell lines. */
const HOST = /^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/;

/**
 * The base URL printed in the examples, the environment table and the sandbox Postman environment.
 * On a sandbox gateway, the address this page was read from, so every line works as printed on
 * whatever listener it runs (PORT=19081, behind a proxy...): Express's req.protocol and req.host,
 * which honour X-Forwarded-Proto/Host only when server.trustProxy is set; without a Host header
 * (HTTP/1.0), the port the request came in on. Elsewhere the environment's configured public URI.
 */
export function baseUrlFor(ctx: PortalContext, req: Request): string {
  if (ctx.sandbox) {
    const host = req.host;
    if (host && HOST.test(host)) return `${req.protocol}://${host}`;
    if (!req.get('host') && req.socket.localPort) return `${req.protocol}://localhost:${req.socket.localPort}`;
  }
  const env = ctx.config.env as keyof GatewayConfig['publicUris'];
  return ctx.config.publicUris[env] ?? ctx.config.publicUris.sandbox;
}

/** The sandbox's base URI as this page shows it: this gateway when it runs the sandbox, else the configured one. */
export const sandboxUri = (ctx: PortalContext, base: string): string => (ctx.sandbox ? base : ctx.config.publicUris.sandbox);

/** The first call of the getting-started block: a read that needs no special headers. */
const FIRST_CALLS = ['getCustomerAccount', 'getTransfiyaEnrollment', 'getIcsAgreement'];

export function firstCall(ctx: PortalContext, api?: string): ExampleProgram | undefined {
  const all = ctx.apis.filter((a) => !api || a.name === api).flatMap((a) => a.operations);
  const candidates = [
    ...(api ? [] : FIRST_CALLS.map((id) => all.find((o) => o.operationId === id))),
    ...all.filter((o) => o.method === 'get'),
  ].filter((o): o is DocOperation => Boolean(o));
  for (const op of candidates) {
    const p = ctx.programs.get(op.api)?.get(op.operationId)?.[0];
    if (p?.runnable && !p.vars.length && p.steps.length === 1 && !p.steps[0].headers.length) return p;
  }
  return undefined;
}

/** Where the programs of a page call, and with which credentials. */
export function callerFor(ctx: PortalContext, base: string): Caller {
  const { clientId, clientSecret } = credentialsFor(ctx);
  return { base, clientId, clientSecret };
}

export function credentialsFor(ctx: PortalContext): { clientId: string; clientSecret: string; demo: boolean } {
  if (ctx.sandbox) return { clientId: ctx.config.clients.sandboxClientId, clientSecret: ctx.config.clients.sandboxClientSecret, demo: true };
  return { clientId: '<your client_id>', clientSecret: '<your client_secret>', demo: false };
}
