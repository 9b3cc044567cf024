import { loadConfig } from '../../gateway-config';
import type { RunningGateway } from '../../server';
import { start } from '../../sandbox/main';

/**
 * Which gateway the QA kit tests in the sandbox: the --base-url it was given, else a sandbox
 * gateway already running on the configured port (PORT, default 8081) or at the configured sandbox
 * URI, else one it starts itself on a free port (a busy 8081 is never assumed to be ours).
 */
export interface Target {
  baseUrl: string;
  /** Why this one, for the console. */
  reason: string;
  /** Started by the kit: stopped after the run. */
  embedded?: RunningGateway;
}

const SANDBOX_PROFILES = ['sandbox', 'test'];

async function getJson(url: string): Promise<{ status: number; body: any } | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return { status: res.status, body: await res.json().catch(() => undefined) };
  } catch {
    return undefined;
  }
}

/**
 * This gateway answers /health with {"status":"UP","startedAt":...} and /ready with its profile;
 * anything else on the port is someone else's server. Answers the profile, or why it is not ours.
 */
export async function identify(baseUrl: string): Promise<{ profile?: string; problem?: string }> {
  const health = await getJson(`${baseUrl}/health`);
  if (!health) return { problem: 'nothing answers' };
  if (health.status !== 200 || health.body?.status !== 'UP' || typeof health.body?.startedAt !== 'string') {
    return { problem: `/health answers ${health.status} but not as this gateway` };
  }
  const ready = await getJson(`${baseUrl}/ready`);
  const profile = ready?.body?.profile;
  if (typeof profile !== 'string' || ready?.body?.configLoaded !== true) return { problem: '/ready does not answer as this gateway' };
  return { profile };
}

/** Candidates for a running sandbox: the configured listener's port on loopback, and the configured sandbox URI. */
function candidates(environment: NodeJS.ProcessEnv): string[] {
  const config = loadConfig({ env: 'sandbox', environment });
  const urls = config.server.port ? [`http://127.0.0.1:${config.server.port}`] : [];
  urls.push(config.publicUris.sandbox.replace(/\/+$/, ''));
  return [...new Set(urls)];
}

export async function sandboxTarget(baseUrl: string | undefined, environment: NodeJS.ProcessEnv, log: (line: string) => void): Promise<Target> {
  if (baseUrl) {
    const found = await identify(baseUrl);
    if (found.problem === 'nothing answers') throw new Error(`nothing answers at ${baseUrl}: start the gateway there (npm start), or leave out --base-url`);
    return { baseUrl, reason: '--base-url' };
  }
  for (const url of candidates(environment)) {
    const found = await identify(url);
    if (found.profile && SANDBOX_PROFILES.includes(found.profile)) return { baseUrl: url, reason: `a running sandbox gateway answers at ${url}` };
    log(found.profile ? `${url}: a gateway in the ${found.profile} profile, not a sandbox` : `${url}: ${found.problem}`);
  }
  // the environment's PORT/HOST name the listener that was not ours: they would win over the overrides
  const { PORT: _port, HOST: _host, LOG_LEVEL: _level, ...rest } = environment;
  const config = loadConfig({ env: 'sandbox', environment: rest, overrides: { server: { host: '127.0.0.1', port: 0 }, log: { level: 'error' } } });
  const { running: embedded } = await start(config);
  const port = new URL(embedded.httpUrl).port;
  return { baseUrl: `http://127.0.0.1:${port}`, reason: 'started an embedded sandbox gateway on a free port', embedded };
}
