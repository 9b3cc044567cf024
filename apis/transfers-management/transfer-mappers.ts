import type { AccountTransfer, CashDeposit, FeeQuery, PocketMove } from '../../src/adapters/ports/transfers';
import type { CardAdvance } from '../../src/adapters/ports/card-advance';
import type { FundTransfer } from '../../src/adapters/ports/investment-fund';

/** Request bodies (already validated against the contract) -> the ports' terms. */
const ident = (g?: { govIssueIdentType: string; identSerialNum: string }) => (g ? { idType: g.govIssueIdentType, id: g.identSerialNum } : undefined);

export function toAccountTransfer(b: any): AccountTransfer {
  const x = b.xFerInfo;
  return {
    kind: b.xFerRec.categCode,
    refId: b.refId,
    fromAcctId: x.depAcctIdFrom.acctId,
    toAcctId: x.depAcctIdTo.acctId,
    toAcctType: x.depAcctIdTo.acctType,
    amount: x.amt,
    fee: b.fee?.curAmt?.amt,
    concept: x.desc,
    holder: ident(b.custPayeeInfo?.govIssueIdent),
    beneficiaryName: x.personName?.fullName,
    bankId: x.bankId,
    pseTrnCode: x.pseTrnCode,
    processingCode: x.processingCode,
    xFerId: x.xFerId,
    origDt: x.origDt,
    branchFrom: b.bankInfo?.branchIdFrom,
    branchTo: b.bankInfo?.branchIdTo,
    documentRef: b.custPayeeInfo?.refId,
  };
}

export function toCardAdvance(b: any): CardAdvance {
  const x = b.xFerInfo;
  return {
    refId: b.refId,
    xFerId: x.xFerId,
    cardToken: x.depAcctIdFrom.acctId,
    productType: x.depAcctIdFrom.acctType,
    toAcctId: x.depAcctIdTo.acctId,
    toAcctType: x.depAcctIdTo.acctType,
    amount: x.amt,
    installments: x.numberOfInstallments,
    holder: ident(b.custPayeeInfo.govIssueIdent)!,
    approvalId: x.approvalId,
    branchTo: b.bankInfo?.branchIdTo,
  };
}

export function toFundTransfer(b: any): FundTransfer {
  const x = b.xFerInfo;
  return {
    refId: b.refId,
    xFerId: x.xFerId,
    from: { acctId: x.depAcctIdFrom.acctId, acctType: x.depAcctIdFrom.acctType },
    to: { acctId: x.depAcctIdTo.acctId, acctType: x.depAcctIdTo.acctType },
    amount: x.amt,
    origDt: x.origDt,
    flagTradeType: x.flagTradeType,
    approvalId: x.approvalId,
    branchFrom: b.bankInfo?.branchIdFrom,
    workingDayFrame: b.workingDayFrame,
  };
}

export const toFeeQuery = (b: any): FeeQuery => ({
  processingCode: b.xFerInfo.processingCode,
  fromAcctId: b.depAcctIdFrom.depAcctId.acctId,
  toAcctId: b.depAcctIdTo?.depAcctId?.acctId,
  amount: b.xFerInfo.curAmt.amt,
});

export const toPocketMove = (b: any, reference: string): PocketMove => ({
  reference,
  acctId: b.depAcctId.acctId,
  amount: b.xFerInfo.amt,
  flag: b.xFerInfo.flagTransfer,
  branchId: b.branch?.branchId,
});

/** trn.type: the table's N / R and the example's spelled-out Normal / Reverso are the same two values. */
export const depositType = (type: string): 'N' | 'R' => (type === 'R' || type === 'Reverso' ? 'R' : 'N');

/** Before validation and idempotency: Normal / Reverso become N / R, so both spellings are one request. */
export function normalizeDepositType(req: { body?: any }): void {
  const trn = req.body?.trn;
  if (trn && (trn.type === 'Normal' || trn.type === 'Reverso')) trn.type = depositType(trn.type);
}

export function toCashDeposit(b: any, headers: { txId?: string; processId?: string }): CashDeposit {
  const t = b.trn;
  return {
    type: depositType(t.type),
    servicePoint: t.code,
    auditNumber: t.trnRqUID,
    acctId: t.depAcctIdTo.acctId,
    correspondentAcctId: t.depAcctIdFrom.acctId,
    amount: t.curAmt.amt,
    hour: t.transactionHour,
    branchName: t.branchName,
    cityId: t.cityId,
    city: t.city,
    stateProv: t.stateProv,
    txId: headers.txId,
    processId: headers.processId,
  };
}

/**
 * T15's ownership: a deposit (N) is its service point and audit number, recorded as the caller's;
 * its reversal (R) names the same pair and must be the caller's deposit (D19).
 */
const depositPair = (kind: 'N' | 'R') => (req: { body?: any }): string | undefined => {
  const t = req.body?.trn;
  if (!t?.code || !t?.trnRqUID || typeof t.type !== 'string' || depositType(t.type) !== kind) return undefined;
  return `${t.code}:${t.trnRqUID}`;
};
const DEPOSITS = { scope: 'correspondent-deposits', keyName: 'trn.code:trn.trnRqUID' };
export const depositOwnership = {
  claims: { ...DEPOSITS, reference: depositPair('N') },
  refersTo: { ...DEPOSITS, reference: depositPair('R') },
};

/** The deposit's identity for the idempotency policy: its kind, service point and audit number. */
export const depositKey = (body: any): string | undefined => {
  const t = body?.trn;
  if (!t?.code || !t?.trnRqUID || typeof t.type !== 'string') return undefined;
  return `${depositType(t.type)}:${t.code}:${t.trnRqUID}`;
};
