import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as amf from 'amf-client-js';
import { projectPath } from '../paths';
import { loadConfig } from '../gateway-config';
import { applyExamples } from './openapi-examples';
import { dropEmptyPathItems, environmentServers, parameterExamples, tagOperations, twoDecimalRule, unwrapSchemaExamples, type Environments } from './openapi-shape';
import { ramlOperationExamples, type OperationExamples } from './raml-examples';

export const CONTRACT_APIS = [
  { name: 'collections-management', basePath: '/collections-management' },
  { name: 'transfers-management', basePath: '/transfers-management' },
  { name: 'facilito', basePath: '/facilito' },
] as const;

export interface RamlReport {
  conforms: boolean;
  violations: Array<{ level: string; message: string; location?: string; position?: string }>;
}

export const ramlFile = (api: string) => projectPath('raml', api, 'api.raml');
export const specFile = (api: string) => projectPath('apis', api, 'openapi.json');

/** Parses and validates a RAML 1.0 document with MuleSoft's own parser (AMF). */
export async function parseRaml(file: string): Promise<{ unit: amf.BaseUnit; report: RamlReport }> {
  const client = amf.RAMLConfiguration.RAML10().baseUnitClient();
  const parsed = await client.parseDocument(pathToFileURL(file).href);
  const validated = await client.validate(parsed.baseUnit);
  const results = [...parsed.results, ...validated.results];
  return {
    unit: parsed.baseUnit,
    report: {
      conforms: parsed.conforms && validated.conforms && results.length === 0,
      violations: results.map((r) => ({
        level: r.severityLevel,
        message: r.message,
        location: r.location ? path.relative(projectPath(), new URL(r.location).pathname) : undefined,
        position: r.position ? `${r.position.start.line}:${r.position.start.column}` : undefined,
      })),
    },
  };
}

type Json = any;

/** Published base URIs of the environments: the configuration's defaults (not this shell's overrides). */
export const PUBLISHED_URIS: Environments = loadConfig({ env: 'sandbox', environment: {} }).publicUris;

/**
 * Post-processing of AMF's OAS 3.0 rendering, each step a documented decision:
 *  - servers: absolute, one per environment, with the API's base path (paths are relative to it);
 *  - contact (the portal) and one tag per operation: its path's first segment after the version;
 *  - path items without an operation (RAML's parent resources such as /v1) are dropped;
 *  - multipleOf 0.01 becomes x-max-decimals 2 (openapi-shape.ts says why);
 *  - a type's single example written {value: ...} by AMF is unwrapped;
 *  - examples where tools look: parameters, request bodies and responses (openapi-examples.ts);
 *  - the RAML OAuth 2.0 scheme with client_id/client_secret headers becomes three OAS schemes.
 * Throws when an example or a parameter cannot be placed: every one must be.
 */
export function postProcess(doc: Json, basePath: string, examples: OperationExamples[], uris: Environments = PUBLISHED_URIS): Json {
  doc.servers = environmentServers(uris, basePath);
  doc.info.contact = { name: 'Bank API gateway (partner portal)', url: `${uris.sandbox}/docs` };
  tagOperations(doc);
  const stripServers = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(stripServers);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'servers') delete node[k];
      else stripServers(v);
    }
  };
  stripServers(doc.paths);
  dropEmptyPathItems(doc);
  twoDecimalRule(doc.paths);
  twoDecimalRule(doc.components);
  unwrapSchemaExamples(doc.components);
  unwrapSchemaExamples(doc.paths);
  const problems = [...parameterExamples(doc, examples).map((p) => `${p}: no example`), ...applyExamples(doc, examples)];
  if (problems.length) throw new Error(`The OpenAPI cannot carry every example:\n  ${problems.join('\n  ')}`);
  doc.components = doc.components ?? {};
  delete doc.components['x-amf-securitySchemes'];
  doc.components.securitySchemes = {
    clientId: { type: 'apiKey', in: 'header', name: 'client_id', description: "The client application's id." },
    clientSecret: { type: 'apiKey', in: 'header', name: 'client_secret', description: "The client application's secret." },
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Access token from POST /oauth/token (client-credentials grant, issued to the same client_id).',
    },
  };
  doc.security = [{ clientId: [], clientSecret: [], bearerAuth: [] }];
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    for (const op of Object.values<Json>(item)) {
      if (op && typeof op === 'object' && 'x-amf-security' in op) delete op['x-amf-security'];
      // an operation's own requirement names the RAML scheme (tr.clientCredentials), which has no
      // OAS declaration: the document's three schemes apply to it (else the OpenAPI is invalid)
      if (op && typeof op === 'object' && Array.isArray(op.security)) {
        const declared = (req: Json) => Object.keys(req).every((k) => k in doc.components.securitySchemes);
        if (!op.security.every(declared)) op.security = doc.security;
      }
    }
  }
  return doc;
}

/** RAML -> OpenAPI 3.0 (JSON text) through AMF's compatibility pipeline. */
export async function ramlToOpenApi(api: string, basePath: string): Promise<{ json: string; report: RamlReport }> {
  const { unit, report } = await parseRaml(ramlFile(api));
  const oas = amf.OASConfiguration.OAS30().baseUnitClient();
  const transformed = oas.transform(unit, amf.PipelineId.Compatibility);
  const rendered = JSON.parse(oas.render(transformed.baseUnit, 'application/json'));
  const examples = ramlOperationExamples(ramlFile(api));
  return { json: `${JSON.stringify(postProcess(rendered, basePath, examples), null, 2)}\n`, report };
}
