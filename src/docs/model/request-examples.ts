import type { DocOperation, DocParam } from './contract-model';
import { HEADER_SAMPLES, SANDBOX_PARAMS } from './sandbox-values';
import { PROFILES } from '../../policies/x-invoker-headers/profiles';

/**
 * One request per documented example of an operation, ready to send to the sandbox. Values that
 * change per call are Postman-style variables ({{processDate}}, {{correspondentTxId}}...): the QA
 * kit keeps them, the portal resolves them to today's values (see resolveVariables).
 */
export type FreshKind = 'reference' | 'integer' | 'digits6' | 'phone';

export interface ExampleRequest {
  op: DocOperation;
  name: string;
  title: string;
  method: string;
  /** Path under the API's base path with the parameters filled in. */
  path: string;
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  /** The JSON body as text, variables inlined ({{x}} unquoted where the field is a number). */
  bodyText?: string;
  /** Variables this request introduces (first use of a fresh reference). */
  freshVariables: Array<{ name: string; kind: FreshKind }>;
  /** The body carries an OTP: read it first from the sandbox's delivery box for this account. */
  otpAccount?: string;
  /** Why the example is shown but not sent (placeholders in it). */
  notRunnable?: string;
}

export const VAR = {
  baseUrl: 'baseUrl',
  clientId: 'clientId',
  clientSecret: 'clientSecret',
  accessToken: 'accessToken',
  processDate: 'processDate',
  txId: 'correspondentTxId',
  processId: 'correspondentProcessId',
  pairedTxId: 'pairedTxId',
  sessionKey: 'sessionKey',
  otp: 'otp',
} as const;

/** Client-chosen identities in money-moving bodies: fresh per QA run so a re-run never collides. */
export const FRESH_FIELDS: Array<{ path: string; kind: FreshKind }> = [
  { path: 'refId', kind: 'reference' }, // T1: the deal reference
  { path: 'IdFacilito', kind: 'integer' }, // F2, F4, F6 and the F7 reversal that names one of them
  { path: 'trn.trnRqUID', kind: 'digits6' }, // T15: the audit number that identifies a deposit
  { path: 'govIssueIdent.cellPhone', kind: 'phone' }, // T4: an enrolled phone cannot be enrolled twice
];

/** One collection's fresh references: the same written value in two examples is one transaction (a reversal names its deposit). */
export class FreshReferences {
  private readonly byValue = new Map<string, string>();
  private n = 0;
  variableFor(value: unknown, path: string, kind: FreshKind): { name: string; isNew: boolean } {
    const key = `${kind}|${String(value)}`;
    const known = this.byValue.get(key);
    if (known) return { name: known, isNew: false };
    const name = `fresh_${path.split('.').pop()}_${++this.n}`;
    this.byValue.set(key, name);
    return { name, isNew: true };
  }
}

export interface BuildOptions {
  /** as-written: the contract's examples as they are (the portal); fresh: new references per run (the QA kit). */
  references: 'as-written' | 'fresh';
  fresh?: FreshReferences;
}

const v = (name: string) => `{{${name}}}`;

function headerValue(op: DocOperation, p: DocParam): string | undefined {
  const profile = op.route?.invokerProfile ? PROFILES[op.route.invokerProfile] : undefined;
  const pinned = profile?.pinned[p.name];
  if (pinned !== undefined) return pinned;
  if (Array.isArray(p.schema.enum) && p.schema.enum.length) return String(p.schema.enum[0]);
  const correspondent = typeof p.schema.pattern === 'string' && p.schema.pattern.startsWith('^APIF');
  if (p.name === 'X-Invoker-TxId' && correspondent) return v(VAR.txId);
  if (p.name === 'X-Invoker-ProcessId' && profile) return profile.processId === 'last-11-of-txid' ? v(VAR.processId) : v(VAR.pairedTxId);
  if (p.name === 'X-Invoker-ProcessDate') return v(VAR.processDate);
  if (p.name === 'X-Invoker-SessionKey') return v(VAR.sessionKey);
  return HEADER_SAMPLES[p.name];
}

function paramValue(op: DocOperation, p: DocParam): string | undefined {
  const fixture = SANDBOX_PARAMS[op.operationId]?.[p.name];
  if (fixture !== undefined) return fixture;
  if (p.example !== undefined) return String(p.example);
  if (Array.isArray(p.schema.enum) && p.schema.enum.length) return String(p.schema.enum[0]);
  return undefined;
}

