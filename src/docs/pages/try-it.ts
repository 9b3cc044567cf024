import crypto from 'node:crypto';
import type { DocApi, DocOperation } from '../model/contract-model';
import { isVar, type ExampleProgram, type ProgramVar } from '../model/example-programs';
import { julianDate } from '../model/request-examples';
import { exampleParams } from '../model/example-params';
import { credentialsFor, type PortalContext } from './portal-context';

/**
 * What Swagger UI's "Try it out" starts with, so a call works without typing: each operation's
 * parameters from its example (the X-Invoker profile's pinned and sample headers, path and query
 * values), with this page load's own TxId, ProcessDate and Idempotency-Key; the session key is
 * taken from the token the page fetches for the sandbox demo client.
 */
export const SESSION_KEY_FROM_TOKEN = '{{sessionKey}}';

function valueOf(v: ProgramVar, all: Map<string, string>, now: Date): string {
  const digits = (n: number) => String(crypto.randomInt(10 ** Math.min(n, 12))).padStart(n, '0');
  switch (v.gen) {
    case 'txId':
      return `APIF${julianDate(now)}32${digits(10)}`;
    case 'processId':
      return `0${all.get(v.from!)!.slice(-11)}`;
    case 'processDate':
      return now.toISOString().slice(0, 10);
    case 'sessionKey':
      return SESSION_KEY_FROM_TOKEN;
    case 'key':
      return crypto.randomUUID();
    default:
      throw new Error(`a header made of a ${v.gen} value has no try-it value`);
  }
}

function operationValues(op: DocOperation, program: ExampleProgram | undefined, now: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of exampleParams(op)) {
    const p = op.params.find((x) => x.name === name && x.in !== 'header');
    if (p) out[`${p.in}:${name}`] = value;
  }
  const main = program?.steps.find((s) => s.main);
  if (!program || !main) return out;
  const resolved = new Map<string, string>();
  for (const v of program.vars) if (main.headers.some(([, h]) => isVar(h) && h.$var === v.name) || program.vars.some((x) => x.from === v.name)) resolved.set(v.name, valueOf(v, resolved, now));
  // "send spaces": Swagger UI refuses an empty required field; the browser trims the space and sends the header blank
  for (const [name, h] of main.headers) out[`header:${name}`] = isVar(h) ? resolved.get(h.$var)! : h === '' ? ' ' : h;
  return out;
}

export function tryItValues(ctx: PortalContext, api: DocApi, now = new Date()): { demo?: { clientId: string; clientSecret: string }; operations: Record<string, Record<string, string>> } {
  const programs = ctx.programs.get(api.name);
  const operations = Object.fromEntries(api.operations.map((op) => {
    const list = programs?.get(op.operationId) ?? [];
    return [op.operationId, operationValues(op, list.find((p) => p.runnable) ?? list[0], now)];
  }));
  const creds = credentialsFor(ctx);
  return { demo: ctx.sandbox ? { clientId: creds.clientId, clientSecret: creds.clientSecret } : undefined, operations };
}

/** As a JSON data block of the page (not executed; "<" escaped so it cannot close the element). */
export const tryItBlock = (values: unknown): string => `<script type="application/json" id="try-it-values">${JSON.stringify(values).replace(/</g, '\\u003c')}</script>`;
