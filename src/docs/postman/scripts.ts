/**
 * The JavaScript the Postman collections run (Postman / newman sandbox, ES2020). Kept as line
 * arrays so the generated collection JSON stays readable in a diff.
 */

/** Before every request: an access token when there is none (or it is about to expire), and the per-call values. */
export const COLLECTION_PREREQUEST = [
  '// Access token: OAuth 2.0 client-credentials grant, fetched once and again before it expires.',
  "const tokenUrl = pm.variables.get('tokenUrl') || pm.variables.get('baseUrl') + '/oauth/token';",
  "const expiresAt = Number(pm.collectionVariables.get('accessTokenExpiresAt') || 0);",
  "if (!pm.collectionVariables.get('accessToken') || Date.now() > expiresAt - 30000) {",
  '  pm.sendRequest({',
  '    url: tokenUrl,',
  "    method: 'POST',",
  "    header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],",
  '    body: {',
  "      mode: 'urlencoded',",
  '      urlencoded: [',
  "        { key: 'grant_type', value: 'client_credentials' },",
  "        { key: 'client_id', value: pm.variables.get('clientId') },",
  "        { key: 'client_secret', value: pm.variables.get('clientSecret') },",
  '      ],',
  '    },',
  '  }, (err, res) => {',
  "    if (err) throw new Error('token request to ' + tokenUrl + ' failed: ' + err.message);",
  "    if (res.code !== 200) throw new Error('token request to ' + tokenUrl + ' answered ' + res.code + ': ' + res.text());",
  '    const token = res.json();',
  "    pm.collectionVariables.set('accessToken', token.access_token);",
  "    pm.collectionVariables.set('accessTokenExpiresAt', String(Date.now() + token.expires_in * 1000));",
  "    pm.collectionVariables.set('sessionKey', token.access_token.slice(0, 30));",
  '  });',
  '}',
  '// Per-call values: the process date, and banking-correspondent TxIds (APIF + Julian date + 32 + 10 digits).',
  'const now = new Date();',
  'const day = Math.floor((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - Date.UTC(now.getUTCFullYear(), 0, 1)) / 86400000) + 1;',
  "const julian = String(now.getUTCFullYear() % 10) + String(day).padStart(3, '0');",
  "const authorization = () => String(Math.floor(Math.random() * 1e10)).padStart(10, '0');",
  "const txId = 'APIF' + julian + '32' + authorization();",
  "pm.variables.set('processDate', now.toISOString().slice(0, 10));",
  "pm.variables.set('correspondentTxId', txId);",
  "pm.variables.set('correspondentProcessId', txId.slice(-11).padStart(12, '0'));",
  "pm.variables.set('pairedTxId', 'APIF' + julian + '32' + authorization());",
];

/** Sets fresh references (new per run) before the request that first uses them. */
export function freshReferencesScript(vars: Array<{ name: string; kind: string }>): string[] {
  if (!vars.length) return [];
  return [
    '// Fresh references: a re-run of the collection never reuses a transaction identity.',
    "const seq = Number(pm.collectionVariables.get('freshSeq') || 0) + 1;",
    "pm.collectionVariables.set('freshSeq', String(seq));",
    'const fresh = {',
    "  reference: () => 'QA' + Date.now() + String(seq % 10000).padStart(4, '0'),",
    '  integer: () => String(Date.now() * 100 + (seq % 100)),',
    "  digits6: () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0'),",
    "  phone: () => '35' + String(Date.now()).slice(-8),",
    '};',
    ...vars.map((v) => `pm.collectionVariables.set(${JSON.stringify(v.name)}, fresh[${JSON.stringify(v.kind)}]());`),
  ];
}

/** The OTP the bank sent the customer: read from the sandbox's delivery box, or given with --env-var otp=... elsewhere. */
export function otpScript(accountExpression: string): string[] {
  return [
    "if (pm.variables.get('sandboxOtpBox') === 'true') {",
    `  const account = ${accountExpression};`,
    "  const admin = { type: 'basic', basic: [{ key: 'username', value: pm.variables.get('sandboxAdminUser') }, { key: 'password', value: pm.variables.get('sandboxAdminSecret') }] };",
    "  pm.sendRequest({ url: pm.variables.get('baseUrl') + '/sandbox/otp/' + account, method: 'GET', auth: admin }, (err, res) => {",
    "    if (err || res.code !== 200) throw new Error('no OTP in the sandbox box for account ' + account + (res ? ': ' + res.text() : ''));",
    "    pm.variables.set('otp', res.json().otp);",
    '  });',
    '}',
  ];
}

/** Status and the documented success fields. */
export function successTests(statuses: number[], keysByStatus: Record<number, string[]>, okMarker: 'responseType' | 'Resultado' | undefined): string[] {
  return [
    `pm.test('answers a documented success status (${statuses.join(' or ')})', () => pm.expect(${JSON.stringify(statuses)}).to.include(pm.response.code));`,
    'const body = pm.response.json();',
    ...(okMarker === 'responseType' ? ["pm.test('responseType is OK', () => pm.expect(body.responseType).to.eql({ value: 'OK' }));"] : []),
    ...(okMarker === 'Resultado' ? ["pm.test('Resultado is 0', () => pm.expect(body.Resultado).to.eql(0));"] : []),
    `const documented = ${JSON.stringify(keysByStatus)}[pm.response.code] || [];`,
    "pm.test('carries the fields the contract requires', () => documented.forEach((k) => pm.expect(body).to.have.property(k)));",
  ];
}
