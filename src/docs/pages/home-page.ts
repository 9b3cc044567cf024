import { FLOWS } from '../model/flows';
import { code, esc, layout, markdown, table, type NavLink } from '../render/html';
import {
  authenticationSection,
  envelopeSection,
  environmentsTable,
  gatewayErrorsTable,
  gettingStarted,
  moneyRulesGeneral,
  qaKitSection,
  rateLimitSection,
  sandboxSection,
} from './common-sections';
import { firstCall, type PortalContext } from './portal-context';

/** GET /docs: what the gateway is, a first call that works as printed, and the way to each API. */
export function homePage(ctx: PortalContext, base: string): string {
  const cards = ctx.apis
    .map((api) => {
      const flows = (FLOWS[api.name] ?? []).map((f) => esc(f.title)).join(' · ');
      const first = markdown(api.description.split(/\n\s*\n/)[0] ?? '');
      return `<div class="card api-card" data-api="${esc(api.name)}">
<h3><a href="/docs/${esc(api.name)}">${esc(api.title)}</a> <small>${esc(api.version)}</small></h3>
${first}
<p>${code(api.basePath)} · ${api.operations.length} operations${flows ? ` · ${flows}` : ''}</p>
<p><a href="/docs/${esc(api.name)}">Guide &amp; reference</a> · <a href="/docs/${esc(api.name)}/raml.zip">RAML</a> · <a href="/docs/${esc(api.name)}/openapi.json">OpenAPI</a> · <a href="/docs/qa/${esc(api.name)}.postman_collection.json">Postman</a></p>
</div>`;
    })
    .join('\n');
  const index = table(
    ['API', '#', 'Operation', 'operationId'],
    ctx.apis.flatMap((api) =>
      api.operations.map((op) => [
        esc(api.name),
        esc(op.code ?? ''),
        `<a href="/docs/${esc(api.name)}#op-${esc(op.operationId)}">${esc(op.method.toUpperCase())} ${esc(api.basePath + op.path)}</a><br>${esc(op.summary)}`,
        code(op.operationId),
      ]),
    ),
  );
  const nav: NavLink[] = [
    { href: '#introduction', label: 'Introduction' },
    { href: '#getting-started-section', label: 'Getting started' },
    { href: '#environments', label: 'Environments' },
    { href: '#apis', label: 'APIs', children: ctx.apis.map((a) => ({ href: `/docs/${a.name}`, label: esc(a.title) })) },
    { href: '#authentication', label: 'Authentication' },
    { href: '#errors', label: 'Errors' },
    { href: '#money', label: 'Money rules' },
    { href: '#rate-limits', label: 'Rate limits' },
    { href: '#sandbox', label: 'Sandbox & faults' },
    { href: '#qa-kit', label: 'QA kit' },
    { href: '#operations-index', label: 'All operations' },
  ];
  const body = `<h1 id="introduction">Bank API Gateway</h1>
<p class="lead">The bank's APIs for channels and partners: collections, transfers (with Transfiya and banking-correspondent deposits) and Facilito's cash in and cash out. One way to authenticate, one error envelope, one set of money rules for all of them.</p>
<p>Each API's page is generated from its published contract (RAML 1.0): a guide with a working example for every operation, its headers, errors and rules, then the interactive reference. Field names are the bank's own, typos included (<code>xFerInfo</code>, <code>govIssueIdent</code>, <code>IdFacilito</code>, <code>aditionalData</code>).</p>
<h2 id="getting-started-section">Getting started</h2>
${gettingStarted(ctx, base, firstCall(ctx))}
<h2 id="environments">Environments</h2>
${environmentsTable(ctx, base)}
<p>Each API lives under its base path on every environment (e.g. ${code(`${ctx.config.publicUris.qa}/transfers-management`)}).</p>
<h2 id="apis">APIs</h2>
<div class="cards">${cards}</div>
<h2 id="authentication">Authentication</h2>
${authenticationSection(ctx)}
<h2 id="errors">Errors</h2>
${envelopeSection()}
${gatewayErrorsTable()}
<p>Each API's page adds the core systems' codes it can answer, with their HTTP status.</p>
<h2 id="money">Money rules</h2>
${moneyRulesGeneral()}
<h2 id="rate-limits">Rate limits</h2>
${rateLimitSection(ctx)}
<h2 id="sandbox">Sandbox &amp; fault injection</h2>
${sandboxSection(ctx)}
<h2 id="qa-kit">QA kit</h2>
${qaKitSection(ctx.apis.map((a) => a.name), base)}
<h2 id="operations-index">All operations</h2>
${index}`;
  return layout({ title: 'Partner portal · Bank API Gateway', nav, body, search: ctx.search.src });
}
