import type { ExampleProgram, Generator, ProgramStep } from '../../model/example-programs';
import { FRESH_NOTE, fileName, jsonWithMarkers, lastKey, opLabel, stepComment, type Caller } from './common';

/** Java 17, java.net.http only: one file, run with the single-file launcher (java File.java). */
const str = (s: string): string => JSON.stringify(s);
const I2 = '        ';

const GEN: Record<Generator, (from?: string) => [type: string, expr: string]> = {
  integer: () => ['long', 'System.currentTimeMillis() * 100 + RANDOM.nextInt(100)'],
  reference: () => ['String', '"REF" + System.currentTimeMillis() + RANDOM.nextInt(1_000_000)'],
  digits6: () => ['String', 'String.format("%06d", RANDOM.nextInt(1_000_000))'],
  phone: () => ['String', 'String.format("35%08d", RANDOM.nextInt(100_000_000))'],
  key: () => ['String', 'UUID.randomUUID().toString()'],
  txId: () => ['String', '"APIF" + julianDate + "32" + String.format("%010d", RANDOM.nextLong(10_000_000_000L))'],
  processId: (from) => ['String', `"0" + ${from}.substring(${from}.length() - 11)`],
  processDate: () => ['String', 'LocalDate.now(ZoneOffset.UTC).toString()'],
  sessionKey: () => ['String', 'token.substring(0, 30)'],
};

/** The body as a text block; variables go in with formatted() (so a literal % is doubled). */
function bodyBlock(s: ProgramStep, name: string): string[] {
  const { text, marker } = jsonWithMarkers(s.body!);
  const args: string[] = [];
  const hasVars = marker.test(text);
  const escaped = text.replace(/\\/g, '\\\\').replace(/"""/g, '""\\"');
  const body = (hasVars ? escaped.replace(/%/g, '%%') : escaped).replace(marker, (_m, v: string, json: string) => {
    args.push(v);
    return json === 'string' ? '"%s"' : '%s';
  });
  const lines = body.split('\n').map((l) => `${I2}    ${l}`);
  lines[lines.length - 1] += `"""${args.length ? `.formatted(${args.join(', ')})` : ''};`;
  return [`${I2}String ${name} = """`, ...lines];
}

function request(s: ProgramStep, name: string): string[] {
  const lines: string[] = [];
  if (s.body !== undefined) lines.push(...bodyBlock(s, `${name}Body`));
  lines.push(`${I2}HttpResponse<String> ${name} = HTTP.send(HttpRequest.newBuilder(URI.create(base + ${str(s.path)}))`);
  if (s.auth) lines.push(`${I2}        .header("client_id", clientId)`, `${I2}        .header("client_secret", clientSecret)`, `${I2}        .header("Authorization", "Bearer " + token)`);
  for (const [k, v] of s.headers) lines.push(`${I2}        .header(${str(k)}, ${typeof v === 'string' ? str(v) : v.$var})`);
  if (s.body !== undefined) lines.push(`${I2}        .header("Content-Type", "application/json")`, `${I2}        .method(${str(s.method)}, HttpRequest.BodyPublishers.ofString(${name}Body))`);
  else lines.push(s.method === 'GET' ? `${I2}        .GET()` : `${I2}        .method(${str(s.method)}, HttpRequest.BodyPublishers.noBody())`);
  lines.push(`${I2}        .build(), HttpResponse.BodyHandlers.ofString());`);
  return lines;
}

export function javaProgram(p: ExampleProgram, caller: Caller): string {
  const cls = fileName(p, 'java').replace(/\.java$/, '');
  const gens = new Set(p.vars.map((v) => v.gen));
  const imports = ['java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.nio.charset.StandardCharsets', 'java.util.Base64', 'java.util.regex.Matcher', 'java.util.regex.Pattern'];
  if (gens.has('txId') || gens.has('processDate')) imports.push('java.time.LocalDate', 'java.time.ZoneOffset');
  if (gens.has('key')) imports.push('java.util.UUID');
  if (['integer', 'reference', 'digits6', 'phone', 'txId'].some((g) => gens.has(g as Generator))) imports.push('java.util.Random');
  const lines = [
    `// ${opLabel(p)}`,
    `// Java 17 or later: save as ${fileName(p, 'java')} and run java ${fileName(p, 'java')}`,
    ...imports.sort().map((i) => `import ${i};`),
    '',
    `public class ${cls} {`,
    '    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();',
    ...(imports.includes('java.util.Random') ? ['    static final Random RANDOM = new Random();'] : []),
    '',
    '    public static void main(String[] args) throws Exception {',
    `${I2}String base = env("BASE", ${str(caller.base)});`,
    `${I2}String clientId = env("CLIENT_ID", ${str(caller.clientId)});`,
    `${I2}String clientSecret = env("CLIENT_SECRET", ${str(caller.clientSecret)});`,
    '',
    `${I2}// an access token: OAuth 2.0 client-credentials grant (reuse it until it expires)`,
    `${I2}HttpResponse<String> tokenAnswer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))`,
    `${I2}        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)))`,
    `${I2}        .header("Content-Type", "application/x-www-form-urlencoded")`,
    `${I2}        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))`,
    `${I2}        .build(), HttpResponse.BodyHandlers.ofString());`,
    `${I2}String token = field(ok(tokenAnswer, "token"), "access_token");`,
  ];
  if (p.vars.length) {
    lines.push('', `${I2}// ${FRESH_NOTE}`);
    if (gens.has('txId')) {
      lines.push(`${I2}// a correspondent TxId carries the Julian date: the year's last digit and the day of the year (UTC)`, `${I2}LocalDate today = LocalDate.now(ZoneOffset.UTC);`, `${I2}String julianDate = (today.getYear() % 10) + String.format("%03d", today.getDayOfYear());`);
    }
    for (const v of p.vars) {
      const [type, expr] = GEN[v.gen](v.from);
      lines.push(`${I2}${type} ${v.name} = ${expr};`);
    }
  }
  p.steps.forEach((s, i) => {
    const comment = stepComment(p, s);
    lines.push('', ...(comment ? [`${I2}// ${comment}`] : []));
    const name = s.main ? 'answer' : `setup${i + 1}`;
    lines.push(...request(s, name));
    if (s.main) lines.push(`${I2}System.out.println("HTTP " + answer.statusCode());`, `${I2}System.out.println(answer.body());`);
    else if (s.capture) lines.push(`${I2}String ${s.capture.name} = field(ok(${name}, "step ${i + 1}"), ${str(lastKey(s.capture.from))});`);
    else lines.push(`${I2}ok(${name}, "step ${i + 1}");`);
  });
  lines.push(
    '    }',
    '',
    '    static String env(String name, String fallback) {',
    `${I2}String value = System.getenv(name);`,
    `${I2}return value == null || value.isEmpty() ? fallback : value;`,
    '    }',
    '',
    '    static String ok(HttpResponse<String> answer, String what) {',
    `${I2}if (answer.statusCode() >= 300) throw new IllegalStateException(what + ": HTTP " + answer.statusCode() + " " + answer.body());`,
    `${I2}return answer.body();`,
    '    }',
    '',
    '    /** A string field of a JSON answer, by name (in real code, use your JSON library). */',
    '    static String field(String json, String name) {',
    `${I2}Matcher m = Pattern.compile("\\"" + name + "\\"\\\\s*:\\\\s*\\"([^\\"]*)\\"").matcher(json);`,
    `${I2}if (!m.find()) throw new IllegalStateException(name + " not in " + json);`,
    `${I2}return m.group(1);`,
    '    }',
    '}',
  );
  return lines.join('\n');
}
