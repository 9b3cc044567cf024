import { execFile } from 'node:child_process';
import http from 'node:http';
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
 * and `npm run qa -- --env sandbox` itself: it tests --base-url, else the sandbox gateway running on
 * the configured port, else one it starts on a free port.
 */
const ROOT = path.join(__dirname, '..', '..');
const describeRun = (results: QaRunResult[]) => results.map((r) => ({ api: r.api, failures: r.failures, failedAssertions: r.failedAssertions }));

describe('QA kit with newman', () => {
  let t: TestGateway;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    t = await startGateway();
    server = await listen(t.app);
  }, 60_000);
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
    expect(facilito).toEqual(expect.arrayContaining(['F7 reverse the withdrawal (cash not handed out) -> 200', 'F7 the same reversal again: the first answer, money back once -> 200', 'F6 withdraw 35,000.50 with the OTP (cash out) -> 200']));
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
  const qa = (args: string[], env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/tools/qa/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', LOG_LEVEL: 'error', ...env },
      timeout: 90_000,
      maxBuffer: 32 * 1024 * 1024,
    });

  const logged = async (fn: () => Promise<number>) => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    const err = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      return { code: await fn(), out: lines.join('\n') };
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  };

  // one collection is enough here: every collection already ran above; this proves the command itself
  it('when a server that is not this gateway holds the configured port, then it starts its own sandbox on a free port, runs the collection with the cli and junit reporters and exits 0', async () => {
    const foreign = http.createServer((_req, res) => res.writeHead(404).end('not a gateway'));
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const busy = (foreign.address() as net.AddressInfo).port;
    try {
      const { stdout } = await qa(['--env', 'sandbox', '--api', 'facilito'], { PORT: String(busy), GATEWAY_URI_SANDBOX: `http://127.0.0.1:${busy}` });
      expect(stdout).toContain(`http://127.0.0.1:${busy}: /health answers 404 but not as this gateway`);
      const started = /Testing http:\/\/127\.0\.0\.1:(\d+) \(started an embedded sandbox gateway on a free port\)/.exec(stdout);
      expect(started).not.toBeNull();
      expect(Number(started![1])).not.toBe(busy);
      expect(stdout).toMatch(/facilito: \d+ requests, (\d+)\/\1 assertions passed, junit .*facilito\.sandbox\.junit\.xml/);
      expect(stdout).toMatch(/^\d+ passed, 0 failed$/m);
      // newman's own cli reporter printed the run
      expect(stdout).toContain('┌');
    } finally {
      foreign.close();
    }
  }, 90_000);

  describe('against a gateway that is already running', () => {
    let t: TestGateway;
    let server: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      // request lines logged: the test can see which gateway the run reached
      t = await startGateway({ log: { level: 'info' } });
      server = await listen(t.app);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await t.close();
    });

    it('when --base-url is given, then it tests that gateway', async () => {
      const { code, out } = await logged(() => runCli(['--env', 'sandbox', '--base-url', server.base, '--api', 'facilito'], { environment: {}, reporters: [] }));
      expect(out).toContain(`Testing ${server.base} (--base-url)`);
      expect(out).toMatch(/^\d+ passed, 0 failed$/m);
      expect(code).toBe(0);
    }, 60_000);

    it('when no --base-url is given and the gateway listens on the configured port (PORT), then it finds it and tests it instead of starting one', async () => {
      const port = new URL(server.base).port;
      const { code, out } = await logged(() => runCli(['--env', 'sandbox', '--api', 'facilito'], { environment: { PORT: port }, reporters: [] }));
      expect(out).toContain(`Testing http://127.0.0.1:${port} (a running sandbox gateway answers at http://127.0.0.1:${port})`);
      expect(out).not.toContain('embedded');
      expect(code).toBe(0);
      // the run reached this very gateway
      expect(t.logs.filter((l) => l.operation === 'createDeposit').length).toBeGreaterThan(0);
    }, 60_000);

    it('when --base-url names a port where nothing answers, then it says so and exits 2 without starting anything', async () => {
      const port = await freePort();
      const { code, out } = await logged(() => runCli(['--env', 'sandbox', '--base-url', `http://127.0.0.1:${port}`], { environment: {}, reporters: [] }));
      expect(code).toBe(2);
      expect(out).toContain(`nothing answers at http://127.0.0.1:${port}`);
    });
  });

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
