import { VAR, todaysValues, type ExampleRequest } from '../model/request-examples';
import { SANDBOX_ADMIN } from '../../config/schema';

/**
 * Shell (bash or zsh) lines for the portal. They use the variables the getting-started block sets:
 * BASE, CLIENT_ID, CLIENT_SECRET and TOKEN, so every block can be pasted as it is after that one.
 */
export const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Shell expansions of the per-call variables; today's values for the correspondent TxIds and dates. */
function shellValues(now: Date): Record<string, string> {
  return {
    ...todaysValues(now),
    [VAR.baseUrl]: '$BASE',
    [VAR.clientId]: '$CLIENT_ID',
    [VAR.clientSecret]: '$CLIENT_SECRET',
    [VAR.accessToken]: '$TOKEN',
    [VAR.sessionKey]: '${TOKEN:0:30}',
  };
}

const needsDoubleQuotes = (s: string) => s.includes('$');
const quote = (s: string) => (needsDoubleQuotes(s) ? `"${s.replace(/(["\\`])/g, '\\$1')}"` : sq(s));

export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{([A-Za-z0-9_$]+)\}\}/g, (m, name: string) => values[name] ?? m);
}

export function tokenLines(base: string, clientId: string, clientSecret: string): string[] {
  return [
    `BASE=${base}`,
    `CLIENT_ID=${sq(clientId)}`,
    `CLIENT_SECRET=${sq(clientSecret)}`,
    `TOKEN=$(curl -s -X POST "$BASE/oauth/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')`,
  ];
}

export const SECURITY_ARGS = ['-H "client_id: $CLIENT_ID"', '-H "client_secret: $CLIENT_SECRET"', '-H "Authorization: Bearer $TOKEN"'];

/** One example as curl, preceded by reading the OTP from the sandbox's delivery box when it needs one. */
export function curlLines(r: ExampleRequest, now = new Date()): string[] {
  const values = shellValues(now);
  const lines: string[] = [];
  if (r.otpAccount) {
    lines.push(
      '# the OTP the sandbox "sent" to the customer after the OTP request (sandbox only)',
      `OTP=$(curl -s -u ${sq(`${SANDBOX_ADMIN.user}:${SANDBOX_ADMIN.secret}`)} "$BASE/sandbox/otp/${r.otpAccount}" | sed -E 's/.*"otp":"([0-9]+)".*/\\1/')`,
    );
  }
  const qs = r.query.map(([k, val]) => `${encodeURIComponent(k)}=${encodeURIComponent(val)}`).join('&');
  const url = `$BASE${r.op.basePath}${r.path}${qs ? `?${qs}` : ''}`;
  const args = [`curl -i -X ${r.method.toUpperCase()} "${url}"`, ...SECURITY_ARGS];
  for (const [name, raw] of r.headers) {
    const value = substitute(raw, values);
    // curl drops a header given as "Name: " (empty); "Name;" sends it empty
    args.push(value === '' ? `-H ${sq(`${name};`)}` : `-H ${quote(`${name}: ${value}`)}`);
  }
  if (r.bodyText !== undefined) {
    args.push(`-H 'Content-Type: application/json'`);
    const body = substitute(r.bodyText, { ...values, [VAR.otp]: '@@OTP@@' });
    args.push(`--data-raw ${sq(body).replace(/"@@OTP@@"/g, `"'"$OTP"'"`)}`);
  }
  lines.push(args.join(' \\\n  '));
  return lines;
}
