import type { GatewayConfig } from '../gateway-config';
import { environmentServers } from '../contracts/openapi-shape';
import type { DocApi } from './model/contract-model';

/**
 * The OpenAPI document the portal serves (the download and what the interactive reference
 * renders): the committed contract, with its examples and tags, plus presentation only (each
 * operation's summary, paths in catalog order), never a change to what is validated. Its servers
 * are this deployment's published URIs (config publicUris, which an environment may override),
 * this environment's first: the first server is the one Postman, Swagger UI and generators use;
 * the last is relative, the gateway that served the document. The sandbox's URI is the one the
 * portal shows (sandboxUri: the listener the request came in on), given by the router.
 */
export function servedSpec(api: DocApi, config: GatewayConfig, sandboxUrl = config.publicUris.sandbox): unknown {
  const spec = JSON.parse(JSON.stringify(api.spec));
  // the documentation pages are the guide's sections; Swagger UI would print them as link text
  delete spec.externalDocs;
  delete spec['x-amf-userDocumentation'];
  const servers = environmentServers({ ...config.publicUris, sandbox: sandboxUrl }, api.basePath);
  const own = ['sandbox', 'qa', 'prod'].indexOf(config.env);
  spec.servers = [
    ...(own > 0 ? [servers[own], ...servers.filter((_, i) => i !== own)] : servers),
    // relative to where the document was fetched: this very gateway, whatever its host and port
    { url: api.basePath, description: 'This gateway (where this document was downloaded from)' },
  ];
  for (const op of api.operations) {
    const node = spec.paths[op.path][op.method];
    node.summary = `${op.code ? `${op.code} · ` : ''}${op.summary}`;
  }
  // paths in catalog order (C1-C5, T1-T15, F1-F7), the order the guide reads in
  const rank = (p: string) => Math.min(...api.operations.filter((o) => o.path === p).map((o) => (o.code ? Number(o.code.slice(1)) : 1000)));
  spec.paths = Object.fromEntries(Object.entries(spec.paths).sort(([a], [b]) => rank(a) - rank(b)));
  return spec;
}
