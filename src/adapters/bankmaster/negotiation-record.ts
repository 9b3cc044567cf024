import Big from 'big.js';
import { BANKMASTER_OFFICE, fromYyyymmdd, padLoanId, toYyyymmdd } from './conventions';
import type { NegotiationCollection, NegotiationReceipt } from '../ports/negotiations';
import { GatewayError } from '../../errors/gateway-error';

/**
 * The negotiation record the cores take (001 C2 mapping tables). Bankmaster and StarLT share one
 * table, and OpenCard's tables describe the same conventions ("sigue el estándar de valores de
 * BM"), so the three adapters build their record here. Pure functions.
 */

/** 24 -> "024": terms "completando con ceros a izquierda los 3 caracteres". */
export const padDigits = (n: number | string, width: number): string => {
  const s = String(n);
  if (!/^\d+$/.test(s) || s.length > width) throw new RangeError(`${n} does not fit ${width} digits`);
  return s.padStart(width, '0');
};

/** 30.423 -> "030.42": a percentage as 3 integer digits, a point and 2 decimals (rounded half up). */
export function percent3x2(value: number | string): string {
  return new Big(value).round(2, Big.roundHalfUp).toFixed(2).padStart(6, '0');
}

/** 33 -> "33.000000": a rate as 2 integer digits, a point and 6 decimals (rounded half up). */
export function rate2x6(value: number): string {
  return new Big(value).round(6, Big.roundHalfUp).toFixed(6).padStart(9, '0');
}

/** 23 -> "23.00": the commitment percentage "con dos posiciones decimales, separador punto". */
export const rate2 = (value: number): string => new Big(value).toFixed(2);

/** Copies an object without its undefined members, so absent fields stay absent at the core. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const when = <T, R>(v: T | undefined, f: (v: T) => R): R | undefined => (v === undefined ? undefined : f(v));

export interface RecordOptions {
  /** Bankmaster and StarLT always register office 9999; OpenCard only when the mapping carries it. */
  alwaysOffice: boolean;
}

/** Applies the cores' conventions to every field present; fields absent stay absent. */
export function toNegotiationRecord(c: NegotiationCollection, opts: RecordOptions): Record<string, unknown> {
  const acct = c.partyAcctRelRec;
  const rateInfo = c.intRateInfo;
  return compact({
    strategyType: c.strategyType,
    strategyId: c.strategyId,
    causalCode: c.causalCode,
    type: c.type,
    partyAcctRelRec: when(acct, (a) =>
      compact({
        acctId: when(a.acctId, (id) => padLoanId(id.trimEnd())),
        amt: a.amt,
        rate: when(a.rate, rate2),
        acctType: a.acctType,
      }),
    ),
    startDt: c.startDt,
    endDt: c.endDt,
    processDate: when(c.processDate, toYyyymmdd),
    createdDt: when(c.createdDt, toYyyymmdd),
    adviser: c.adviser,
    submitOffice: opts.alwaysOffice || c.submitOffice ? { branchId: BANKMASTER_OFFICE } : undefined,
    numAsignInstallments: when(c.numAsignInstallments, (n) => padDigits(n, 3)),
    periodGrace: when(c.periodGrace, (n) => padDigits(n, 3)),
    indebtedness: when(c.indebtedness, (i) =>
      compact({
        rate: when(i.rate, (n) => padDigits(n, 2)),
        numAsignInstallments: when(i.numAsignInstallments, (n) => padDigits(n, 3)),
      }),
    ),
    partialPmt: c.partialPmt,
    govIssueIdent: c.govIssueIdent,
    orgInfo: when(c.orgInfo?.govIssueIdent?.IdentSerialNum, (n) => ({ govIssueIdent: { IdentSerialNum: padDigits(n, 15) } })),
    offer: when(c.offer, (o) => compact({ ...o, effDt: when(o.effDt, toYyyymmdd) })),
    intRateInfo: when(rateInfo, (r) =>
      compact({
        rate: when(r.rate, rate2x6),
        intRateType: r.intRateType === undefined ? undefined : '000',
        amt: when(r.amt, (n) => padDigits(n, 4)),
        curRate: r.curRate,
        additionalData: r.additionalData?.map((d) => ({ name: d.name, value: percent3x2(d.value) })),
      }),
    ),
    quotaInfo: c.quotaInfo,
    invoicePmtInfo: c.invoicePmtInfo,
  });
}

/** What the cores answer: the registered mark with the padded product number and a yyyymmdd date. */
export interface CoreNegotiationAnswer {
  collection: { partyAcctRelRec: { acctId: string }; state: string; createdDt: string; desc: string };
}

/** The receipt in the gateway's terms; an answer without the record's shape is the core's fault (502). */
export function fromNegotiationAnswer(res: CoreNegotiationAnswer, system: string): NegotiationReceipt {
  const c = res?.collection;
  const ok =
    typeof c?.partyAcctRelRec?.acctId === 'string' &&
    typeof c.state === 'string' &&
    typeof c.desc === 'string' &&
    typeof c.createdDt === 'string' &&
    /^\d{8}$/.test(c.createdDt);
  if (!ok) {
    throw GatewayError.of('BACKEND_BAD_RESPONSE', `${system} returned an invalid response`, { errorType: system, detail: { why: 'negotiation answer shape' } });
  }
  return { acctId: c.partyAcctRelRec.acctId.trimEnd(), state: c.state, createdDt: fromYyyymmdd(c.createdDt), desc: c.desc };
}
