import type { Answer, MoneyOrder, PendingItem, TrustChangeResult, TrustRelationship } from '../../src/adapters/ports/transfiya';

/** Transfiya bodies <-> the port's terms. "From" is always the customer acting, "To" the other party. */
export const toMoneyOrder = (b: any, reference: string): MoneyOrder => ({
  reference,
  fromPhone: b.xFerInfo.depAcctIdFrom.cellPhone,
  fromAcctId: b.xFerInfo.depAcctIdFrom.acctId,
  toPhone: b.xFerInfo.depAcctIdTo.cellPhone,
  amount: b.xFerInfo.amt,
  fee: b.fee.curAmt.amt,
  desc: b.xFerInfo.desc,
  deviceFingerPrint: b.deviceFingerPrint,
});

export const toAnswer = (b: any, decision: Answer['decision']): Answer => ({
  pseTrnCode: b.xFerInfo.pseTrnCode,
  decision,
  phone: b.xFerInfo.depAcctIdFrom.cellPhone,
  acctId: b.xFerInfo.depAcctIdFrom.acctId,
  counterpartPhone: b.xFerInfo.depAcctIdTo.cellPhone,
  amount: b.xFerInfo.amt,
  fee: b.fee.curAmt.amt,
  desc: b.xFerInfo.desc,
  establishTrust: b.flagEstablishTrust,
  txId: b.tx?.id,
  deviceFingerPrint: b.deviceFingerPrint,
});

export const fromPending = (items: PendingItem[]) =>
  items.map((i) => ({ depAcctIdTo: { cellPhone: i.counterpartPhone }, curAmt: { amt: i.amount, desc: i.desc }, pseTrnCode: i.pseTrnCode }));

export const fromTrust = (items: TrustRelationship[]) =>
  items.map((r) => ({
    transaction: { trnRqUid: r.id },
    depAcctIdFrom: { cellPhone: r.fromPhone },
    depAcctIdTo: { cellPhone: r.toPhone },
    transfiyaOperationType: r.status,
    startDt: r.startDt,
  }));

const NO_ERROR = { errorCode: '', errorDesc: '', errorType: '' };

/** T13: each item answered with its own responseType and responseDetail. */
export const fromTrustResults = (items: TrustChangeResult[]) =>
  items.map((i) => ({
    depAcctIdFrom: { cellPhone: i.fromPhone },
    depAcctIdTo: { cellPhone: i.toPhone },
    ...(i.startDt ? { startDt: i.startDt } : {}),
    responseType: { value: i.error ? 'ER' : 'OK' },
    responseDetail: i.error ? { errorCode: i.error.errorCode, errorDesc: i.error.errorDesc, errorType: i.error.errorType } : NO_ERROR,
  }));

/** Paging query parameters arrive as text; the contract already checked they are integers in range. */
export const intParam = (v: unknown, fallback: number) => (v === undefined || v === '' ? fallback : Number(v));
