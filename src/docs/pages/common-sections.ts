import type { Request } from 'express';
import { GATEWAY_ERRORS } from '../../errors/catalog';
import { GatewayError } from '../../errors/gateway-error';
import type { ErrorDecorator } from '../../errors/error-middleware';
import { FAULT_KINDS } from '../../gateway/sandbox-faults';
import { BACKENDS } from '../../gateway/backends';
import { code, codeBlock, esc, table } from '../render/html';
import { shellLines, tokenLines } from '../render/code/shell';
import type { ExampleProgram } from '../model/example-programs';
import { errorRowId, GATEWAY_TABLE } from '../search/search-documents';
import { credentialsFor, sandboxUri, type PortalContext } from './portal-context';

/** Sections shared by the portal's home page and every API page. */

export function gettingStarted(ctx: PortalContext, base: string, first: ExampleProgram | undefined): string {
  const creds = credentialsFor(ctx);
  const lines = [
    '# 1. Where and who: the environment and your client credentials',
    ...tokenLines(base, creds.clientId, creds.clientSecret).slice(0, 3),
    '# 2. An access token (OAuth 2.0 client-credentials grant), valid for ' + `${ctx.config.auth.tokenTtlSeconds} seconds`,
    tokenLines(base, creds.clientId, creds.clientSecret)[3],
  ];
  if (first) lines.push(`# 3. A first call: ${first.op.api} ${first.op.code ?? ''} ${first.op.operationId} (expect HTTP 200)`.replace(/\s+/g, ' '), ...shellLines(first));
  const where = ctx.sandbox
    ? `<p>This gateway runs the <strong>sandbox</strong>: simulated core systems with fixture customers, and a demo client. Paste these lines into a terminal (bash or zsh, with <code>curl</code>); the last one answers <strong>HTTP 200</strong>.</p>`
    : `<p>Use the client_id and client_secret the bank gave your application for this environment.${
        ctx.config.auth.issueTokens ? '' : ` In this environment tokens are issued by the bank's identity provider (issuer ${code(ctx.config.auth.issuer)}): ask for its token URL with your credentials.`
      }</p>`;
  return `${where}${codeBlock(lines.join('\n'), 'getting-started', 'getting-started')}
<p>Every later example on these pages uses the shell variables this block sets (<code>$BASE</code>, <code>$CLIENT_ID</code>, <code>$CLIENT_SECRET</code>, <code>$TOKEN</code>). When the token expires (401 GW-401-05), run step 2 again.</p>`;
}

export function environmentsTable(ctx: PortalContext, base: string, basePath = ''): string {
  const u = ctx.config.publicUris;
  const rows = [
    ['Sandbox', sandboxUri(ctx, base), 'Simulated core systems with fixture customers, a demo client, fault injection (X-Sandbox-Fault) and the OTP box. Nothing real moves.'],
    ['QA', u.qa, "The bank's QA core systems. Credentials from the bank; tokens from the bank's identity provider."],
    ['Production', u.prod, 'Real money. Credentials and tokens from the bank.'],
  ];
  return table(
    ['Environment', `Base URI${basePath ? ' of this API' : ''}`, 'What it is'],
    rows.map(([name, uri, what]) => [esc(name), code(`${uri}${basePath}`), esc(what)]),
  );
}

export function authenticationSection(ctx: PortalContext): string {
  return `<p>Every call carries three security headers. A call without them never reaches a core system.</p>
