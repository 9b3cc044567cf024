import type { InvokerProfile } from '../../gateway/api';

/**
 * Banking-correspondent profiles (collections 001 lines 2987-3020, transfers 002 "Deposit").
 * The contract declares these headers and their pinned values; what it cannot say (the Julian
 * date inside X-Invoker-TxId, X-Invoker-ProcessId derived from it) is checked here.
 */
export interface ProfileRule {
  label: string;
  pinned: Record<string, string>;
  /** Optional headers that, when present and not blank, must still hold the pinned value. */
  pinnedIfPresent: Record<string, string>;
  processId: 'last-11-of-txid' | 'txid-format';
}

const common = {
  'X-Invoker-Channel': '13',
  'X-Invoker-BranchId': '1108',
  'X-Invoker-Country': 'CO',
  'X-Invoker-User': 'NEWCBSER',
};

export const PROFILES: Record<InvokerProfile, ProfileRule> = {
  'correspondent-collection': {
    label: 'banking-correspondent collection',
    pinned: { ...common, 'X-Invoker-subChannel': '07' },
    pinnedIfPresent: { 'X-Invoker-Source': '18' },
    processId: 'last-11-of-txid',
  },
  'correspondent-deposit': {
    label: 'banking-correspondent deposit',
    pinned: { ...common, 'X-Invoker-subChannel': '06' },
    pinnedIfPresent: { 'X-Invoker-Source': '18' },
    processId: 'txid-format',
  },
};

/** APIF + Julian date (last digit of the year + day of year) + bank code 32 + 10-digit authorization number. */
export const CORRESPONDENT_TXID = /^APIF(\d)(\d{3})32(\d{10})$/;

/** X-Invoker-ProcessId of a collection: the last 11 digits of the TxId, left-padded with zeros to 12. */
export function processIdFromTxId(txId: string): string {
  return txId.slice(-11).padStart(12, '0');
}

/** Julian-date check: day 001-366, optionally within maxSkewDays of today. */
export function julianDateProblem(txId: string, maxSkewDays: number, now = new Date()): string | undefined {
  const m = CORRESPONDENT_TXID.exec(txId);
  if (!m) return undefined;
  const yearDigit = Number(m[1]);
  const day = Number(m[2]);
  if (day < 1 || day > 366) return `has an invalid Julian day ${m[2]} (expected 001-366)`;
  if (maxSkewDays > 0) {
    const y = now.getUTCFullYear();
    const candidates = [y, y - 1].filter((yy) => yy % 10 === yearDigit);
    const ok = candidates.some((yy) => {
      const date = Date.UTC(yy, 0, 1) + (day - 1) * 86_400_000;
      return Math.abs(date - now.getTime()) <= (maxSkewDays + 1) * 86_400_000;
    });
    if (!ok) return `has a Julian date ${m[1]}${m[2]} further than ${maxSkewDays} day(s) from today`;
  }
  return undefined;
}
