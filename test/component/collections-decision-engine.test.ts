import request from 'supertest';
import { startGateway, type TestGateway } from '../helpers/gateway';
import { DECISION_HEADERS, example, hitsOf } from './collections-support';

/**
 * C3 profiling and C4 AppPolicies: each documented engine code produced by a fixture customer and
 * answered as documented, every enumerated list enforced, and the documented variants of the
 * examples normalised to the tables before the engine (asserted on what the engine received).
 */
const BASE = '/collections-management/v1/negotiations';

/** Statuses decided for codes the document leaves "TBD"/"OTR" (recorded in the RAML and the decision-engine catalog). */
const ENGINE_ERRORS = [
  ['1000010001', 500, '10001', 'Error al ejecutar el PL'],
  ['1000010002', 400, '10002', 'El objeto de Entrada es nulo'],
  ['1000010007', 500, '10007', 'Error al transformar'],
  ['1000010101', 502, '10101', 'Error en la Consulta del Buro'],
  ['1000015001', 500, '15001', 'Error en inesperado en el procesamiento del servicio'],
] as const;

/** errorDesc names the field (it is capitalised when it comes first). */
const descOf = (res: { body: any }) => String(res.body.responseDetail?.errorDesc ?? '').replace(/^Field /, 'field ');

const profileOf = (identSerialNum: string) => {
  const body = example('profile-request.json');
  body.listValidation[0].govIssueIdent.identSerialNum = identSerialNum;
  return body;
};
const policiesOf = (file: string, mutate: (c: any) => void = () => {}) => {
  const body = example(file);
  for (const item of body.creditAnalysis) mutate(item.collection);
  return body;
};

