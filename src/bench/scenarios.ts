import fs from 'node:fs';
import { projectPath } from '../paths';

/** One kind of request the bench fires, as the gateway, the baseline and the stub each receive it. */
export interface Scenario {
  name: string;
  description: string;
  method: 'GET' | 'POST';
  /** Path on the gateway and on the baseline proxy. */
  path: string;
  /** The core operation the gateway calls for it: the "direct" target of the fixed-rate mode. */
  upstreamPath: string;
  /** A fresh body per request (a new transaction reference), or undefined for a GET. */
  body?: (seq: number) => string;
}

/**
 * T1 OWN transfer: the portal's own example (~610 bytes), each request with a new refId so every
 * one is a real first execution through the idempotency policy (never a replay).
 */
function transferBody(runId: string): (seq: number) => string {
  const example = JSON.parse(fs.readFileSync(projectPath('raml', 'transfers-management', 'examples', 'transfer-own-request.json'), 'utf8'));
  const [head, tail] = JSON.stringify({ ...example, refId: '@REF@' }).split('"@REF@"');
  // RefId: letters and digits, 6 to 30
  return (seq) => `${head}"APIB${runId}${String(seq).padStart(12, '0')}"${tail}`;
}

export function scenarios(): Scenario[] {
  const runId = Date.now().toString(36).toUpperCase();
  return [
    {
      name: 'transfer',
      description: 'POST /transfers-management/v1/transfers (T1 OWN, ~610-byte body, unique refId: first execution)',
      method: 'POST',
      path: '/transfers-management/v1/transfers',
      upstreamPath: '/bankmaster/transfers',
      body: transferBody(runId),
    },
    {
      name: 'account',
      description: 'GET /facilito/v1/customers/{Cedula}/account (F1)',
      method: 'GET',
      path: '/facilito/v1/customers/1234567890/account',
      upstreamPath: '/bankmaster/customers/1234567890/main-account',
    },
  ];
}