${table(
  ['Header', 'Value', 'Refused with'],
  [
    [code('client_id'), "Your client application's id.", 'GW-401-01 (missing), GW-401-02 (unknown or wrong secret), GW-403-01 (revoked), GW-403-02 (not contracted to this API)'],
    [code('client_secret'), "Your client application's secret. Keep it on your servers, never in an app or a browser.", 'GW-401-01, GW-401-02'],
    [code('Authorization'), `${code('Bearer <access_token>')}: a JWT from ${code('POST /oauth/token')}, issued to the same client_id.`, 'GW-401-03 (missing), GW-401-04 (invalid), GW-401-05 (expired), GW-403-03 (another client_id)'],
  ],
)}
<p>The token request is the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4): ${code('POST /oauth/token')} with ${code('grant_type=client_credentials')}
(form-encoded), the client authenticated by HTTP Basic (<code>-u id:secret</code>) or by ${code('client_id')} and ${code('client_secret')} form fields. The answer:
${code('{"access_token":"…","token_type":"Bearer","expires_in":' + ctx.config.auth.tokenTtlSeconds + ',"scope":"<the APIs your client may call>"}')}.
Reuse the token until it expires; the public keys that verify it are at ${code('GET /.well-known/jwks.json')}.</p>`;
}

/** The gateway's own codes; an API with an error decorator (Facilito) shows the fields it adds. */
export function gatewayErrorsTable(decorator?: ErrorDecorator): string {
  const entries = Object.entries(GATEWAY_ERRORS);
  const noRequest = {} as Request;
  const extra = decorator ? Object.keys(decorator(GatewayError.of('INTERNAL'), noRequest) ?? {}).filter((k) => k !== 'Mensaje') : [];
  const rows = entries.map(([key, e]) => {
    const added = decorator ? (decorator(GatewayError.of(key as keyof typeof GATEWAY_ERRORS), noRequest) ?? {}) : {};
    return [String(e.status), code(e.errorCode), esc(e.errorType), esc(e.errorDesc), ...extra.map((k) => esc((added as Record<string, unknown>)[k]))];
  });
  return table(['HTTP', 'errorCode', 'errorType', 'Meaning', ...extra], rows, '', entries.map(([, e]) => errorRowId(GATEWAY_TABLE, e.errorCode)));
}

export function envelopeSection(): string {
  return `<p>Every error of every API is answered in the bank's envelope, naming every offending field or header in one <code>errorDesc</code>; every success carries <code>"responseType":{"value":"OK"}</code>.</p>
${codeBlock(JSON.stringify({ responseType: { value: 'ER' }, responseDetail: { errorCode: 'GW-400-01', errorDesc: 'Field xFerInfo.amt must be number', errorType: 'APIKIT' } }, null, 2), 'json')}
<p><code>errorType</code> tells who refused: <code>APIKIT</code> the contract, <code>SEC</code> security, <code>POL</code> a policy, <code>GTW</code> the gateway, a core system's name (503: its circuit breaker is open), or the core's own type for its business codes (e.g. <code>TRX</code>, <code>VAL</code>, <code>RGN</code>). A core code that no table lists is answered 500 with the core's own code and description. Each answer carries <code>X-Correlation-Id</code>: quote it when you talk to the bank.</p>`;
}

export function rateLimitSection(ctx: PortalContext): string {
  const rl = ctx.config.policies.rateLimit;
  const tiers = Object.entries(rl.tiers as Record<string, number>);
  return `<p>Each client application has an SLA tier; requests are counted per client over a window of ${rl.windowMs / 1000} seconds.</p>
${table(['Tier', `Requests per ${rl.windowMs / 1000} s`], tiers.map(([t, n]) => [esc(t), String(n)]))}
<p>Every answer carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>. Over the limit the answer is 429 GW-429-01 with <code>Retry-After</code> (seconds): wait that long; a refused call did nothing.</p>`;
}

export function moneyRulesGeneral(): string {
  return `<ul>
<li><strong>One transaction, one reference.</strong> A money-moving call is identified by its own reference (refId, IdFacilito, the deposit's audit number…) or, where the body has none, by the <code>Idempotency-Key</code> header you choose (1-128 visible characters, e.g. a UUID). Repeat a call with the same reference and the same body and you get the first answer again, with <code>Idempotent-Replayed: true</code>: the money moves once.</li>
<li><strong>Same reference, different body</strong>: 422 GW-422-01. Use a new reference for a new transaction.</li>
<li><strong>A repeat while the first is still running</strong> waits for its answer, or gets 409 GW-409-01 with <code>Retry-After</code>.</li>
<li><strong>Unknown outcome.</strong> The gateway never retries a money-moving call. When a core does not answer in time, the answer is <strong>504 GW-504-02</strong>: the money may or may not have moved. Repeat the same request with the same reference to learn the result (it is applied at most once); never send it again with a new reference.</li>
<li><strong>5xx answers are not remembered</strong> (a 503 or 504 did not settle the transaction): the repeat reaches the core, which deduplicates by the same reference.</li>
<li><strong>OTP and reversals</strong> are rules of the operations that have them (Facilito withdrawals and reversals, the correspondent deposit's reversal): see each API's page.</li>
</ul>
${codeBlock(
  [
    'request ──► 2xx ........................ done (repeat = same answer, Idempotent-Replayed: true)',
    '        ├─► 4xx ........................ refused, nothing moved (fix the request; same reference + new body = 422)',
    '        ├─► 503 / 502 .................. not applied or not understood: retry later with the SAME reference',
    '        └─► 504 GW-504-02 (unknown) ──► repeat with the SAME reference ──► the first outcome, applied once',
    '                                       └► or reverse it (where the API has reversals)',
  ].join('\n'),
  'text',
)}`;
}

