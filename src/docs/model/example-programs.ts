import type { DocApi, DocOperation } from './contract-model';
import { buildExampleRequests, FreshReferences, VAR, type ExampleRequest, type FreshKind } from './request-examples';
import { OTP_REQUEST, SETUPS } from './example-setup';

/**
 * Every example of an API page as a small program, independent of any language: the values it
 * generates when it runs (fresh references, idempotency keys, today's correspondent TxId), the
 * requests it sends in order (what a transaction it acts on needs first, then its own), and what it
 * reads from an answer. curl, JavaScript, Python and Java are rendered from this one model
 * (src/docs/render/code/), so a fix in an example reaches every language.
 */
export type Generator = FreshKind | 'key' | 'txId' | 'processId' | 'processDate' | 'sessionKey';

export interface VarRef {
  $var: string;
  /** How the value sits in JSON: a number (IdFacilito) or a string. */
  json: 'number' | 'string';
}
export type Template = null | boolean | number | string | VarRef | Template[] | { [key: string]: Template };

export interface ProgramVar {
  /** camelCase identifier, unique in the program; each language spells it its own way. */
  name: string;
  gen: Generator;
  /** processId: the TxId variable it is made from. */
  from?: string;
}

export interface ProgramStep {
  /** For the reader: what this request is for (set-up steps only). */
  note?: string;
  method: string;
  /** Base path, path and query string. */
  path: string;
  headers: Array<[string, string | VarRef]>;
  body?: Template;
  /** false: the sandbox's OTP box, outside the APIs. */
  auth: boolean;
  /** A string field of the answer kept in a variable for the next steps. */
  capture?: { name: string; from: string[] };
  main: boolean;
}

export interface ExampleProgram {
  /** The page's block id: example-<operationId>-<example name>. */
  id: string;
  op: DocOperation;
  title: string;
  runnable: boolean;
  notRunnable?: string;
  vars: ProgramVar[];
  steps: ProgramStep[];
}

export const isVar = (t: unknown): t is VarRef => Boolean(t && typeof t === 'object' && '$var' in (t as object));

/** The body text's {{variables}} as VarRefs (quoted: a string, bare: a number). */
function parseBody(text: string): Template {
  const marked = text.replace(/"\{\{([A-Za-z0-9_$]+)\}\}"|\{\{([A-Za-z0-9_$]+)\}\}/g, (_m, s?: string, n?: string) => JSON.stringify({ $var: s ?? n, json: s ? 'string' : 'number' }));
  return JSON.parse(marked) as Template;
}

function mapVars(t: Template, f: (v: VarRef) => Template): Template {
  if (isVar(t)) return f(t);
  if (Array.isArray(t)) return t.map((x) => mapVars(x, f));
  if (t && typeof t === 'object') return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, mapVars(v, f)]));
  return t;
}

const PER_STEP: Record<string, { name: string; gen: Generator }> = {
  $guid: { name: 'idempotencyKey', gen: 'key' },
  [VAR.txId]: { name: 'txId', gen: 'txId' },
  [VAR.pairedTxId]: { name: 'pairedTxId', gen: 'txId' },
};
const SHARED: Record<string, { name: string; gen: Generator }> = {
  [VAR.processDate]: { name: 'processDate', gen: 'processDate' },
  [VAR.sessionKey]: { name: 'sessionKey', gen: 'sessionKey' },
};

/** The variables of one program: shared ones (a fresh reference names one transaction in every step) and per-step ones. */
class Scope {
  readonly vars: ProgramVar[] = [];
  private readonly shared = new Map<string, string>();
  constructor(private readonly kinds: Map<string, FreshKind>) {}

  private declare(base: string, gen: Generator, from?: string): string {
    let name = base;
    for (let i = 2; this.vars.some((v) => v.name === name); i++) name = `${base}${i}`;
    this.vars.push({ name, gen, from });
    return name;
  }

  captured(name: string): void {
    this.shared.set(name, name);
  }

  /** Resolves a request variable of one step to a program variable. */
  resolve(requestVar: string, step: Map<string, string>): string {
    if (this.shared.has(requestVar)) return this.shared.get(requestVar)!;
    if (step.has(requestVar)) return step.get(requestVar)!;
    const kind = this.kinds.get(requestVar);
    if (kind) {
      const field = requestVar.replace(/^fresh_/, '').replace(/_[0-9]+$/, '');
      const name = this.declare(field.charAt(0).toLowerCase() + field.slice(1), kind);
      this.shared.set(requestVar, name);
      return name;
    }
    if (SHARED[requestVar]) {
      const name = this.declare(SHARED[requestVar].name, SHARED[requestVar].gen);
      this.shared.set(requestVar, name);
      return name;
    }
    if (requestVar === VAR.processId) {
      const name = this.declare('processId', 'processId', this.resolve(VAR.txId, step));
      step.set(requestVar, name);
      return name;
    }
    if (PER_STEP[requestVar]) {
      const name = this.declare(PER_STEP[requestVar].name, PER_STEP[requestVar].gen);
      step.set(requestVar, name);
      return name;
    }
    throw new Error(`example variable {{${requestVar}}} has no value in the example programs`);
  }
}

