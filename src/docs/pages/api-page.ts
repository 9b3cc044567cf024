import type { DocApi } from '../model/contract-model';
import { FLOWS, type Flow } from '../model/flows';
import { diagramOf } from '../diagrams/flow-diagrams';
import { CORE_ERROR_TABLES, isErrorCodesPage } from '../model/error-tables';
import { idempotencyFacts } from '../model/money-rules';
import { code, esc, layout, markdown, methodBadge, slug, table, type NavLink } from '../render/html';
import { authenticationSection, envelopeSection, environmentsTable, gatewayErrorsTable, gettingStarted, moneyRulesGeneral, qaKitSection, rateLimitSection, sandboxSection } from './common-sections';
import { invokerSection } from './invoker-section';
import { operationSection, opAnchor } from './operation-section';
import { callerFor, firstCall, type PortalContext } from './portal-context';
import { errorRowId } from '../search/search-documents';
import { tryItBlock, tryItValues } from './try-it';

/** One API's page: a guide rendered on the server from the contract, then the interactive reference (Swagger UI). */

function flowsSection(api: DocApi): string {
  const flows = FLOWS[api.name] ?? [];
  if (!flows.length) return '<p>Call the operations below in any order.</p>';
  const link = (id: string) => {
    const op = api.operations.find((o) => o.operationId === id);
    return op ? `<a href="#${opAnchor(op)}">${esc(op.code ?? '')} ${code(op.operationId)}</a>` : code(id);
  };
  const figure = (f: Flow) => {
    const d = diagramOf(api.name, f);
    if (!d) return '';
    const actors = f.sequence!.actors.map(([, label]) => label).join(', ');
    return `<figure class="sequence" id="diagram-${slug(f.title)}"><img src="/docs/diagrams/${esc(api.name)}/${slug(f.title)}.svg" width="${d.width}" height="${d.height}" alt="${esc(`Sequence diagram of ${f.title}: ${actors}`)}"><figcaption>${esc(f.title)}: who calls whom, in order (solid: a request, dashed: its answer).</figcaption></figure>`;
  };
  return flows
    .map((f) => `<h3 id="flow-${slug(f.title)}">${esc(f.title)}</h3><p>${esc(f.intro)}</p>${figure(f)}<ol class="flow">${f.steps.map((s) => `<li>${link(s.operationId)}: ${esc(s.note)}</li>`).join('')}</ol>`)
    .join('\n');
}

/** Why the examples make up new ids on every run, and how to read the language tabs. */
function freshIdsNote(): string {
  return `<h3 id="fresh-ids">Fresh ids: examples that work every time</h3>
<p>Each example is shown in <strong>curl</strong> (POSIX sh), <strong>JavaScript</strong> (Node 20, fetch), <strong>Python</strong> (requests) and <strong>Java</strong> (17, java.net.http): pick a tab and every example on the page switches to that language. The programs fetch their own token; the curl blocks use the variables of Getting started.</p>
<p>An example that moves money makes up <strong>new ids every time it runs or is pasted</strong>: its reference (<code>IdFacilito</code>, <code>refId</code>, the deposit's <code>trnRqUID</code>, an enrolled phone), its <code>Idempotency-Key</code> and a correspondent's <code>X-Invoker-TxId</code>. A reference names one transaction: sent again with the same body it only replays the first answer, and with another body (a new OTP, another amount) it is refused with 422. Fresh ids make each run a new transaction, as your integration must. Examples that act on a transaction (a reversal, a withdrawal with its OTP, accepting a Transfiya transfer or paying a request) first create the one they act on.</p>`;
}

function operationsTable(api: DocApi): string {
  return table(
    ['#', 'Operation', 'operationId', 'Idempotency'],
    api.operations.map((op) => {
      const m = idempotencyFacts(op);
      const key = m.keyFields.length ? m.keyFields.map(code).join(' + ') : m.headerOnly ? code('Idempotency-Key') : m.moneyMoving ? 'not idempotent' : 'read (safe to repeat)';
      return [esc(op.code ?? ''), `${methodBadge(op.method)}<a href="#${opAnchor(op)}">${esc(op.path)}</a><br>${esc(op.summary)}`, code(op.operationId), key];
    }),
  );
}