describe('C3/C4 the decision engine', () => {
  let t: TestGateway;
  let auth: Record<string, string>;
  beforeAll(async () => {
    // the error fixtures are answered 5xx on purpose: a high volume threshold keeps the engine's
    // breaker out of these tests (collections-resilience.test.ts covers the breaker)
    t = await startGateway({ backends: { decisionEngine: { breaker: { volumeThreshold: 1000 } } } });
    auth = await t.auth();
  });
  afterAll(() => t.close());

  async function post(path: string, body: unknown) {
    const before = t.sandbox.faults.hits.length;
    const res = await request(t.app).post(`${BASE}${path}`).set(auth).set(DECISION_HEADERS).send(body as object);
    return { res, hits: hitsOf(t.sandbox.faults.hits.slice(before), 'decisionEngine') };
  }

  describe.each(ENGINE_ERRORS)('fixture customer %s', (customer, status, errorCode, errorDesc) => {
    it(`when it is profiled, then the engine's ${errorCode} is answered ${status} as documented`, async () => {
      const { res, hits } = await post('/profile', profileOf(customer));
      expect(hits).toHaveLength(1);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ responseType: { value: 'ER' }, responseDetail: { errorCode, errorType: 'OTR', errorDesc } });
    });

    it(`when its policies are evaluated, then the engine's ${errorCode} is answered ${status} as documented`, async () => {
      const { res } = await post('/policies', policiesOf('policies-first-moment-request.json', (c) => (c.govIssueIdent.identSerialNum = customer)));
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ responseType: { value: 'ER' }, responseDetail: { errorCode, errorType: 'OTR', errorDesc } });
    });
  });

  describe('C3 profiling', () => {
    it("when the example is sent, then the engine receives the table's spelling of each documented variant", async () => {
      const { res, hits } = await post('/profile', example('profile-request.json'));
      expect(res.status).toBe(200);
      const sent = (hits[0].body as any).listValidation[0];
      expect(sent.naturalPerson.maritalStatusInfo.maritalStatus).toBe('01');
      expect(sent.naturalPerson.businessOcucupation).toEqual([{ job: 'Empleado', type: 'Principal' }]);
      expect(sent.naturalPerson.businessOccupation).toBeUndefined();
      expect(sent.businessPerson).toEqual({ financialAssets: { amt: 134533 }, expenses: { amt: 134533 } });
      expect(sent.personInfo.financialAssets).toBeUndefined();
      expect(sent.collection.totalCurAmt).toEqual({ amt: 1441551 });
    });

    it("when the table's own spelling is sent, then it is accepted unchanged", async () => {
      const body = example('profile-request.json');
      const item = body.listValidation[0];
      item.naturalPerson.businessOcucupation = [{ job: 'Independiente', type: 'Secondary' }];
      delete item.naturalPerson.businessOccupation;
      item.naturalPerson.maritalStatusInfo.maritalStatus = '02';
      item.businessPerson = { financialAssets: { amt: 1 }, expenses: { amt: 2 } };
      delete item.personInfo.financialAssets;
      delete item.personInfo.expenses;
      const { res, hits } = await post('/profile', body);
      expect(res.status).toBe(200);
      const sent = (hits[0].body as any).listValidation[0];
      expect(sent.naturalPerson.businessOcucupation).toEqual([{ job: 'Independiente', type: 'Secondary' }]);
      expect(sent.naturalPerson.maritalStatusInfo.maritalStatus).toBe('02');
      expect(sent.businessPerson).toEqual({ financialAssets: { amt: 1 }, expenses: { amt: 2 } });
    });

    it('when both spellings of the occupations disagree, then 400 asks for one and the engine is not called', async () => {
      const body = example('profile-request.json');
      body.listValidation[0].naturalPerson.businessOcucupation = [{ job: 'Otro', type: 'Secondary' }];
      const { res, hits } = await post('/profile', body);
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain('listValidation[0].naturalPerson.businessOcucupation and listValidation[0].naturalPerson.businessOccupation');
      expect(hits).toHaveLength(0);
    });

    it.each([
      ['naturalPerson.maritalStatusInfo.maritalStatus', 'X', 'must be equal to one of the allowed values: 01, 02, 03, 04, 05, S'],
      ['govIssueIdent.govIssueIdentType', 'TI', 'must be equal to one of the allowed values: CC, NI, CE, NE'],
      ['transaccion.operationType', 'Z', 'must be equal to one of the allowed values: A, M'],
      ['offer.executionLine', 'Q', 'must be equal to one of the allowed values: U, V, C'],
      ['partyAcctRelRec.acctId', 12345678901234567890, 'must be string'],
    ])('when %s is %s, then 400 names the field', async (field, value, message) => {
      const body = example('profile-request.json');
      const keys = field.split('.');
      keys.slice(0, -1).reduce((o: any, k) => o[k], body.listValidation[0])[keys[keys.length - 1]] = value;
      const { res, hits } = await post('/profile', body);
      expect(res.status).toBe(400);
      expect(descOf(res)).toContain(`field listValidation[0].${field} ${message}`);
      expect(hits).toHaveLength(0);
    });

    it('when an item lacks its identification, then 400 names each missing field', async () => {
      const body = example('profile-request.json');
      delete body.listValidation[0].govIssueIdent.identSerialNum;
      delete body.listValidation[0].transaccion.trnRqUID;
      const { res } = await post('/profile', body);
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain('listValidation[0].govIssueIdent.identSerialNum is required');
      expect(res.body.responseDetail.errorDesc).toContain('listValidation[0].transaccion.trnRqUID is required');
    });

    it('when a manual operation is profiled, then the item is answered with the action the engine stopped at', async () => {
      const body = example('profile-request.json');
      body.listValidation[0].transaccion.operationType = 'M';
      const { res } = await post('/profile', body);
      expect(res.status).toBe(200);
      expect(res.body.listValidation[0].transaccion).toEqual({ action: 'Consulta DATOS CREDITO', trnRqUID: '28498521' });
    });
  });

  describe('C4 AppPolicies', () => {
    it('when the first moment is asked for the example obligation, then the engine proposes its three offers', async () => {
      const { res } = await post('/policies', example('policies-first-moment-request.json'));
      expect(res.status).toBe(200);
      expect(res.body.creditAnalysis.map((i: any) => i.collection.strategyType)).toEqual(['CNT', 'PDD', 'PDIA']);
      for (const { collection } of res.body.creditAnalysis) {
        expect(collection.transaction.trnRqUID).toBe('2-2230644544');
        expect(collection.offer.flagViability).toBe('VIABLE');
        expect(collection.additionalData.map((f: any) => f.name)).toContain('FLAG_NUEVA_TASA');
        expect(collection.AdditionalData).toBeUndefined();
      }
    });

    it('when the first moment is asked for an obligation without offers, then it is answered not viable', async () => {
      const { res } = await post('/policies', policiesOf('policies-first-moment-request.json', (c) => (c.partyAcctRelRec.acctId = '1111222233334444')));
      expect(res.status).toBe(200);
      expect(res.body.creditAnalysis).toHaveLength(1);
      expect(res.body.creditAnalysis[0].collection.offer).toEqual({ flagViability: 'NO VIABLE', viabilityLevel: '0', amt: null, count: '0' });
    });

    it('when several offers are recalculated, then each comes back, in order, with its viability', async () => {
      const { res } = await post('/policies', example('policies-recalculation-several-offers-request.json'));
      expect(res.status).toBe(200);
      expect(res.body.creditAnalysis.map((i: any) => [i.collection.strategyType, i.collection.offer.flagViability])).toEqual([
        ['CNT', 'VIABLE'],
        ['PDD', 'VIABLE'],
        ['PDIA', 'VIABLE'],
      ]);
    });

    it("when the examples' variants are sent, then the engine receives the table's names and partners read additionalData", async () => {
      const { res, hits } = await post('/policies', example('policies-recalculation-one-offer-request.json'));
      expect(res.status).toBe(200);
      const sent = (hits[0].body as any).creditAnalysis[0].collection;
      expect(sent.additionalData).toBeUndefined();
      expect(sent.AdditionalData.map((f: any) => f.name)).toEqual([
        'FLAG_VALOR_PAGO',
        'FLAG_VALOR_NUEVA_CUOTA',
        'FLAG_NUEVO_PLAZO',
        'FLAG_PERIODO_GRACIA',
        'FLAG_NUEVA_TASA',
        'FLAG_SALDO_CONSOLIDADO',
        'FLAG_PLAZO_NEGOCIACION',
      ]);
      expect(sent.causalExceptionInfo.map((e: any) => e.name)).toContain('EXC__TIEMPO_ENTRE_HERR');
      expect(sent.causalExceptionInfo.map((e: any) => e.name)).not.toContain('EXC_TIEMPO_ENTRE_HERR');
      const answered = res.body.creditAnalysis[0].collection;
      expect(answered.additionalData).toHaveLength(7);
      expect(answered.AdditionalData).toBeUndefined();
    });

    it("when the table's AdditionalData spelling is sent, then it is accepted", async () => {
      const body = policiesOf('policies-recalculation-one-offer-request.json', (c) => {
        c.AdditionalData = c.additionalData;
        delete c.additionalData;
      });
      const { res } = await post('/policies', body);
      expect(res.status).toBe(200);
      expect(res.body.creditAnalysis[0].collection.additionalData).toHaveLength(7);
    });

    const ENUMERATED = [
      ['intRateInfo.curAmt[0].desc', (c: any) => (c.intRateInfo.curAmt[0].desc = 'CAPITALES'), 'CAPITAL, INTERESES_CORRIENTES'],
      ['insuranceInfo[0].policyName', (c: any) => (c.insuranceInfo[0].policyName = 'SEGURO_AUTO'), 'SEGURO_TERREMOTO, SEGURO_DESEMPLEO'],
      ['fee.curAmt[0].desc', (c: any) => (c.fee.curAmt[0].desc = 'COMISION_OTRA'), 'COMISION_MIPYME, COMISION_FNG'],
      ['extraordinaryFee[0].desc', (c: any) => (c.extraordinaryFee[0].desc = 'CARGO_X'), 'CARGOS_SIP, CARGOS_CPA'],
      ['causalExceptionInfo[0].name', (c: any) => (c.causalExceptionInfo[0].name = 'EXC_TIEMPO'), 'EXC__TIEMPO_ENTRE_HERR, EXC_TIEMPO_ENTRE_HERR'],
      ['additionalData[0].name', (c: any) => (c.additionalData[0].name = 'FLAG_X'), 'FLAG_NUEVA_TASA,  FLAG_NUEVA_TASA'],
      ['causalNoViabilitynInfo[0].descriptionDesc', (c: any) => (c.causalNoViabilitynInfo[0].descriptionDesc = 'causal8'), 'causalDeNoViabilidadHerremienta1'],
      ['govIssueIdent.govIssueIdentType', (c: any) => (c.govIssueIdent.govIssueIdentType = 'OT'), 'CC, NI, CE, NE'],
    ] as const;

    it.each(ENUMERATED)('when %s is outside its enumeration, then 400 names it with the accepted values', async (field, mutate, accepted) => {
      const body = example('policies-recalculation-one-offer-request.json');
      mutate(body.creditAnalysis[0].collection);
      const { res, hits } = await post('/policies', body);
      expect(res.status).toBe(400);
      expect(descOf(res)).toContain(`field creditAnalysis[0].collection.${field} must be equal to one of the allowed values: `);
      expect(res.body.responseDetail.errorDesc).toContain(accepted);
      expect(hits).toHaveLength(0);
    });

    it('when a flag name has other stray spaces than the documented one, then it is still refused', async () => {
      const body = example('policies-recalculation-one-offer-request.json');
      body.creditAnalysis[0].collection.additionalData[0].name = 'FLAG_VALOR_PAGO ';
      const { res } = await post('/policies', body);
      expect(res.status).toBe(400);
    });

    it('when an obligation has no recalculation mark or identification, then 400 names each missing field', async () => {
      const body = example('policies-first-moment-request.json');
      delete body.creditAnalysis[0].collection.pmtStatus.flagRecalculate;
      delete body.creditAnalysis[0].collection.partyAcctRelRec.acctId;
      const { res } = await post('/policies', body);
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain('creditAnalysis[0].collection.pmtStatus.flagRecalculate is required');
      expect(res.body.responseDetail.errorDesc).toContain('creditAnalysis[0].collection.partyAcctRelRec.acctId is required');
    });

    it('when a number is sent as text that is not a number, then 400', async () => {
      const body = example('policies-recalculation-one-offer-request.json');
      body.creditAnalysis[0].collection.offer.count = 'tres';
      const { res } = await post('/policies', body);
      expect(res.status).toBe(400);
      expect(res.body.responseDetail.errorDesc).toContain('creditAnalysis[0].collection.offer.count');
    });
  });
});