export function sandboxSection(ctx: PortalContext): string {
  const faults: Record<string, string> = {
    delay: 'answer normally after <code>=ms</code> milliseconds',
    timeout: "never answer: the gateway's timeout answers 504",
    'error-500': 'answer 500 with an unidentified core error',
    html: 'answer an HTML error page (the gateway answers 502)',
    garbage: 'answer 200 with a body that is not JSON (502)',
    reset: 'drop the connection before doing anything',
    'drop-reply': 'apply the change, then lose the answer: the unknown outcome (504 GW-504-02) to rehearse',
  };
  return `<p>${ctx.sandbox ? 'This gateway runs' : 'The sandbox environment runs'} simulated core systems. Each API page lists its fixture customers and accounts (section Sandbox); every example on these pages succeeds against a fresh sandbox.</p>
<h3 id="fault-injection">Fault injection</h3>
<p>Add <code>X-Sandbox-Fault: [backend:]fault[=arg]</code> to a call (several separated by commas) to make a simulated core misbehave, and see the gateway's 502 / 503 / 504 answers. Back ends: ${BACKENDS.map(code).join(', ')}.</p>
${table(['fault', 'the simulated core…'], FAULT_KINDS.map((k) => [code(k), faults[k] ?? '']))}
${codeBlock(`curl -i "$BASE/facilito/v1/customers/1234567890/account" -H "client_id: $CLIENT_ID" -H "client_secret: $CLIENT_SECRET" -H "Authorization: Bearer $TOKEN" -H 'X-Sandbox-Fault: bankmaster:error-500'`)}
<p>Faults can also be queued: <code>POST /sandbox/faults</code> with <code>{"backend":"bankmaster","fault":"timeout","times":2}</code>, listed with <code>GET</code> and cleared with <code>DELETE</code>. The OTP the sandbox "sends" a customer is read at <code>GET /sandbox/otp/{IDcuenta}</code>. These admin calls need the sandbox admin credentials as HTTP Basic${
  ctx.sandbox ? ` (<code>-u ${esc(`${ctx.config.sandbox.adminUser}:${ctx.config.sandbox.adminSecret}`)}</code>)` : ', printed when the sandbox starts'
}. None of this exists in QA or production.</p>`;
}

export function qaKitSection(apis: string[], base: string): string {
  return `<p>QA runs every operation's example and the documented journeys with Postman or newman. The collections are generated from the contracts (they cannot drift) and fetch their own token.</p>
<ul>${apis.map((a) => `<li><a href="/docs/qa/${esc(a)}.postman_collection.json">${esc(a)}.postman_collection.json</a></li>`).join('')}</ul>
<p>Environments: ${['sandbox', 'qa', 'prod'].map((e) => `<a href="/docs/qa/${e}.postman_environment.json">${e}</a>`).join(' · ')} (QA and production carry empty credential variables: fill them in Postman, or pass <code>--env-var clientId=… --env-var clientSecret=…</code>).</p>
<p>In the sandbox, <code>npm run qa</code> tests the gateway given with <code>--base-url</code>; without it, a sandbox gateway it finds running on the configured port (<code>PORT</code>, default 8081); failing that, one it starts itself on a free port.</p>
${codeBlock(`npm run qa -- --env sandbox --base-url ${base}   # this gateway\n` + 'PORT=19081 npm run qa -- --env sandbox                          # finds the one on 19081, or starts its own\n' + 'npm run qa -- --env qa --env-var clientId=... --env-var clientSecret=... --env-var tokenUrl=...')}`;
}
