import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { MATRIX } from '../../apis/collections-management/negotiation-matrix';
import { NEGOTIATION_HEADERS } from './collections-support';
import { MATRIX_CASES, bmStandard, drop, requestFor } from './collections-negotiation-cases';

/**
 * C2 POST /v1/negotiations: the routing matrix, table-driven. Each clientApp.name x strategyType
 * reaches the right simulated core with the right core-side record (asserted on what the core
 * received), and each missing mandatory field of each variant is refused with a message naming it.
 */
const PATH = '/collections-management/v1/negotiations';
const NEGOTIATION_CORES = ['bankmaster', 'starlt', 'opencard'];
describe('C2 POST /collections-management/v1/negotiations', () => {
  let t: TestGateway;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startGateway();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  /** Sends a negotiation; answers the response and what each negotiation core received for it. */
  async function send(body: unknown, headers: Record<string, string> = {}) {
    const before = t.sandbox.faults.hits.length;
    const res = await request(t.app).post(PATH).set(auth).set(NEGOTIATION_HEADERS).set(headers).send(body as object);
    const hits = t.sandbox.faults.hits.slice(before).filter((h) => NEGOTIATION_CORES.includes(h.backend));
    return { res, hits };
  }

  it('covers every row of the routing matrix', () => {
    expect(new Set(MATRIX_CASES.map((c) => c.row))).toEqual(new Set(MATRIX.map((r) => r.id)));
  });

  describe.each(MATRIX_CASES)('routing: clientApp.name $name x strategyType $strategyType', (c) => {
    it(`when it is registered, then only ${c.backend} ${c.path} receives it, with the ${c.row} record`, async () => {
      const { res, hits } = await send(requestFor(c.row, c.name, c.strategyType));
      expect(res.status).toBe(200);
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ backend: c.backend, method: 'POST', path: c.path });
      expect(hits[0].body).toEqual({ clientApp: { name: c.name }, collection: c.record });
      expect(res.body).toEqual({
        responseType: { value: 'OK' },
        collection: {
          partyAcctRelRec: { acctId: (c.record.partyAcctRelRec as { acctId: string }).acctId.trimEnd() },
          state: 'Received',
          createdDt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          desc: 'successful transaction',
        },
      });
    });
  });

  const MANDATORY = MATRIX.flatMap((row) => {
    const tool = row.strategyTypes?.find((s) => !Object.values(row.optionalFor ?? {}).some((l) => l.includes(s))) ?? 'NEWT';
    return row.origins.flatMap((name) => row.fields.map((field) => ({ row: row.id, name, tool, field })));
  });

  describe.each(MANDATORY)('mandatory fields: $name $tool ($row)', ({ row, name, tool, field }) => {
    it(`when collection.${field} is missing, then 400 names it and no core is called`, async () => {
      const body = requestFor(row, name, tool);
      drop(body, field);
      const { res, hits } = await send(body);
      expect(res.status).toBe(400);
      expect(res.body.responseDetail).toMatchObject({ errorCode: 'GW-400-01', errorType: 'APIKIT' });
      expect(res.body.responseDetail.errorDesc).toContain(`collection.${field} is required for ${name} ${tool} negotiations`);
      expect(hits).toHaveLength(0);
    });
  });

  it('when every field of a PPPS negotiation is missing, then one 400 names all of them', async () => {
    const { res, hits } = await send({ clientApp: { name: 'SLP' }, collection: { strategyType: 'PPPS' } });
    expect(res.status).toBe(400);
    const row = MATRIX.find((r) => r.id === 'bm-slp-preapproved')!;
    for (const f of row.fields) expect(res.body.responseDetail.errorDesc).toContain(`collection.${f} is required for SLP PPPS negotiations`);
    expect(hits).toHaveLength(0);
  });

  it.each(['CNTL', 'PDIA'])('when a %s negotiation (the term is not modified) has no numAsignInstallments, then it is registered without it', async (s) => {
    const body = requestFor('bm-slp-standard', 'BM', s);
    drop(body, 'numAsignInstallments');
    const { res, hits } = await send(body);
    expect(res.status).toBe(200);
    expect(hits[0].body).toEqual({ clientApp: { name: 'BM' }, collection: (({ numAsignInstallments, ...rest }) => rest)(bmStandard(s)) });
  });
});