function stepOf(r: ExampleRequest, scope: Scope, opts: { note?: string; main: boolean; body?: Template; capture?: ProgramStep['capture'] }): ProgramStep {
  const local = new Map<string, string>();
  const headers = r.headers.map(([k, v]): [string, string | VarRef] => {
    const m = /^\{\{([A-Za-z0-9_$]+)\}\}$/.exec(v);
    if (m) return [k, { $var: scope.resolve(m[1], local), json: 'string' }];
    if (v.includes('{{')) throw new Error(`header ${k} of ${r.op.operationId} mixes text and a variable`);
    return [k, v];
  });
  const raw = opts.body ?? (r.bodyText === undefined ? undefined : parseBody(r.bodyText));
  const body = raw === undefined ? undefined : mapVars(raw, (v) => ({ ...v, $var: scope.resolve(v.$var, local) }));
  const qs = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return { note: opts.note, method: r.method.toUpperCase(), path: `${r.op.basePath}${r.path}${qs ? `?${qs}` : ''}`, headers, body, auth: true, capture: opts.capture, main: opts.main };
}

const label = (op: DocOperation) => `${op.code ? `${op.code} ` : ''}${op.operationId}`;

function setIn(t: Template, path: string[], value: Template): Template {
  const copy = JSON.parse(JSON.stringify(t));
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k];
  cur[path[path.length - 1]] = value;
  return copy;
}

/**
 * The programs of every example of an API, in page order; fresh references are shared the way the
 * QA kit shares them. sandboxAdmin: the credentials of the sandbox admin API, where the examples
 * read the OTP the sandbox "sent" (HTTP Basic; the portal passes this deployment's).
 */
export function examplePrograms(api: DocApi, sandboxAdmin?: { user: string; secret: string }): Map<string, ExampleProgram[]> {
  const adminHeaders: Array<[string, string]> = sandboxAdmin ? [['Authorization', `Basic ${Buffer.from(`${sandboxAdmin.user}:${sandboxAdmin.secret}`).toString('base64')}`]] : [];
  const fresh = new FreshReferences();
  const built = api.operations.map((op) => ({ op, requests: buildExampleRequests(op, { references: 'fresh', fresh }).requests }));
  const all = built.flatMap((b) => b.requests);
  const kinds = new Map(all.flatMap((r) => r.freshVariables.map((v) => [v.name, v.kind] as const)));
  const introducedBy = new Map(all.flatMap((r) => r.freshVariables.map((v) => [v.name, r] as const)));
  const out = new Map<string, ExampleProgram[]>();
  for (const { op, requests } of built) {
    out.set(
      op.operationId,
      requests.map((r) => {
        const scope = new Scope(kinds);
        const steps: ProgramStep[] = [];
        let mainBody = r.bodyText === undefined ? undefined : parseBody(r.bodyText);
        // a reference another example introduced (a reversal names a deposit): that example runs first
        const used = [...(r.bodyText ?? '').matchAll(/\{\{(fresh_[A-Za-z0-9_]+)\}\}/g)].map((m) => m[1]);
        for (const name of new Set(used)) {
          const intro = introducedBy.get(name);
          if (intro && intro !== r) steps.push(stepOf(intro, scope, { main: false, note: `${label(intro.op)}: the transaction this example acts on, made here so the example works on its own, every time` }));
        }
        const setup = SETUPS[op.operationId];
        if (setup && mainBody !== undefined) {
          const starter = all.find((x) => x.op.operationId === setup.operationId && !x.notRunnable);
          if (!starter?.bodyText) throw new Error(`${op.operationId}: no example of ${setup.operationId} to start from`);
          const body = setup.body(parseBody(starter.bodyText), mainBody) as Template;
          steps.push(stepOf(starter, scope, { main: false, body, capture: { name: setup.capture.name, from: setup.capture.from }, note: `${label(starter.op)}: ${setup.why}` }));
          scope.captured(setup.capture.name);
          mainBody = setIn(mainBody, setup.capture.into, { $var: setup.capture.name, json: 'string' });
        }
        if (r.otpAccount) {
          const otp = all.find((x) => x.op.operationId === OTP_REQUEST && x.bodyText && JSON.parse(x.bodyText).IDcuenta === r.otpAccount);
          if (!otp) throw new Error(`${op.operationId}: no ${OTP_REQUEST} example for account ${r.otpAccount}`);
          steps.push(stepOf(otp, scope, { main: false, note: `${label(otp.op)}: the bank sends the customer an OTP for this account and amount` }));
          steps.push({ note: 'the OTP the sandbox "sent" to the customer (sandbox only: in real life the customer tells it)', method: 'GET', path: `/sandbox/otp/${encodeURIComponent(r.otpAccount)}`, headers: adminHeaders, auth: false, capture: { name: VAR.otp, from: ['otp'] }, main: false });
          scope.captured(VAR.otp);
        }
        steps.push(stepOf(r, scope, { main: true, body: mainBody, note: steps.length ? `${label(op)}: this example` : undefined }));
        return { id: `example-${op.operationId}-${r.name}`, op, title: r.title, runnable: !r.notRunnable, notRunnable: r.notRunnable, vars: scope.vars, steps };
      }),
    );
  }
  return out;
}

/** A name for files and classes: createTransfer + thirdParty -> create-transfer-third-party / CreateTransferThirdParty. */
export function programName(p: ExampleProgram): string[] {
  const name = p.id.replace(/^example-/, '').replace(/-(example|request)$/, '');
  return name.split(/[-_]|(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase());
}
