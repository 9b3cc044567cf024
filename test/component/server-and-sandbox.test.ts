import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import nock from '../helpers/nock';
import request from 'supertest';
import { generate } from 'selfsigned';
import { loadConfig, withOverrides } from '../../src/gateway-config';
import { start } from '../../src/sandbox/main';
import { start as startWithoutSandbox } from '../../src/main';
import { ConfigError } from '../../src/config/load-config';
import { sandboxExtensions } from '../../src/sandbox/attach';
import { buildApp } from '../../src/app';
import { startGateway, SANDBOX_ADMIN, type TestGateway } from '../helpers/gateway';
import { until } from '../helpers/stub-core';

describe('sandbox fault injection, through the app', () => {
  let t: TestGateway;
  beforeAll(async () => {
    // a breaker that never opens here: each fault is looked at on its own
    t = await startGateway({ backends: { bankmaster: { timeoutMs: 300, breaker: { volumeThreshold: 1000 } } } });
  });
  afterAll(() => t.close());
  afterEach(() => t.sandbox.faults.clear());

  const lookup = async (fault?: string) => {
    const r = request(t.app).get('/facilito/v1/customers/1234567890/account').set(await t.auth());
    return fault ? r.set('X-Sandbox-Fault', fault) : r;
  };

  it.each([
    ['bankmaster:error-500', 500, 'SIM'],
    ['html', 502, 'BANKMASTER'],
    ['garbage', 502, 'BANKMASTER'],
    ['timeout', 504, 'BANKMASTER'],
    ['reset', 502, 'BANKMASTER'],
  ])('when the core is told "%s", then %s in the envelope with errorType %s and no internal host', async (fault, status, type) => {
    const res = await lookup(fault);
    expect(res.status).toBe(status);
    expect(res.body.responseDetail.errorType).toBe(type);
    expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|bank\.internal|core-node/);
  });

  it('when the fault targets another back end, then bankmaster answers normally', async () => {
    expect((await lookup('opencard:error-500')).status).toBe(200);
  });

  it('when faults are queued through the admin API, then the next calls get them, then the core recovers', async () => {
    const q = await request(t.app).post('/sandbox/faults').auth(...SANDBOX_ADMIN).send({ backend: 'bankmaster', fault: 'error-500', times: 1 });
    expect(q.status).toBe(201);
    expect((await lookup()).status).toBe(500);
    expect((await lookup()).status).toBe(200);
  });

  it('when the admin API gets a bad request, then 400 in the envelope', async () => {
    const res = await request(t.app).post('/sandbox/faults').auth(...SANDBOX_ADMIN).send({ backend: 'mainframe', fault: 'error-500' });
    expect(res.status).toBe(400);
    expect(res.body.responseDetail.errorDesc).toMatch(/backend must be one of/);
  });

});

describe('the bankmaster breaker, through the app', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ backends: { bankmaster: { timeoutMs: 300, breaker: { volumeThreshold: 4, resetTimeoutMs: 400 } } } });
  });
  afterAll(() => t.close());
  const lookup = async () => request(t.app).get('/facilito/v1/customers/1234567890/account').set(await t.auth());

  it('when bankmaster keeps failing, then the breaker opens, /ready and /metrics show it, calls fail fast without reaching the core, and it closes again', async () => {
    await request(t.app).post('/sandbox/faults').auth(...SANDBOX_ADMIN).send({ backend: 'bankmaster', fault: 'error-500', times: 4 });
    for (let i = 0; i < 4; i++) expect((await lookup()).status).toBe(500);
    const ready = await request(t.app).get('/ready');
    expect(ready.body.status).toBe('DEGRADED');
    expect(ready.body.backends.bankmaster.breaker).toBe('open');
    expect((await request(t.app).get('/metrics')).text).toMatch(/gateway_breaker_state\{backend="bankmaster"\} 2/);

    const hits = t.sandbox.faults.hits.length;
    const fast = await lookup();
    expect(fast.status).toBe(503);
    expect(fast.body.responseDetail).toMatchObject({ errorCode: 'GW-503-01', errorType: 'BANKMASTER' });
    expect(t.sandbox.faults.hits.length).toBe(hits);

    await until(() => t.gw.services.cores.bankmaster.state === 'halfOpen', 'half-open');
    expect((await lookup()).status).toBe(200);
    expect((await request(t.app).get('/ready')).body.backends.bankmaster.breaker).toBe('closed');
  });
});

