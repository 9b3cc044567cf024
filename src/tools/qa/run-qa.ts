import fs from 'node:fs';
import path from 'node:path';
import newman from 'newman';
import { API_DEFINITIONS } from '../../../apis';
import { projectPath } from '../../paths';
import { collectionFile, environmentFile } from './artefacts';
import type { QaEnvironment } from '../../docs/postman/environments';

/** Runs the committed QA collections with newman against one environment. */
export interface QaRunOptions {
  env: QaEnvironment;
  /** Overrides the environment's baseUrl (an embedded sandbox on another port). */
  baseUrl?: string;
  apis?: string[];
  envVars?: Record<string, string>;
  /** newman reporters; the junit reports go to test/artifacts/qa/. */
  reporters?: string[];
  junitDir?: string;
}

export interface QaRunResult {
  api: string;
  requests: number;
  failedRequests: number;
  assertions: number;
  failedAssertions: number;
  /** Every failure newman reported: a failed assertion, a script error, a refused connection. */
  failures: string[];
  /** The requests newman sent, in order, as "item name -> status" (scripts' own requests: "(script) ..."). */
  executed: string[];
  junitFile?: string;
}

export const QA_ARTIFACTS = projectPath('test', 'artifacts', 'qa');

function runOne(api: string, opts: QaRunOptions): Promise<QaRunResult> {
  const reporters = opts.reporters ?? ['cli', 'junit'];
  const junitFile = path.join(opts.junitDir ?? QA_ARTIFACTS, `${api}.${opts.env}.junit.xml`);
  if (reporters.includes('junit')) fs.mkdirSync(path.dirname(junitFile), { recursive: true });
  const envVar = Object.entries({ ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}), ...(opts.envVars ?? {}) }).map(([key, value]) => ({ key, value }));
  const executed: string[] = [];
  return new Promise((resolve, reject) => {
    newman
      .run(
        {
          collection: JSON.parse(fs.readFileSync(collectionFile(api), 'utf8')),
          environment: JSON.parse(fs.readFileSync(environmentFile(opts.env), 'utf8')),
          envVar,
          reporters,
          reporter: { junit: { export: junitFile } },
          timeoutRequest: 30_000,
        },
        (err, summary) => {
          if (err) return reject(err);
          const s = summary.run.stats;
          resolve({
            api,
            requests: s.requests.total ?? 0,
            failedRequests: s.requests.failed ?? 0,
            assertions: s.assertions.total ?? 0,
            failedAssertions: s.assertions.failed ?? 0,
            failures: summary.run.failures.map((f) => `${f.source?.name ?? '?'}: ${f.error?.name ?? ''} ${f.error?.message ?? ''}`.trim()),
            executed,
            junitFile: reporters.includes('junit') ? junitFile : undefined,
          });
        },
      )
      .on('request', (_err, o: any) => executed.push(`${o.item?.name ?? `(script) ${o.request?.url?.getPath?.() ?? ''}`} -> ${o.response?.code ?? 'no answer'}`));
  });
}

export async function runQaKit(opts: QaRunOptions): Promise<QaRunResult[]> {
  const apis = opts.apis ?? API_DEFINITIONS.map((a) => a.name);
  const results: QaRunResult[] = [];
  // one after the other: the journeys of one API must not race another's on the same sandbox
  for (const api of apis) results.push(await runOne(api, opts));
  return results;
}

export const passed = (results: QaRunResult[]): boolean => results.every((r) => r.failures.length === 0 && r.failedAssertions === 0 && r.requests > 0);
