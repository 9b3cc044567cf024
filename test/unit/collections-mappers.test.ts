import { normalizePolicyItems, normalizeProfileItems, policiesResponse } from '../../apis/collections-management/decision-engine-mappers';
import { collectionCheckResponse, normalizeCollectionCheck } from '../../apis/collections-management/collection-mappers';
import { takeAlias } from '../../apis/collections-management/aliases';
import { GatewayError } from '../../src/errors/gateway-error';

/** The documented variants of 001's examples, normalised to its tables (pure functions of the API layer). */
describe('collections-management mappers', () => {
  describe('takeAlias', () => {
    it('when only the variant is sent, then it moves to the canonical name', () => {
      const o: Record<string, unknown> = { refId: '1' };
      const problems: string[] = [];
      takeAlias(o, 'RefId', 'refId', 'trn', problems);
      expect(o).toEqual({ RefId: '1' });
      expect(problems).toEqual([]);
    });

    it('when both are sent with the same value, then one remains; with different values, it is a problem', () => {
      const same: Record<string, unknown> = { RefId: '1', refId: '1' };
      const problems: string[] = [];
      takeAlias(same, 'RefId', 'refId', 'trn', problems);
      expect(same).toEqual({ RefId: '1' });
      takeAlias({ RefId: '1', refId: '2' }, 'RefId', 'refId', 'trn', problems);
      expect(problems).toEqual(['fields trn.RefId and trn.refId are the same field spelled two ways: send one']);
    });
  });

  describe('C3', () => {
    const item = () => ({
      naturalPerson: { maritalStatusInfo: { maritalStatus: 'S' }, businessOccupation: [{ job: 'Empleado', type: 'Primary' }] },
      personInfo: { financialAssets: { amt: 1 }, expenses: { amt: 2 }, role: '01' },
      collection: { totalCurAmt: 5 },
    });

    it("when the example's variants are sent, then the table's spelling comes out and the input is untouched", () => {
      const input = item();
      const [out] = normalizeProfileItems([input]);
      expect(out).toEqual({
        naturalPerson: { maritalStatusInfo: { maritalStatus: '01' }, businessOcucupation: [{ job: 'Empleado', type: 'Principal' }] },
        personInfo: { role: '01' },
        businessPerson: { financialAssets: { amt: 1 }, expenses: { amt: 2 } },
        collection: { totalCurAmt: { amt: 5 } },
      });
      expect(input.naturalPerson.maritalStatusInfo.maritalStatus).toBe('S');
    });

    it('when an amount is in both of its places with different values, then 400 names both', () => {
      const input = { ...item(), businessPerson: { financialAssets: { amt: 9 } } };
      expect(() => normalizeProfileItems([input])).toThrow(GatewayError);
      try {
        normalizeProfileItems([input]);
      } catch (e) {
        expect((e as GatewayError).errorDesc).toBe(
          'Fields listValidation[0].businessPerson.financialAssets and listValidation[0].personInfo.financialAssets are the same field in two places: send one',
        );
      }
    });
  });

  describe('C4', () => {
    it("when the examples' names are sent, then the engine gets the table's names", () => {
      const [out] = normalizePolicyItems([
        {
          collection: {
            additionalData: [{ name: ' FLAG_NUEVA_TASA', value: '0' }],
            causalExceptionInfo: [{ name: 'EXC_TIEMPO_ENTRE_HERR', value: '0' }, { name: 'EXC_DIAS_MORA', value: '0' }],
          },
        },
      ]);
      expect(out.collection).toEqual({
        AdditionalData: [{ name: 'FLAG_NUEVA_TASA', value: '0' }],
        causalExceptionInfo: [{ name: 'EXC__TIEMPO_ENTRE_HERR', value: '0' }, { name: 'EXC_DIAS_MORA', value: '0' }],
      });
    });

    it("when the engine answers AdditionalData, then partners read additionalData", () => {
      expect(policiesResponse([{ collection: { strategyType: 'PDD', AdditionalData: [] } }])).toEqual({
        responseType: { value: 'OK' },
        creditAnalysis: [{ collection: { strategyType: 'PDD', additionalData: [] } }],
      });
    });
  });

  describe('C5', () => {
    const trn = {
      transactionHour: '15:37:59',
      code: '123456789123456',
      refId: '123456',
      eanCode: '',
      curAmt: { amt: '99' },
      trnRqUID: '123456',
      depAcctId: { acctId: '12321414' },
      totalCurAmt: { amt: 0 },
      refType: '',
      effDt: '',
    };

    it("when the example's spelling is sent, then the core gets RefId, EANCode, RefType, EffDt", () => {
      const out = normalizeCollectionCheck({ trn });
      expect(out).toMatchObject({ RefId: '123456', EANCode: '', RefType: '', EffDt: '' });
      expect(out).not.toHaveProperty('refId');
    });

    it('when the value has three decimals, then 400', () => {
      expect(() => normalizeCollectionCheck({ trn: { ...trn, totalCurAmt: { amt: 1.005 } } })).toThrow('at most 2 decimals');
    });

    it("when the core answers with the table's names, then partners read the example's", () => {
      const out = collectionCheckResponse({
        personName: { fullName: 'A' },
        approvalId: 'Z1',
        aditionalData: { CurAmt: [{ name: 'n', value: 1 }] },
        PmtRefId: 'P',
        DueDt: 'D',
        flagUpdate: '1',
        acctId: '2',
        refType: '3',
      });
      expect(out.trn).toEqual({
        personName: { fullName: 'A' },
        approvalId: 'Z1',
        aditionalData: { curAmt: [{ name: 'n', value: 1 }] },
        pmtRefId: 'P',
        dueDt: 'D',
        flagUpdate: '1',
        acctId: '2',
        refType: '3',
      });
    });
  });
});
