/**
 * npm run qa -- --env <sandbox|qa|prod> [--base-url URL] [--api NAME]... [--env-var KEY=VALUE]... [--allow-prod]
 *
 * Runs the QA kit (test/qa/collections) with newman's cli and junit reporters (junit files in
 * test/artifacts/qa/) and exits non-zero on any failure. With --env sandbox it tests --base-url when
 * given, else a sandbox gateway it finds running, else one it starts on a free port (see target.ts).
 */
import { sandboxTarget, type Target } from './target';
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

export interface CliOptions {
  /** The environment the configured port and URIs are read from (PORT, GATEWAY_URI_SANDBOX). */
  environment?: NodeJS.ProcessEnv;
  reporters?: string[];
}

export async function runCli(argv: string[], opts: CliOptions = {}): Promise<number> {
  const args = parseArgs(argv);
  const env = buildEnvironment(args.env);
  if (args.env === 'prod' && !args.allowProd) {
    console.error('The QA kit moves money. Against production it runs only with --allow-prod (and real credentials given with --env-var).');
    return 2;
  }
  if (args.env !== 'sandbox' && !(args.envVars.clientId && args.envVars.clientSecret)) {
    console.error(`--env ${args.env} needs credentials: --env-var clientId=... --env-var clientSecret=... (and --env-var tokenUrl=... for the bank's identity provider)`);
    return 2;
  }
  const given = args.envVars.baseUrl ?? args.baseUrl;
  let target: Target;
  if (args.env === 'sandbox') {
    try {
      target = await sandboxTarget(given, opts.environment ?? process.env, (line) => console.log(`  ${line}`));
    } catch (e) {
      console.error((e as Error).message);
      return 2;
    }
  } else target = { baseUrl: given ?? env.values.find((v) => v.key === 'baseUrl')!.value, reason: given ? '--base-url' : `the ${args.env} URI` };
  const baseUrl = target.baseUrl;
  const embedded = target.embedded;
  console.log(`Testing ${baseUrl} (${target.reason})`);
  try {
    const results = await runQaKit({ env: args.env, baseUrl, apis: args.apis.length ? args.apis : undefined, envVars: args.envVars, reporters: opts.reporters });
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
