import { fromNegotiationAnswer, padDigits, percent3x2, rate2, rate2x6, toNegotiationRecord } from '../../src/adapters/bankmaster/negotiation-record';
import { GatewayError } from '../../src/errors/gateway-error';

/** The cores' conventions of 001's C2 tables, applied by the negotiation adapters. */
describe('negotiation record conventions', () => {
  it.each([
    [24, 3, '024'],
    [0, 3, '000'],
    [999, 3, '999'],
    [3, 2, '03'],
    [1432, 4, '1432'],
    ['1234567890', 15, '000001234567890'],
  ])('when %s is padded to %s digits, then it is %s', (n, width, out) => {
    expect(padDigits(n, width)).toBe(out);
  });

  it('when a term does not fit its width or is not a whole number, then it is refused', () => {
    expect(() => padDigits(1000, 3)).toThrow(RangeError);
    expect(() => padDigits(2.5, 3)).toThrow(RangeError);
  });

  it.each([
    [30.423, '030.42'],
    [88.432, '088.43'],
    [76.4333, '076.43'],
    [99.445, '099.45'],
    [100, '100.00'],
    [0, '000.00'],
    ['30.4', '030.40'],
    [0.005, '000.01'],
  ])('when the percentage %s is sent, then the core gets %s (3 integer digits, 2 decimals, half up)', (v, out) => {
    expect(percent3x2(v)).toBe(out);
  });

  it.each([
    [33, '33.000000'],
    [99.445, '99.445000'],
    [5.5, '05.500000'],
    [1.23456789, '01.234568'],
  ])('when the rate %s is sent, then the core gets %s (2 integer digits, 6 decimals)', (v, out) => {
    expect(rate2x6(v)).toBe(out);
  });

  it('when the commitment percentage is 100, then the core gets 100.00', () => {
    expect(rate2(100)).toBe('100.00');
    expect(rate2(23.5)).toBe('23.50');
  });

  it('when a record is built, then ids are padded to 20, yyyymmdd where the tables say, amounts untouched, absent fields absent', () => {
    const record = toNegotiationRecord(
      {
        strategyType: 'PPPS',
        partyAcctRelRec: { acctId: '872452983283', amt: 1244 },
        startDt: '2022-09-22',
        processDate: '2022-09-23',
        createdDt: '2022-09-24',
        offer: { effDt: '2022-09-25', trnRqUID: '1' },
        intRateInfo: { intRateType: 'F' },
      },
      { alwaysOffice: true },
    );
    expect(record).toEqual({
      strategyType: 'PPPS',
      partyAcctRelRec: { acctId: '872452983283        ', amt: 1244 },
      startDt: '2022-09-22',
      processDate: '20220923',
      createdDt: '20220924',
      offer: { effDt: '20220925', trnRqUID: '1' },
      intRateInfo: { intRateType: '000' },
      submitOffice: { branchId: '9999' },
    });
  });

  it('when OpenCard builds a record without an office, then none is sent; with one, it is 9999', () => {
    expect(toNegotiationRecord({ strategyType: 'PDIA' }, { alwaysOffice: false })).toEqual({ strategyType: 'PDIA' });
    expect(toNegotiationRecord({ strategyType: 'X', submitOffice: { branchId: '1' } }, { alwaysOffice: false })).toEqual({
      strategyType: 'X',
      submitOffice: { branchId: '9999' },
    });
  });

  it('when an obligation id is longer than 20 characters, then it is refused', () => {
    expect(() => toNegotiationRecord({ strategyType: 'X', partyAcctRelRec: { acctId: '123456789012345678901' } }, { alwaysOffice: false })).toThrow(RangeError);
  });

  it("when the core answers, then the padding is trimmed and its yyyymmdd becomes YYYY-MM-DD", () => {
    const answer = { collection: { partyAcctRelRec: { acctId: '456892344           ' }, state: 'Received', createdDt: '20230510', desc: 'successful transaction' } };
    expect(fromNegotiationAnswer(answer, 'OPENCARD')).toEqual({ acctId: '456892344', state: 'Received', createdDt: '2023-05-10', desc: 'successful transaction' });
  });

  it('when the core answers without the record shape, then it is a 502 naming the core', () => {
    try {
      fromNegotiationAnswer({ collection: { state: 'Received' } } as never, 'STARLT');
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(GatewayError);
      expect((e as GatewayError).status).toBe(502);
      expect((e as GatewayError).errorType).toBe('STARLT');
    }
  });
});
