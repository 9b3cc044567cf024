import { fromCents, fromYyyymmdd, padLoanId, toCents, toYyyymmdd, BANKMASTER_OFFICE } from '../../../src/adapters/bankmaster/conventions';

describe('Bankmaster conventions', () => {
  it('when a loan id is shorter than 20, then it is right-padded with spaces to 20', () => {
    expect(padLoanId('872452983283')).toBe('872452983283        ');
    expect(padLoanId('872452983283')).toHaveLength(20);
    expect(padLoanId('12345678901234567890')).toBe('12345678901234567890');
    expect(() => padLoanId('123456789012345678901')).toThrow(RangeError);
  });

  it('when amounts are converted, then cents are exact (no float drift)', () => {
    expect(toCents(1044000.0)).toBe(104400000);
    expect(toCents(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(toCents(5677.23)).toBe(567723);
    expect(toCents('100.1')).toBe(10010);
    expect(toCents(999999999999.99)).toBe(99999999999999);
    expect(() => toCents(1.001)).toThrow(/more than two decimals/);
    expect(fromCents(567723)).toBe(5677.23);
    expect(fromCents(29)).toBe(0.29);
  });

  it('when dates are converted, then yyyymmdd both ways', () => {
    expect(toYyyymmdd('2022-09-22')).toBe('20220922');
    expect(fromYyyymmdd('20220922')).toBe('2022-09-22');
    expect(() => toYyyymmdd('22/09/2022')).toThrow(RangeError);
  });

  it('when an office is needed, then it is 9999', () => {
    expect(BANKMASTER_OFFICE).toBe('9999');
  });
});
