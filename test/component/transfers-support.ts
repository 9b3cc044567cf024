import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { TestGateway } from '../helpers/gateway';

/** Support for the transfers-management component tests (not a test file itself). */
export const BASE = '/transfers-management';
export const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'raml', 'transfers-management', 'examples');

export const example = (file: string): any => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));

/** Structure without values: object keys (sorted), the first array item's shape, primitive types. */
export function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shapeOf(v[0])] : [];
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shapeOf((v as Record<string, unknown>)[k])]),
    );
  }
  return typeof v;
}

/** Today's Julian date as the correspondent TxId carries it: last digit of the year + day of the year. */
export function julianToday(now = new Date()): string {
  const start = Date.UTC(now.getUTCFullYear(), 0, 1);
  const day = Math.floor((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - start) / 86_400_000) + 1;
  return `${now.getUTCFullYear() % 10}${String(day).padStart(3, '0')}`;
}

let auth = 0;
/** A correspondent TxId: APIF + Julian date + 32 + a 10-digit authorization number. */
export const correspondentTxId = () => `APIF${julianToday()}32${String(Date.now() % 1e6).padStart(6, '0')}${String(++auth % 1e4).padStart(4, '0')}`;

/** The deposit's headers, with the Required column of document 002 filled in. */
export function depositHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const h: Record<string, string | undefined> = {
    'X-Invoker-Channel': '13',
    'X-Invoker-BranchId': '1108',
    'X-Invoker-TerminalId': 'PDS0001',
    'X-Invoker-UserIPAddress': '10.20.30.40',
    'X-Invoker-ServerIPAddress': '10.20.30.1',
    'X-Invoker-ProcessDate': new Date().toISOString().slice(0, 10),
    'X-Invoker-TxId': correspondentTxId(),
    'X-Invoker-SessionKey': 'eyJhbGciOiJSUzI1NiIsInR5cCI6Ik',
    'X-Invoker-Country': 'CO',
    'X-Invoker-ProcessId': correspondentTxId(),
    'X-Invoker-subChannel': '06',
    'X-Invoker-User': 'NEWCBSER',
    'X-Invoker-Action': 'C',
    'X-Invoker-ModifierUser': ' ',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

export type Method = 'get' | 'post' | 'put';

/** One call to transfers-management with the demo client's credentials. */
export async function call(t: TestGateway, method: Method, p: string, body?: unknown, headers: Record<string, string> = {}) {
  const r = request(t.app)[method](`${BASE}${p}`).set(await t.auth()).set(headers);
  return body === undefined ? r : r.send(body as object);
}

export const balance = (t: TestGateway, acctId: string) => t.sandbox.state.ledger.account(acctId).balanceCents;
export const pocket = (t: TestGateway, acctId: string) => t.sandbox.state.ledger.account(acctId).pocketBalanceCents;

/** Deep copy with a change applied: the examples stay untouched. */
export function variant<T>(v: T, change: (copy: any) => void): T {
  const copy = JSON.parse(JSON.stringify(v));
  change(copy);
  return copy;
}

export const errorOf = (res: { body: any }) => res.body.responseDetail as { errorCode: string; errorDesc: string; errorType: string };
