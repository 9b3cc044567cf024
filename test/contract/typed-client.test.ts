import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { CONTRACT_APIS, specFile } from '../../src/contracts/raml-to-openapi';
import { listen } from '../docs/portal-helpers';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startGateway, type TestGateway } from '../helpers/gateway';

/**
 * A typed client generated from the contract alone, as a partner's build makes it: openapi-typescript
 * turns each published document into types, a small openapi-fetch client is compiled against them
 * with tsc (strict), and the Facilito one makes a deposit against the sandbox. A body the contract
 * forbids does not compile.
 */
const ROOT = path.join(__dirname, '..', '..');
// outside the project's tsconfig (the bad client must not break npm start's build), inside its
// node_modules tree so that the generated code resolves openapi-fetch
const DIR = path.join(ROOT, 'node_modules', '.cache', 'contract-typed-client');
const CLI = path.join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

const CLIENT = `import createClient from 'openapi-fetch';
import type { paths } from './facilito';

export interface Credentials { clientId: string; clientSecret: string; token: string }

/** F2: a cash deposit, typed by the contract (paths, body, answer). */
export async function deposit(baseUrl: string, c: Credentials, IdFacilito: number) {
  const client = createClient<paths>({
    baseUrl,
    headers: { client_id: c.clientId, client_secret: c.clientSecret, Authorization: \`Bearer \${c.token}\` },
  });
  const { data, error, response } = await client.POST('/v1/deposits', { body: { IDcuenta: '40010000001', Valor: 1234.5, IdFacilito } });
  return { status: response.status, resultado: data?.Resultado, autorizacion: data?.IdAutorizacion, error };
}
`;

function compile(files: string[]): { diagnostics: string[] } {
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    outDir: path.join(DIR, 'out'),
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
  });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { diagnostics };
}

describe('a typed client generated from the contract (openapi-typescript + openapi-fetch)', () => {
  let t: TestGateway;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    await Promise.all(
      CONTRACT_APIS.map((a) => promisify(execFile)(process.execPath, [CLI, specFile(a.name), '-o', path.join(DIR, `${a.name}.ts`)], { cwd: ROOT })),
    );
    fs.writeFileSync(path.join(DIR, 'client.ts'), CLIENT);
    fs.writeFileSync(path.join(DIR, 'bad-client.ts'), CLIENT.replace("Valor: 1234.5", "Valor: '1234.5'"));
    t = await startGateway();
    server = await listen(t.app);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it('when the three documents are turned into types and the client is compiled with tsc, then there is no error; a string amount does not compile', () => {
    expect(compile([...CONTRACT_APIS.map((a) => path.join(DIR, `${a.name}.ts`)), path.join(DIR, 'client.ts')]).diagnostics).toEqual([]);
    const bad = compile([path.join(DIR, 'bad-client.ts')]).diagnostics;
    expect(bad.join('\n')).toMatch(/Type 'string' is not assignable to type 'number'/);
  }, 60_000);

  it('when the compiled client deposits in the sandbox at the server URL of the contract, then the answer is Resultado 0 with an authorization', async () => {
    const spec = JSON.parse(fs.readFileSync(specFile('facilito'), 'utf8'));
    const basePath = new URL(spec.servers[0].url).pathname;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const client = require(path.join(DIR, 'out', 'client.js')) as {
      deposit(baseUrl: string, c: { clientId: string; clientSecret: string; token: string }, id: number): Promise<unknown>;
    };
    const result = await client.deposit(`${server.base}${basePath}`, { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, token: await t.token() }, 777000001);
    expect(result).toEqual({ status: 200, resultado: 0, autorizacion: expect.any(Number), error: undefined });
  });
});
