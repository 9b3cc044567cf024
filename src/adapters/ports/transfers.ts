import type { CallContext } from '../../gateway/core';

/** Bankmaster's transfer capabilities in the gateway's terms: amounts are decimal numbers, never cents. */
export type AccountTransferKind = 'OWN' | 'THIRD' | 'PSE';

export interface AccountTransfer {
  kind: AccountTransferKind;
  /** Deal reference: the transaction's identity end to end. */
  refId: string;
  fromAcctId: string;
  toAcctId: string;
  toAcctType?: string;
  amount: number;
  /** The commission the channel quoted (POST /v1/fees); the core refuses another value. */
  fee?: number;
  concept?: string;
  /** OWN: the holder of both accounts; PSE: the destination account's holder. */
  holder?: { idType: string; id: string };
  beneficiaryName?: string;
  bankId?: string;
  pseTrnCode?: string;
  processingCode?: string;
  xFerId?: string;
  origDt?: string;
  branchFrom?: string;
  branchTo?: string;
  documentRef?: string;
}

export interface TransferReceipt {
  refId: string;
  authorizationId: string;
}

export interface FeeQuery {
  processingCode: string;
  fromAcctId: string;
  toAcctId?: string;
  amount: number;
}

export interface FeeQuote {
  holderName: string;
  processingCode: string;
  fee: number;
}

export interface PocketMove {
  /** Idempotency reference of the move (the core deduplicates on it). */
  reference: string;
  acctId: string;
  amount: number;
  /** D: account to pocket; C: pocket to account. */
  flag: 'D' | 'C';
  branchId?: string;
}

export interface CashDeposit {
  type: 'N' | 'R';
  servicePoint: string;
  auditNumber: string;
  acctId: string;
  correspondentAcctId: string;
  amount: number;
  hour: string;
  branchName: string;
  cityId: string;
  city: string;
  stateProv: string;
  txId?: string;
  processId?: string;
}

export interface DepositReceipt {
  holderName: string;
  acctId: string;
  approvalId: string;
}

export interface TransfersPort {
  transfer(t: AccountTransfer, ctx: CallContext): Promise<TransferReceipt>;
  fee(q: FeeQuery, ctx: CallContext): Promise<FeeQuote>;
  /** Answers the account's available balance after the move. */
  movePocket(m: PocketMove, ctx: CallContext): Promise<{ balance: number }>;
  deposit(d: CashDeposit, ctx: CallContext): Promise<DepositReceipt>;
}
