import { isVar, type ExampleProgram, type Generator, type ProgramStep, type Template } from '../../model/example-programs';
import { FRESH_NOTE, fileName, opLabel, snake, stepComment, type Caller } from './common';

/** Python 3 with requests. JSON strings are valid Python string literals, so strings are written as JSON writes them. */
const str = (s: string): string => JSON.stringify(s);

function literal(t: Template, indent: string): string {
  if (isVar(t)) return snake(t.$var);
  if (typeof t === 'string') return str(t);
  if (t === null) return 'None';
  if (typeof t === 'boolean') return t ? 'True' : 'False';
  if (typeof t !== 'object') return String(t);
  const inner = `${indent}    `;
  if (Array.isArray(t)) return t.length ? `[\n${t.map((x) => `${inner}${literal(x, inner)},`).join('\n')}\n${indent}]` : '[]';
  const entries = Object.entries(t);
  return entries.length ? `{\n${entries.map(([k, v]) => `${inner}${str(k)}: ${literal(v, inner)},`).join('\n')}\n${indent}}` : '{}';
}

const GEN: Record<Generator, { expr: (from?: string) => string; imports: string[] }> = {
  integer: { expr: () => 'int(time.time() * 1000) * 100 + random.randrange(100)', imports: ['random', 'time'] },
  reference: { expr: () => 'f"REF{int(time.time() * 1000)}{random.randrange(10**6)}"', imports: ['random', 'time'] },
  digits6: { expr: () => 'f"{random.randrange(10**6):06d}"', imports: ['random'] },
  phone: { expr: () => 'f"35{random.randrange(10**8):08d}"', imports: ['random'] },
  key: { expr: () => 'str(uuid.uuid4())', imports: ['uuid'] },
  txId: { expr: () => 'f"APIF{today.year % 10}{today.timetuple().tm_yday:03d}32{random.randrange(10**10):010d}"', imports: ['random', 'datetime'] },
  processId: { expr: (from) => `"0" + ${snake(from!)}[-11:]`, imports: [] },
  processDate: { expr: () => 'datetime.now(timezone.utc).strftime("%Y-%m-%d")', imports: ['datetime'] },
  sessionKey: { expr: () => 'token[:30]', imports: [] },
};

function request(s: ProgramStep, name: string): string[] {
  const headers = [...(s.auth ? ['**auth'] : []), ...s.headers.map(([k, v]) => `${str(k)}: ${typeof v === 'string' ? str(v) : snake(v.$var)}`)];
  const args = [`f"{BASE}${s.path.replace(/[{}]/g, (c) => c + c)}"`];
  if (headers.length) args.push(headers.length === 1 && s.auth ? 'headers=auth' : `headers={${headers.join(', ')}}`);
  if (s.body !== undefined) args.push('json=body');
  args.push('timeout=30');
  return [...(s.body !== undefined ? [`body = ${literal(s.body, '')}`] : []), `${name} = requests.${s.method.toLowerCase()}(${args.join(', ')})`];
}

export function pythonProgram(p: ExampleProgram, caller: Caller): string {
  const imports = new Set(['os', ...p.vars.flatMap((v) => GEN[v.gen].imports)]);
  const lines = [
    `# ${opLabel(p)}`,
    `# Python 3 with requests (pip install requests): save as ${fileName(p, 'python')} and run python3 ${fileName(p, 'python')}`,
    ...[...imports].filter((i) => i !== 'datetime').sort().map((i) => `import ${i}`),
    ...(imports.has('datetime') ? ['from datetime import datetime, timezone'] : []),
    '',
    'import requests',
    '',
    `BASE = os.environ.get("BASE", ${str(caller.base)})`,
    `CLIENT_ID = os.environ.get("CLIENT_ID", ${str(caller.clientId)})`,
    `CLIENT_SECRET = os.environ.get("CLIENT_SECRET", ${str(caller.clientSecret)})`,
    '',
    '# an access token: OAuth 2.0 client-credentials grant (reuse it until it expires)',
    'token_answer = requests.post(f"{BASE}/oauth/token", auth=(CLIENT_ID, CLIENT_SECRET), data={"grant_type": "client_credentials"}, timeout=30)',
    'token_answer.raise_for_status()',
    'token = token_answer.json()["access_token"]',
    'auth = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "Authorization": f"Bearer {token}"}',
  ];
  if (p.vars.length) {
    lines.push('', `# ${FRESH_NOTE}`);
    if (p.vars.some((v) => v.gen === 'txId')) lines.push("today = datetime.now(timezone.utc)  # a correspondent TxId carries the year's last digit and the day of the year");
    for (const v of p.vars) lines.push(`${snake(v.name)} = ${GEN[v.gen].expr(v.from)}`);
  }
  p.steps.forEach((s, i) => {
    const comment = stepComment(p, s);
    lines.push('', ...(comment ? [`# ${comment}`] : []));
    const name = s.main ? 'answer' : `setup${i + 1}`;
    lines.push(...request(s, name));
    if (s.main) lines.push('print("HTTP", answer.status_code)', 'print(answer.text)');
    else {
      lines.push(`if not ${name}.ok:`, `    raise SystemExit(f"step ${i + 1}: HTTP {${name}.status_code} {${name}.text}")`);
      if (s.capture) lines.push(`${snake(s.capture.name)} = ${name}.json()${s.capture.from.map((k) => `[${str(k)}]`).join('')}`);
    }
  });
  return lines.join('\n');
}
