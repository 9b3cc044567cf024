import Big from 'big.js';

/**
 * Bankmaster conventions from the collections mapping tables (001): loan ids right-padded with
 * spaces to 20 characters, amounts without decimal separator (the last two digits are cents),
 * yyyymmdd dates, office 9999. Pure functions, exact decimal arithmetic.
 */
export const BANKMASTER_OFFICE = '9999';
export const LOAN_ID_LENGTH = 20;

export function padLoanId(id: string): string {
  if (id.length > LOAN_ID_LENGTH) throw new RangeError(`obligation id longer than ${LOAN_ID_LENGTH} characters`);
  return id.padEnd(LOAN_ID_LENGTH, ' ');
}

/** 1044000.5 -> 104400050 (integer cents). Rejects more than two decimals instead of rounding. */
export function toCents(amount: number | string): number {
  const b = new Big(amount);
  const cents = b.times(100);
  if (!cents.eq(cents.round(0, Big.roundDown))) throw new RangeError(`amount ${amount} has more than two decimals`);
  const n = Number(cents.toFixed(0));
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${amount} is too large`);
  return n;
}

/** 104400050 -> 1044000.5 (a JSON number; exact for anything up to 2^53 cents). */
export function fromCents(cents: number | string): number {
  return Number(new Big(cents).div(100).toFixed(2));
}

/** 2022-09-22 -> 20220922 */
export function toYyyymmdd(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`date ${isoDate} is not YYYY-MM-DD`);
  return `${m[1]}${m[2]}${m[3]}`;
}

/** 20220922 -> 2022-09-22 */
export function fromYyyymmdd(d: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(d);
  if (!m) throw new RangeError(`date ${d} is not yyyymmdd`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}
