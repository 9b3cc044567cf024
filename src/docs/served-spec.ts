import type { GatewayConfig } from '../gateway-config';
import { examplesOf, schemaOf, type DocApi } from './model/contract-model';

/**
 * The OpenAPI document the interactive reference renders: the committed contract plus presentation
 * only (servers of the environments, each operation's named request examples next to its body, a
 * summary and a tag), never a change to what is validated.
 */
export function servedSpec(api: DocApi, config: GatewayConfig): unknown {
  const spec = JSON.parse(JSON.stringify(api.spec));
  // the documentation pages are the guide's sections; Swagger UI would print them as link text
  delete spec.externalDocs;
  delete spec['x-amf-userDocumentation'];
  spec.servers = [
    { url: api.basePath, description: 'This gateway' },
    { url: `${config.publicUris.sandbox}${api.basePath}`, description: 'Sandbox' },
    { url: `${config.publicUris.qa}${api.basePath}`, description: 'QA' },
    { url: `${config.publicUris.prod}${api.basePath}`, description: 'Production' },
  ];
  for (const op of api.operations) {
    const node = spec.paths[op.path][op.method];
    node.summary = `${op.code ? `${op.code} · ` : ''}${op.summary}`;
    node.tags = [op.path.split('/').filter((s) => s && !/^v[0-9]+$/.test(s) && !s.startsWith('{'))[0] ?? api.name];
    const media = node.requestBody?.content?.['application/json'];
    if (media) {
      const examples = examplesOf(schemaOf(spec, media.schema));
      if (examples.length) {
        media.examples = Object.fromEntries(examples.map((e) => [e.name, { summary: e.title ?? e.name, description: e.description, value: e.value }]));
      }
    }
    for (const [status, r] of Object.entries<any>(node.responses ?? {})) {
      const content = r.content?.['application/json'];
      const doc = op.responses.find((x) => String(x.status) === status);
      if (content && doc?.example !== undefined && !content.example && !content.examples) content.example = doc.example;
    }
  }
  // paths in catalog order (C1-C5, T1-T15, F1-F7), the order the guide reads in
  const rank = (p: string) => Math.min(...api.operations.filter((o) => o.path === p).map((o) => (o.code ? Number(o.code.slice(1)) : 1000)));
  spec.paths = Object.fromEntries(Object.entries(spec.paths).sort(([a], [b]) => rank(a) - rank(b)));
  return spec;
}
