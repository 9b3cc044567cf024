/**
 * npm run qa -- --env <sandbox|qa|prod> [--base-url URL] [--api NAME]... [--env-var KEY=VALUE]... [--allow-prod]
 *
 * Runs the QA kit (test/qa/collections) with newman's cli and junit reporters (junit files in
 * test/artifacts/qa/) and exits non-zero on any failure. With --env sandbox and nothing answering
 * at the sandbox URL, it starts an embedded sandbox gateway there for the run.
 */
import { loadConfig } from '../../config/load-config';
import { startServer, type RunningGateway } from '../../server';
import { QA_ENVIRONMENTS, buildEnvironment, type QaEnvironment } from '../../docs/postman/environments';
import { passed, runQaKit } from './run-qa';
import { terminate } from '../../terminate';

interface Args {
  env: QaEnvironment;
  baseUrl?: string;
  apis: string[];
  envVars: Record<string, string>;
  allowProd: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { env: 'sandbox', apis: [], envVars: {}, allowProd: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--env') {
      const env = value();
      if (!(QA_ENVIRONMENTS as readonly string[]).includes(env)) throw new Error(`--env must be one of ${QA_ENVIRONMENTS.join(', ')}`);
      args.env = env as QaEnvironment;
    } else if (a === '--base-url') args.baseUrl = value();
    else if (a === '--api') args.apis.push(value());
    else if (a === '--env-var') {
      const [k, ...rest] = value().split('=');
      args.envVars[k] = rest.join('=');
    } else if (a === '--allow-prod') args.allowProd = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function answers(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/** Starts the sandbox gateway on the sandbox URL's port, on loopback. */
async function embeddedSandbox(baseUrl: string): Promise<{ running: RunningGateway; url: string }> {
  const port = Number(new URL(baseUrl).port || 80);
  const config = loadConfig({ env: 'sandbox', overrides: { server: { host: '127.0.0.1', port }, log: { level: 'error' } } });
  const running = await startServer(config);
  return { running, url: `http://127.0.0.1:${port}` };
}

export async function runCli(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const env = buildEnvironment(args.env);
  let baseUrl = args.envVars.baseUrl ?? args.baseUrl ?? env.values.find((v) => v.key === 'baseUrl')!.value;
  if (args.env === 'prod' && !args.allowProd) {
    console.error('The QA kit moves money. Against production it runs only with --allow-prod (and real credentials given with --env-var).');
    return 2;
  }
  if (args.env !== 'sandbox' && !(args.envVars.clientId && args.envVars.clientSecret)) {
    console.error(`--env ${args.env} needs credentials: --env-var clientId=... --env-var clientSecret=... (and --env-var tokenUrl=... for the bank's identity provider)`);
    return 2;
  }
  let embedded: RunningGateway | undefined;
  if (args.env === 'sandbox' && !(await answers(baseUrl))) {
    const started = await embeddedSandbox(baseUrl);
    embedded = started.running;
    baseUrl = started.url;
    console.log(`Nothing answered at the sandbox URL: started an embedded sandbox gateway at ${baseUrl}`);
  }
  try {
    const results = await runQaKit({ env: args.env, baseUrl, apis: args.apis.length ? args.apis : undefined, envVars: args.envVars });
    for (const r of results) {
      console.log(`${r.api}: ${r.requests} requests, ${r.assertions - r.failedAssertions}/${r.assertions} assertions passed${r.junitFile ? `, junit ${r.junitFile}` : ''}`);
      for (const f of r.failures) console.log(`  FAILED ${f}`);
    }
    const total = results.reduce((n, r) => n + r.assertions, 0);
    const failed = results.reduce((n, r) => n + r.failedAssertions + (r.failures.length && !r.failedAssertions ? r.failures.length : 0), 0);
    console.log(`${total - failed} passed, ${failed} failed`);
    return passed(results) ? 0 : 1;
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => terminate(code),
    (e) => {
      console.error(`qa: ${e instanceof Error ? e.message : e}`);
      terminate(2);
    },
  );
}
