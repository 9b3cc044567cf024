import request from 'supertest';
import { startCores, type RunningCores } from '../../src/sandbox/cores-main';
import { BACKENDS, BACKEND_ENV } from '../../src/gateway/backends';
import { startGateway, type TestGateway } from '../helpers/gateway';

/** npm run sandbox:cores: the simulated cores as their own service, shared by gateway replicas. */
describe('the simulated cores alone (sandbox:cores)', () => {
  let cores: RunningCores;
  let gw: TestGateway;
  beforeAll(async () => {
    cores = await startCores({ host: '127.0.0.1', port: 0 });
    // a gateway pointed at them by URL, as a replica in docker-compose is (no embedded sandbox)
    gw = await startGateway({ backends: Object.fromEntries(BACKENDS.map((b) => [b, { baseUrl: cores.sandbox.urls[b] }])) }, { sandbox: cores.sandbox });
  });
  afterAll(async () => {
    await gw?.close();
    await cores?.sandbox.close();
  });

  it('when they start, then they print one GATEWAY_BACKEND_<NAME>_URL line per back end and answer /health', async () => {
    for (const b of BACKENDS) expect(cores.lines).toContain(`  GATEWAY_BACKEND_${BACKEND_ENV[b]}_URL=${cores.sandbox.url}/${b}`);
    const health = await request(cores.sandbox.url).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'UP' });
  });

  it('when a gateway uses them by URL, then a call goes through to their ledger', async () => {
    const res = await request(gw.app).get('/facilito/v1/customers/1234567890/account').set(await gw.auth());
    expect(res.status).toBe(200);
    expect(res.body.IDcuenta).toBe('40010000001');
    expect(cores.sandbox.faults.hits.some((h) => h.path.includes('1234567890'))).toBe(true);
  });
});
