import type { ExampleProgram, Generator, ProgramStep, VarRef } from '../../model/example-programs';
import { FRESH_NOTE, jsonWithMarkers, lastKey, screamingSnake, stepComment } from './common';

/**
 * POSIX sh and curl (pasted after the getting-started lines, which set BASE, CLIENT_ID,
 * CLIENT_SECRET and TOKEN). Fresh values come from date(1) and od(1) over /dev/urandom, so a
 * block pasted twice sends two transactions.
 */
export const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

const RANDOM = '$(od -An -N4 -tu4 /dev/urandom)';
const GEN: Record<Generator, (from?: string) => string> = {
  integer: () => `$(date +%s)$(printf %05d $(( ${RANDOM} % 100000 )))`,
  reference: () => `REF$(date +%s)$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')`,
  digits6: () => `$(printf %06d $(( ${RANDOM} % 1000000 )))`,
  phone: () => `35$(printf %08d $(( ${RANDOM} % 100000000 )))`,
  key: () => `$(date +%s)-$$-$(od -An -N8 -tx4 /dev/urandom | tr -d ' \\n')`,
  txId: () => `APIF$(date -u +%Y | cut -c4)$(date -u +%j)32$(printf %010d ${RANDOM})`,
  processId: (from) => `0$(printf %s "$${screamingSnake(from!)}" | cut -c10-)`,
  processDate: () => '$(date -u +%Y-%m-%d)',
  sessionKey: () => '$(printf %.30s "$TOKEN")',
};

const ref = (v: VarRef) => `$${screamingSnake(v.$var)}`;

function header(name: string, value: string | VarRef): string {
  if (typeof value !== 'string') return `-H "${name}: ${ref(value)}"`;
  // curl drops a header given as "Name: " (empty); "Name;" sends it empty
  return value === '' ? `-H ${sq(`${name};`)}` : `-H ${sq(`${name}: ${value}`)}`;
}

function curl(s: ProgramStep, flags: string): string {
  const args = [`curl ${flags}${s.method === 'GET' ? '' : ` -X ${s.method}`} "$BASE${s.path}"`];
  if (s.auth) args.push('-H "client_id: $CLIENT_ID"', '-H "client_secret: $CLIENT_SECRET"', '-H "Authorization: Bearer $TOKEN"');
  for (const [k, v] of s.headers) args.push(header(k, v));
  if (s.body !== undefined) {
    const { text, marker } = jsonWithMarkers(s.body);
    // a variable leaves the single quotes: "'"$X"'" for a string, '"$X"' for a number
    const data = sq(text).replace(marker, (_m, name: string, json: string) => (json === 'string' ? `"'"$${screamingSnake(name)}"'"` : `'"$${screamingSnake(name)}"'`));
    args.push(`-H 'Content-Type: application/json'`, `--data-raw ${data}`);
  }
  return args.join(' \\\n  ');
}

export function shellLines(p: ExampleProgram): string[] {
  const lines: string[] = [];
  if (p.vars.length) {
    lines.push(`# ${FRESH_NOTE}`);
    for (const v of p.vars) lines.push(`${screamingSnake(v.name)}=${GEN[v.gen](v.from)}`);
  }
  for (const s of p.steps) {
    const comment = stepComment(p, s);
    if (comment) lines.push(`# ${comment}`);
    if (s.main) lines.push(curl(s, '-i'));
    else if (s.capture) lines.push(`${screamingSnake(s.capture.name)}=$(${curl(s, '-sSf')} | sed -E 's/.*"${lastKey(s.capture.from)}":"([^"]+)".*/\\1/')`);
    else lines.push(curl(s, '-sSf -o /dev/null'));
  }
  return lines;
}

export function tokenLines(base: string, clientId: string, clientSecret: string): string[] {
  return [
    `BASE=${base}`,
    `CLIENT_ID=${sq(clientId)}`,
    `CLIENT_SECRET=${sq(clientSecret)}`,
    `TOKEN=$(curl -s -X POST "$BASE/oauth/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')`,
  ];
}
