import { isVar, type ExampleProgram, type Generator, type ProgramStep, type Template } from '../../model/example-programs';
import { FRESH_NOTE, fileName, opLabel, stepComment, type Caller } from './common';

/** Node 20 (fetch, top-level await in an .mjs file), no package to install. */
const str = (s: string): string => `'${JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
const key = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : str(k));

function literal(t: Template, indent: string): string {
  if (isVar(t)) return t.$var;
  if (typeof t === 'string') return str(t);
  if (t === null || typeof t !== 'object') return String(t);
  const inner = `${indent}  `;
  if (Array.isArray(t)) return t.length ? `[\n${t.map((x) => `${inner}${literal(x, inner)},`).join('\n')}\n${indent}]` : '[]';
  const entries = Object.entries(t);
  return entries.length ? `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${literal(v, inner)},`).join('\n')}\n${indent}}` : '{}';
}

const RANDOM_DIGITS = (n: number) => `String(Math.floor(Math.random() * 1e${n})).padStart(${n}, '0')`;
const GEN: Record<Generator, (from?: string) => string> = {
  integer: () => 'Date.now() * 100 + Math.floor(Math.random() * 100)',
  reference: () => '`REF${Date.now()}${Math.floor(Math.random() * 1e6)}`',
  digits6: () => RANDOM_DIGITS(6),
  phone: () => `\`35\${${RANDOM_DIGITS(8)}}\``,
  key: () => 'crypto.randomUUID()',
  txId: () => `\`APIF\${julianDate}32\${${RANDOM_DIGITS(10)}}\``,
  processId: (from) => `\`0\${${from}.slice(-11)}\``,
  processDate: () => 'new Date().toISOString().slice(0, 10)',
  sessionKey: () => 'token.slice(0, 30)',
};

function request(s: ProgramStep, name: string): string[] {
  const headers = [...(s.auth ? ['...auth'] : []), ...s.headers.map(([k, v]) => `${key(k)}: ${typeof v === 'string' ? str(v) : v.$var}`)];
  if (s.body !== undefined) headers.push("'Content-Type': 'application/json'");
  if (s.method === 'GET' && !headers.length) return [`const ${name} = await fetch(\`\${BASE}${s.path}\`);`];
  const opts = [`  method: '${s.method}',`];
  if (headers.length) opts.push(`  headers: { ${headers.join(', ')} },`);
  if (s.body !== undefined) opts.push(`  body: JSON.stringify(${literal(s.body, '  ')}),`);
  return [`const ${name} = await fetch(\`\${BASE}${s.path}\`, {`, ...opts, '});'];
}

export function javascriptProgram(p: ExampleProgram, caller: Caller): string {
  const lines = [
    `// ${opLabel(p)}`,
    `// Node 20 or later: save as ${fileName(p, 'javascript')} and run node ${fileName(p, 'javascript')}`,
    `const BASE = process.env.BASE ?? ${str(caller.base)};`,
    `const CLIENT_ID = process.env.CLIENT_ID ?? ${str(caller.clientId)};`,
    `const CLIENT_SECRET = process.env.CLIENT_SECRET ?? ${str(caller.clientSecret)};`,
    '',
    '// an access token: OAuth 2.0 client-credentials grant (reuse it until it expires)',
    'const tokenAnswer = await fetch(`${BASE}/oauth/token`, {',
    "  method: 'POST',",
    "  headers: { Authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}` },",
    "  body: new URLSearchParams({ grant_type: 'client_credentials' }),",
    '});',
    'if (!tokenAnswer.ok) throw new Error(`token: HTTP ${tokenAnswer.status} ${await tokenAnswer.text()}`);',
    'const token = (await tokenAnswer.json()).access_token;',
    'const auth = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, Authorization: `Bearer ${token}` };',
  ];
  if (p.vars.length) {
    lines.push('', `// ${FRESH_NOTE}`);
    if (p.vars.some((v) => v.gen === 'txId')) {
      lines.push(
        '// a correspondent TxId carries the Julian date: the year\'s last digit and the day of the year (UTC)',
        'const today = new Date();',
        "const julianDate = `${today.getUTCFullYear() % 10}${String(Math.floor((today - Date.UTC(today.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0')}`;",
      );
    }
    for (const v of p.vars) lines.push(`const ${v.name} = ${GEN[v.gen](v.from)};`);
  }
  p.steps.forEach((s, i) => {
    const comment = stepComment(p, s);
    lines.push('', ...(comment ? [`// ${comment}`] : []));
    const name = s.main ? 'answer' : `setup${i + 1}`;
    lines.push(...request(s, name));
    if (s.main) lines.push('console.log(`HTTP ${answer.status}`);', 'console.log(await answer.text());');
    else {
      lines.push(`if (!${name}.ok) throw new Error(\`step ${i + 1}: HTTP \${${name}.status} \${await ${name}.text()}\`);`);
      if (s.capture) lines.push(`const ${s.capture.name} = (await ${name}.json())${s.capture.from.map((k) => `.${k}`).join('')};`);
    }
  });
  return lines.join('\n');
}