describe('outside the sandbox', () => {
  it('when the profile is not sandbox/test, then /sandbox is not mounted and fault headers are not forwarded', async () => {
    const t = await startGateway();
    const qaLike = withOverrides(t.config, (d) => {
      d.env = 'qa';
    });
    // the qa registry has no demo client: reuse the test gateway's registry
    const gw = await buildApp(qaLike, { extensions: sandboxExtensions(qaLike, t.sandbox), clients: t.gw.services.clients, logStream: new PassThrough() });
    const token = gw.services.tokens.issue(t.gw.services.clients.get('sandbox-demo-client')!);
    try {
      expect((await request(gw.app).post('/sandbox/faults').auth(...SANDBOX_ADMIN).send({ backend: 'bankmaster', fault: 'error-500' })).status).toBe(404);
      const res = await request(gw.app)
        .get('/facilito/v1/customers/1234567890/account')
        .set({ client_id: 'sandbox-demo-client', client_secret: 'sandbox-demo-secret-change-me', Authorization: `Bearer ${token.token}` })
        .set('X-Sandbox-Fault', 'error-500');
      expect(res.status).toBe(200);
    } finally {
      await gw.close();
      await t.close();
    }
  });
});

describe('the server', () => {
  it('when started in the sandbox profile with a certificate, then HTTP and HTTPS answer and it stops cleanly', async () => {
    nock.enableNetConnect();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-tls-'));
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keySize: 2048 });
    fs.writeFileSync(path.join(dir, 'cert.pem'), pems.cert);
    fs.writeFileSync(path.join(dir, 'key.pem'), pems.private);
    const config = loadConfig({
      env: 'test',
      environment: {},
      overrides: { server: { port: 0, host: '127.0.0.1', tls: { port: 0, certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') } } },
    });
    const { running, sandbox } = await start(config);
    try {
      expect((await request(running.httpUrl).get('/health')).status).toBe(200);
      const body = await new Promise<string>((resolve, reject) => {
        https.get(`${running.httpsUrl}/health`, { rejectUnauthorized: false }, (res) => {
          let b = '';
          res.on('data', (c) => (b += c));
          res.on('end', () => resolve(b));
        }).on('error', reject);
      });
      expect(JSON.parse(body).status).toBe('UP');
      expect(sandbox).toBeDefined();
    } finally {
      // the cores' connections and breakers are released only once the listeners are closed:
      // a request in flight at shutdown still reaches its core
      const release = running.gw.close.bind(running.gw);
      let listenerOpenAtRelease: boolean | undefined;
      running.gw.close = async () => {
        listenerOpenAtRelease = await new Promise<boolean>((resolve) => {
          const probe = net.connect(Number(new URL(running.httpUrl).port), '127.0.0.1');
          probe.once('connect', () => {
            probe.destroy();
            resolve(true);
          });
          probe.once('error', () => resolve(false));
        });
        return release();
      };
      await running.stop();
      expect(listenerOpenAtRelease).toBe(false);
      expect(running.gw.state.draining).toBe(true);
    }
  });

  it('when the gateway entry point (the image) is given a profile that embeds the simulated cores, then it refuses it, naming the setting and npm start', async () => {
    const config = loadConfig({ env: 'test', environment: {}, overrides: { server: { port: 0, host: '127.0.0.1' } } });
    const refused = startWithoutSandbox(config);
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(/sandbox\.enabled.*npm start/);
  });

  it('when the gateway cannot listen (its port is taken), then the simulated cores it started are closed too', async () => {
    nock.enableNetConnect();
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const coresPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    try {
      const config = loadConfig({
        env: 'test',
        environment: {},
        overrides: { server: { port: (taken.address() as net.AddressInfo).port, host: '127.0.0.1' }, sandbox: { port: coresPort, host: '127.0.0.1' } },
      });
      await expect(start(config)).rejects.toThrow(/EADDRINUSE/);
      // the cores' port is free again: nothing of the failed start is left listening
      const again = net.createServer();
      await new Promise<void>((resolve, reject) => again.once('error', reject).listen(coresPort, '127.0.0.1', resolve));
      await new Promise<void>((resolve) => again.close(() => resolve()));
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