function errorsSection(ctx: PortalContext, api: DocApi): string {
  const def = ctx.definitions.find((d) => d.name === api.name);
  const cores = (CORE_ERROR_TABLES[api.name] ?? [])
    .map(
      (t) =>
        `<h4>${esc(t.title)} <small>(${esc(t.appliesTo)})</small></h4>${t.note ? `<p>${esc(t.note)}</p>` : ''}${table(
          ['HTTP', 'errorCode', 'errorType', 'errorDesc'],
          t.rows.map((r) => [String(r.status), code(r.errorCode), esc(r.errorType), esc(r.errorDesc)]),
          '',
          // the first row of a code is its anchor (a catalog may list a code twice)
          t.rows.map((r, i) => (t.rows.findIndex((x) => x.errorCode === r.errorCode) === i ? errorRowId(t.title, r.errorCode) : '')),
        )}`,
    )
    .join('\n');
  const own = api.documentation.filter((d) => isErrorCodesPage(d.title)).map((d) => markdown(d.content, 4)).join('\n');
  return `${envelopeSection()}
<h3 id="errors-core">Core system codes</h3>
<p>Business refusals of the core systems keep the core's code and type, with the HTTP status of the documents' tables. Each operation's <em>Answers</em> table says which apply to it.</p>
${cores}${own}
<h3 id="errors-gateway">Gateway codes</h3>
${gatewayErrorsTable(def?.errorDecorator)}`;
}

function moneySection(api: DocApi): string {
  const money = api.operations.filter((o) => o.route?.moneyMoving);
  const facts = new Map(money.map((op) => [op, idempotencyFacts(op)]));
  const rows = money.map((op) => {
    const m = facts.get(op)!;
    const key = m.keyFields.length ? `the body's ${m.keyFields.map(code).join(' + ')}` : m.headerOnly ? `the ${code('Idempotency-Key')} header, when sent` : '—';
    // a key space shared by several operations: one reference names one transaction of any of them
    const sharing = money.filter((o) => o !== op && m.scope && facts.get(o)!.scope === m.scope).map((o) => esc(o.code ?? o.operationId));
    return [`<a href="#${opAnchor(op)}">${esc(op.code ?? '')} ${code(op.operationId)}</a>`, key, sharing.length ? `one key space with ${sharing.join(', ')}: a reference names one transaction of any of them` : ''];
  });
  const related = api.documentation.filter((d) => /otp|revers|idfacilito|unknown|amount/i.test(d.title)).map((d) => `<a href="#doc-${slug(d.title)}">${esc(d.title)}</a>`);
  const reversals = api.operations.filter((o) => /revers/i.test(o.description)).map((o) => `<a href="#${opAnchor(o)}">${esc(o.code ?? o.operationId)}</a>`);
  return `${moneyRulesGeneral()}
${rows.length ? `<h3 id="money-keys">What identifies each transaction</h3>${table(['Operation', 'Idempotency key', 'Note'], rows)}` : ''}
${reversals.length ? `<p>Operations that document a reversal: ${reversals.join(', ')}.</p>` : ''}
${related.length ? `<p>This API's own rules: ${related.join(' · ')}.</p>` : ''}`;
}

function downloads(api: DocApi): string {
  return `<ul>
<li><a href="/docs/${esc(api.name)}/raml.zip">${esc(api.name)}-raml.zip</a>: the RAML 1.0 contract with its examples, documentation pages and the shared library (<code>common/</code>), includes resolvable.</li>
<li><a href="/docs/raml/${esc(api.name)}/api.raml">api.raml</a> (browse: <a href="/docs/${esc(api.name)}/raml">all RAML files</a>; relative includes work from these URLs).</li>
<li><a href="/docs/${esc(api.name)}/openapi.json">openapi.json</a>: OpenAPI 3.0, generated from the RAML (what the gateway validates against).</li>
<li><a href="/docs/qa/${esc(api.name)}.postman_collection.json">Postman collection</a> with every example and journey.</li>
</ul>`;
}

