import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { API_DEFINITIONS } from '../../apis';
import { loadDocApi } from '../../src/docs/model/contract-model';
import { passed, runQaKit, type QaRunResult } from '../../src/tools/qa/run-qa';
import { runCli } from '../../src/tools/qa/cli';
import { listen } from '../docs/portal-helpers';

/**
 * The QA kit run as QA runs it: the committed collections with newman against a sandbox gateway
 * (in process, on loopback), twice on the same sandbox (fresh references: a re-run never collides),
 * and `npm run qa -- --env sandbox` itself, which starts its own sandbox when nothing answers.
 */
const ROOT = path.join(__dirname, '..', '..');
const describeRun = (results: QaRunResult[]) => results.map((r) => ({ api: r.api, failures: r.failures, failedAssertions: r.failedAssertions }));

describe('QA kit with newman', () => {
  let t: TestGateway;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    t = await startGateway();
    server = await listen(t.app);
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it('when every collection runs against the sandbox, then every example and journey step answers as documented, and junit reports are written', async () => {
    const results = await runQaKit({ env: 'sandbox', baseUrl: server.base, reporters: ['junit'], junitDir: path.join(ROOT, 'test', 'artifacts', 'qa-test') });
    expect(describeRun(results)).toEqual(API_DEFINITIONS.map((d) => ({ api: d.name, failures: [], failedAssertions: 0 })));
    expect(passed(results)).toBe(true);
    for (const r of results) {
      const api = loadDocApi(API_DEFINITIONS.find((d) => d.name === r.api)!);
      // every operation was sent and answered 2xx
      for (const op of api.operations) expect(r.executed.some((e) => e.split(' ').includes(op.operationId) && / -> 2\d\d$/.test(e))).toBe(true);
      expect(r.assertions).toBeGreaterThan(api.operations.length * 3);
      expect(r.junitFile).toBeDefined();
    }
    for (const r of results) expect(r.executed.filter((e) => e.endsWith('no answer'))).toEqual([]);
    // the collection-level script fetched a token from /oauth/token
    expect(results[0].executed[0]).toBe('(script) /oauth/token -> 200');
    const facilito = results.find((r) => r.api === 'facilito')!.executed;
    expect(facilito).toEqual(expect.arrayContaining(['sandbox: read the OTP -> 200', 'F7 reverse the withdrawal (cash not handed out) -> 200', 'F7 the same reversal again: the first answer, money back once -> 200', 'F6 withdraw 35,000.50 with the OTP (cash out) -> 200']));
    const transfers = results.find((r) => r.api === 'transfers-management')!.executed;
    expect(transfers).toEqual(expect.arrayContaining(['T7 the receiver sees it pending -> 200', 'T8 the receiver accepts it -> 201']));
  }, 60_000);

  it('when the kit runs again on the same sandbox, then nothing collides: fresh references, replays where the example answers a seeded transfer', async () => {
    const results = await runQaKit({ env: 'sandbox', baseUrl: server.base, reporters: [] });
    expect(describeRun(results)).toEqual(API_DEFINITIONS.map((d) => ({ api: d.name, failures: [], failedAssertions: 0 })));
  }, 60_000);
});

describe('npm run qa', () => {
  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
  const qa = (args: string[]) =>
    promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/tools/qa/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', LOG_LEVEL: 'error' },
      timeout: 90_000,
      maxBuffer: 32 * 1024 * 1024,
    });

  // one collection is enough here: every collection already ran above; this proves the command itself
  it('when nothing answers at the sandbox URL, then it starts an embedded sandbox, runs the collection with the cli and junit reporters and exits 0', async () => {
    const { stdout } = await qa(['--env', 'sandbox', '--base-url', `http://127.0.0.1:${await freePort()}`, '--api', 'facilito']);
    expect(stdout).toContain('started an embedded sandbox gateway');
    expect(stdout).toMatch(/facilito: \d+ requests, (\d+)\/\1 assertions passed, junit .*facilito\.sandbox\.junit\.xml/);
    expect(stdout).toMatch(/^\d+ passed, 0 failed$/m);
    // newman's own cli reporter printed the run
    expect(stdout).toContain('┌');
  }, 90_000);

  it('when asked to run against production without --allow-prod, or against QA without credentials, then it refuses and exits non-zero', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runCli(['--env', 'prod'])).toBe(2);
      expect(errors.mock.calls.flat().join(' ')).toContain('--allow-prod');
      expect(await runCli(['--env', 'qa'])).toBe(2);
      expect(errors.mock.calls.flat().join(' ')).toContain('--env-var clientId=');
    } finally {
      errors.mockRestore();
    }
  });
});