const MARK = (name: string, numeric: boolean) => `@@VAR:${name}:${numeric ? 'num' : 'str'}@@`;
const unmark = (json: string) => json.replace(/"@@VAR:([A-Za-z0-9_$]+):(num|str)@@"/g, (_m, name: string, t: string) => (t === 'num' ? v(name) : `"${v(name)}"`));

function getAt(obj: any, path: string): { parent: any; key: string } | undefined {
  const parts = path.split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) cur = cur && typeof cur === 'object' ? cur[p] : undefined;
  const key = parts[parts.length - 1];
  return cur && typeof cur === 'object' && key in cur ? { parent: cur, key } : undefined;
}

/** Every runnable example of an operation as a request (a GET without examples gets one). */
export function buildExampleRequests(op: DocOperation, opts: BuildOptions): { requests: ExampleRequest[]; problems: string[] } {
  const problems: string[] = [];
  let path = op.path;
  const query: Array<[string, string]> = [];
  const headers: Array<[string, string]> = [];
  for (const p of op.params) {
    if (p.in === 'path') {
      const value = paramValue(op, p);
      if (value === undefined) problems.push(`${op.operationId}: no sandbox value for path parameter ${p.name}`);
      path = path.replace(`{${p.name}}`, encodeURIComponent(value ?? `{${p.name}}`));
    } else if (p.in === 'query' && (p.required || SANDBOX_PARAMS[op.operationId]?.[p.name] !== undefined)) {
      const value = paramValue(op, p);
      if (value === undefined) problems.push(`${op.operationId}: no sandbox value for query parameter ${p.name}`);
      else query.push([p.name, value]);
    } else if (p.in === 'header' && p.required) {
      const value = headerValue(op, p);
      if (value === undefined) problems.push(`${op.operationId}: no sample value for required header ${p.name}`);
      else headers.push([p.name, value]);
    }
  }
  const examples = op.bodyExamples.length ? op.bodyExamples : [{ name: 'request', runnable: true, value: undefined }];
  const keyed = Boolean(op.route?.idempotency && !op.route.idempotency.naturalKey);
  const requests = examples.map((ex): ExampleRequest => {
    const freshVariables: ExampleRequest['freshVariables'] = [];
    let otpAccount: string | undefined;
    let bodyText: string | undefined;
    if (ex.value !== undefined) {
      const body = JSON.parse(JSON.stringify(ex.value));
      if (opts.references === 'fresh' && op.route?.moneyMoving) {
        for (const f of FRESH_FIELDS) {
          const at = getAt(body, f.path);
          if (!at) continue;
          const { name, isNew } = opts.fresh!.variableFor(at.parent[at.key], f.path, f.kind);
          if (isNew) freshVariables.push({ name, kind: f.kind });
          at.parent[at.key] = MARK(name, typeof at.parent[at.key] === 'number');
        }
      }
      if (body && typeof body === 'object' && typeof body.OTP === 'string') {
        otpAccount = typeof body.IDcuenta === 'string' ? body.IDcuenta : undefined;
        body.OTP = MARK(VAR.otp, false);
      }
      bodyText = unmark(JSON.stringify(body, null, 2));
    }
    const h: Array<[string, string]> = [...headers];
    if (keyed) h.push(['Idempotency-Key', opts.references === 'fresh' ? '{{$guid}}' : `${op.operationId}-${ex.name}`]);
    return {
      op,
      name: ex.name,
      title: ex.title ?? (examples.length > 1 ? ex.name : op.summary),
      method: op.method,
      path,
      query,
      headers: h,
      bodyText,
      freshVariables,
      otpAccount,
      notRunnable: ex.runnable ? undefined : (ex.description?.trim() ?? 'An illustration with placeholders: replace them before sending.'),
    };
  });
  return { requests, problems };
}

/** Julian date as the correspondent TxId carries it: last digit of the year + day of the year. */
export function julianDate(now = new Date()): string {
  const start = Date.UTC(now.getUTCFullYear(), 0, 1);
  const day = Math.floor((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - start) / 86_400_000) + 1;
  return `${now.getUTCFullYear() % 10}${String(day).padStart(3, '0')}`;
}
