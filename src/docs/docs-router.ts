import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';
import type { GatewayConfig } from '../gateway-config';
import type { ApiDefinition } from '../gateway/api';
import { GatewayError } from '../errors/gateway-error';
import { createPortalContext, baseUrlFor, sandboxUri, type PortalContext } from './pages/portal-context';
import { homePage } from './pages/home-page';
import { apiPage } from './pages/api-page';
import { ramlListing } from './pages/raml-listing';
import { servedSpec } from './served-spec';
import { PORTAL_CSS, PORTAL_JS } from './render/assets';
import { faviconIco, faviconSvg } from './render/favicon';
import { MINISEARCH_FILE } from './search/search-asset';
import { renderedDiagram } from './diagrams/flow-diagrams';
import { RAML_ROOT, contentTypeOf, ramlZip } from './raml/raml-files';
import { buildCollection } from './postman/collection';
import { QA_ENVIRONMENTS, buildEnvironment, type QaEnvironment } from './postman/environments';

/**
 * GET /docs: the partner portal, rendered on the server from the contracts, with Swagger UI served
 * from the swagger-ui-dist package. Outside the API policy chain (no credentials needed to read),
 * and nothing on it is loaded from anywhere but this gateway.
 */
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_FILES = new Set(['swagger-ui-bundle.js', 'swagger-ui.css']);

export function createDocsRouter(config: GatewayConfig, definitions: ApiDefinition[]): Router {
  // built on the first portal request: the example programs and the search index cost ~0.1 s of
  // CPU, which neither a gateway's start-up nor an API-only test should pay
  let built: PortalContext | undefined;
  const context = (): PortalContext => (built ??= createPortalContext(config, definitions));
  const router = Router();
  const html = (res: Response, body: string) => res.type('html').set('Cache-Control', 'no-cache').send(body);
  const apiOf = (name: string) => {
    const api = context().apis.find((a) => a.name === name);
    if (!api) throw GatewayError.of('NOT_FOUND', `No API named ${name} on this gateway (see /docs)`);
    return api;
  };

  router.get('/', (req, res) => html(res, homePage(context(), baseUrlFor(context(), req))));
  router.get('/assets/portal.css', (_req, res) => res.type('css').send(PORTAL_CSS));
  router.get('/assets/portal.js', (_req, res) => res.type('js').send(PORTAL_JS));
  router.get('/assets/favicon.svg', faviconSvg);
  router.get('/assets/minisearch.js', (_req, res) => res.set('Cache-Control', 'public, max-age=86400').type('js').sendFile(MINISEARCH_FILE));
  router.get('/favicon.ico', faviconIco);
  router.get('/assets/:file', (req, res, next) => {
    // the search index, named by a hash of its content
    const { search } = context();
    if (req.params.file !== path.posix.basename(search.src)) return next();
    res.set('Cache-Control', 'public, max-age=31536000, immutable').type('js').send(search.body);
  });
  router.get('/assets/swagger-ui/:file', (req, res) => {
    if (!SWAGGER_UI_FILES.has(req.params.file)) throw GatewayError.of('NOT_FOUND', `No asset ${req.params.file}`);
    res.set('Cache-Control', 'public, max-age=86400').sendFile(path.join(SWAGGER_UI_DIR, req.params.file));
  });
  // the RAML tree as published: relative includes resolve from these URLs
  router.use(
    '/raml',
    express.static(RAML_ROOT, {
      index: false,
      dotfiles: 'deny',
      fallthrough: true,
      setHeaders: (res, file) => res.set('Content-Type', contentTypeOf(file)),
    }),
  );
  router.get('/qa/:file', (req, res) => {
    const m = /^(.+)\.postman_(collection|environment)\.json$/.exec(req.params.file);
    if (m?.[2] === 'collection') {
      const def = definitions.find((d) => d.name === m[1]);
      if (def) return res.attachment(req.params.file).json(buildCollection(def, apiOf(def.name)));
    }
    if (m?.[2] === 'environment' && (QA_ENVIRONMENTS as readonly string[]).includes(m[1])) {
      const env = m[1] as QaEnvironment;
      // the sandbox this page runs on (its listener), and the URIs this gateway is configured with
      const baseUrl = env === 'sandbox' ? sandboxUri(context(), baseUrlFor(context(), req)) : config.publicUris[env];
      return res.attachment(req.params.file).json(buildEnvironment(env, { baseUrl }));
    }
    throw GatewayError.of('NOT_FOUND', `No QA file ${req.params.file}`);
  });
  router.get('/diagrams/:api/:file', (req, res) => {
    const svg = renderedDiagram(`${req.params.api}/${req.params.file.replace(/\.svg$/, '')}`);
    if (!svg || !req.params.file.endsWith('.svg')) throw GatewayError.of('NOT_FOUND', `No diagram ${req.params.api}/${req.params.file}`);
    res.set('Cache-Control', 'no-cache').type('image/svg+xml').send(svg);
  });
  router.get('/:api', (req, res) => html(res, apiPage(context(), apiOf(req.params.api), baseUrlFor(context(), req))));
  router.get('/:api/openapi.json', (req, res) => res.json(servedSpec(apiOf(req.params.api), config, sandboxUri(context(), baseUrlFor(context(), req)))));
  router.get('/:api/raml', (req, res) => html(res, ramlListing(apiOf(req.params.api), context().search.src)));
  router.get('/:api/raml.zip', (req, res) => {
    const api = apiOf(req.params.api);
    if (!fs.existsSync(path.join(RAML_ROOT, api.name))) throw GatewayError.of('NOT_FOUND', `No RAML for ${api.name}`);
    res.attachment(`${api.name}-raml.zip`).type('application/zip').send(ramlZip(api.name));
  });
  return router;
}