export function apiPage(ctx: PortalContext, api: DocApi, base: string): string {
  const firstGet = firstCall(ctx, api.name);
  const sandboxDocs = api.documentation.filter((d) => /sandbox/i.test(d.title));
  const otherDocs = api.documentation.filter((d) => !/sandbox/i.test(d.title) && !isErrorCodesPage(d.title));
  const docHtml = (d: { title: string; content: string }) =>
    `${/^sandbox$/i.test(d.title.trim()) ? '' : `<h3 id="doc-${slug(d.title)}">${esc(d.title)}</h3>`}${markdown(d.content, 4)}`;
  const nav: NavLink[] = [
    { href: '/docs', label: '← All APIs' },
    { href: '#overview', label: 'Overview' },
    { href: '#getting-started-section', label: 'Getting started' },
    { href: '#flow', label: 'Suggested flow' },
    { href: '#operations', label: 'Operations', children: api.operations.map((o) => ({ href: `#${opAnchor(o)}`, label: `${esc(o.code ?? '')} ${esc(o.operationId)}` })) },
    { href: '#invoker', label: 'X-Invoker headers' },
    { href: '#errors', label: 'Errors' },
    { href: '#money', label: 'Money rules' },
    { href: '#rate-limits', label: 'Rate limits' },
    { href: '#sandbox', label: 'Sandbox' },
    { href: '#documentation', label: 'Decisions & notes', children: otherDocs.map((d) => ({ href: `#doc-${slug(d.title)}`, label: esc(d.title) })) },
    { href: '#downloads', label: 'Downloads' },
    { href: '#reference-section', label: 'Interactive reference' },
  ];
  const body = `<h1 id="overview">${esc(api.title)} <small>${esc(api.version)}</small></h1>
<p class="lead">Base path ${code(api.basePath)} · ${api.operations.length} operations · <a href="#downloads">RAML, OpenAPI, Postman</a></p>
${markdown(api.description, 2)}
${environmentsTable(ctx, base, api.basePath)}
<h2 id="getting-started-section">Getting started</h2>
${gettingStarted(ctx, base, firstGet)}
<h3 id="authentication">Authentication</h3>
${authenticationSection(ctx)}
<h2 id="flow">Suggested flow</h2>
${flowsSection(api)}
<h2 id="operations">Operations</h2>
${operationsTable(api)}
${freshIdsNote()}
${api.operations.map((o) => operationSection(o, ctx.programs.get(api.name)?.get(o.operationId) ?? [], callerFor(ctx, base))).join('\n')}
<h2 id="invoker">X-Invoker headers</h2>
${invokerSection(api)}
<h2 id="errors">Errors</h2>
${errorsSection(ctx, api)}
<h2 id="money">Money rules</h2>
${moneySection(api)}
<h2 id="rate-limits">Rate limits</h2>
${rateLimitSection(ctx)}
<h2 id="sandbox">Sandbox</h2>
${sandboxDocs.map(docHtml).join('\n')}
${sandboxSection(ctx)}
<h2 id="documentation">Decisions &amp; notes</h2>
<p>What the source documents leave open or contradict, and what this API does about it (the RAML's documentation pages).</p>
${otherDocs.map(docHtml).join('\n')}
<h2 id="downloads">Downloads</h2>
${downloads(api)}
<h3 id="qa-kit">QA kit</h3>
${qaKitSection([api.name], base)}
<h2 id="reference-section">Interactive reference</h2>
<p>Every operation with its schemas, rendered by Swagger UI from <a href="/docs/${esc(api.name)}/openapi.json">the contract</a>.${ctx.sandbox ? ' "Try it out" calls this sandbox: the page has already authorized the demo client and filled in each operation\'s parameters from its example (fresh TxId, date and Idempotency-Key on every page load), so Execute works as it is.' : ''}</p>
<div id="reference" data-spec="/docs/${esc(api.name)}/openapi.json" data-try="${ctx.sandbox}"></div>
${tryItBlock(tryItValues(ctx, api))}`;
  return layout({
    search: ctx.search.src,
    title: `${api.title} · Partner portal`,
    nav,
    body,
    styles: ['/docs/assets/swagger-ui/swagger-ui.css'],
    scripts: ['/docs/assets/swagger-ui/swagger-ui-bundle.js'],
  });
}

