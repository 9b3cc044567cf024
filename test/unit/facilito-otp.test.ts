import { FacilitoDomain } from '../../src/sandbox/fixtures/facilito-domain';
import { SimCoreError } from '../../src/sandbox/sim-error';

/** The simulated authorizer's OTP rules, alone: bound to account and amount, single use, expiring, burned after N misses. */
describe('simulated Bankmaster authorizer: OTP', () => {
  const ACCT = '40010000001';
  const codeOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      return (e as SimCoreError).errorCode;
    }
    return 'OK';
  };
  const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('when an OTP is issued, then it is 6 digits and verifies for its account and amount, until it is consumed', () => {
    const d = new FacilitoDomain([]);
    const otp = d.issueOtp(ACCT, 5000, 300, 3);
    expect(otp.code).toMatch(/^[0-9]{6}$/);
    expect(d.verifyOtp(ACCT, 5000, otp.code)).toBe(otp);
    d.consume(otp);
    expect(codeOf(() => d.verifyOtp(ACCT, 5000, otp.code))).toBe('OT05');
  });

  it('when no OTP was issued for the account, then OT04', () => {
    expect(codeOf(() => new FacilitoDomain([]).verifyOtp(ACCT, 1, '000000'))).toBe('OT04');
  });

  it('when the lifetime passes, then OT02, and not a moment before', async () => {
    // the domain reads the clock it is given: the real time that passes between two lines (5 ms
    // here, more on a busy CI machine) must not expire the OTP a millisecond early
    const d = new FacilitoDomain([], () => 1_700_000_000_000);
    const otp = d.issueOtp(ACCT, 100, 60, 3);
    await new Promise((r) => setTimeout(r, 5));
    d.advanceClock(59_999);
    expect(d.verifyOtp(ACCT, 100, otp.code)).toBe(otp);
    d.advanceClock(1);
    expect(codeOf(() => d.verifyOtp(ACCT, 100, otp.code))).toBe('OT02');
  });

  it('when the code is wrong or the amount is another, then each spends an attempt and the last one burns the OTP', () => {
    const d = new FacilitoDomain([]);
    const otp = d.issueOtp(ACCT, 100, 60, 3);
    expect(codeOf(() => d.verifyOtp(ACCT, 100, other(otp.code)))).toBe('OT01');
    expect(codeOf(() => d.verifyOtp(ACCT, 999, otp.code))).toBe('OT06');
    expect(otp.attemptsLeft).toBe(1);
    expect(codeOf(() => d.verifyOtp(ACCT, 100, other(otp.code)))).toBe('OT03');
    expect(codeOf(() => d.verifyOtp(ACCT, 100, otp.code))).toBe('OT03');
  });

  it('when a code of another length is tried, then it is simply wrong (no exception from the constant-time compare)', () => {
    const d = new FacilitoDomain([]);
    d.issueOtp(ACCT, 100, 60, 3);
    expect(codeOf(() => d.verifyOtp(ACCT, 100, '1234567'))).toBe('OT01');
  });

  it('when a new OTP is issued for the account, then only the new one verifies', () => {
    const d = new FacilitoDomain([]);
    const first = d.issueOtp(ACCT, 100, 60, 3);
    const second = d.issueOtp(ACCT, 100, 60, 3);
    if (first.code !== second.code) expect(codeOf(() => d.verifyOtp(ACCT, 100, first.code))).toBe('OT01');
    expect(d.verifyOtp(ACCT, 100, second.code)).toBe(second);
  });
});
