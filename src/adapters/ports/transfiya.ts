import type { CallContext } from '../../gateway/core';

/** Transfiya (ACH immediate transfers by cell phone) in the gateway's terms. */
export interface Enrollment {
  cellPhone: string;
  acctId: string;
}

export interface EnrollmentChange {
  operation: 'Create' | 'Modify';
  idType: string;
  idNumber: string;
  cellPhone: string;
  acctId: string;
  deviceFingerPrint: string;
}

export interface PendingItem {
  /** The other party's phone. */
  counterpartPhone: string;
  amount: number;
  desc: string;
  pseTrnCode: string;
}

export interface Page {
  /** 1-based first record. */
  initialRecord: number;
  size: number;
}

export interface MoneyOrder {
  /** The core deduplicates on it. */
  reference: string;
  fromPhone: string;
  fromAcctId?: string;
  toPhone: string;
  amount: number;
  fee: number;
  desc: string;
  deviceFingerPrint: string;
}

export type Decision = 'Accept' | 'Reject' | 'ToBlock';

export interface Answer {
  pseTrnCode: string;
  decision: Decision;
  /** The customer answering: its phone and registered account. */
  phone: string;
  acctId: string;
  counterpartPhone: string;
  amount: number;
  fee: number;
  desc: string;
  establishTrust?: boolean;
  txId?: string;
  deviceFingerPrint: string;
}

export interface TrustRelationship {
  id: string;
  fromPhone: string;
  toPhone: string;
  status: 'A' | 'B';
  startDt: string;
}

export interface TrustChange {
  fromPhone: string;
  toPhone: string;
  operation: 'Activate' | 'Eliminate';
}

export interface TrustChangeResult extends Omit<TrustChange, 'operation'> {
  startDt?: string;
  /** Undefined when the item succeeded; the catalog's code, type and description otherwise. */
  error?: { errorCode: string; errorType: string; errorDesc: string };
}

export interface TransfiyaPort {
  enrollment(idType: string, idNumber: string, cellPhone: string | undefined, ctx: CallContext): Promise<Enrollment>;
  saveEnrollment(change: EnrollmentChange, ctx: CallContext): Promise<void>;
  recent(cellPhone: string, limit: number, ctx: CallContext): Promise<string[]>;
  send(order: MoneyOrder, ctx: CallContext): Promise<{ pseTrnCode: string }>;
  pendingToReceive(cellPhone: string, page: Page, ctx: CallContext): Promise<PendingItem[]>;
  answerTransfer(answer: Answer, ctx: CallContext): Promise<void>;
  requestMoney(order: MoneyOrder, ctx: CallContext): Promise<{ pseTrnCode: string }>;
  pendingToSend(cellPhone: string, page: Page, ctx: CallContext): Promise<PendingItem[]>;
  answerRequest(answer: Answer, ctx: CallContext): Promise<{ pseTrnCode: string }>;
  trustRelationships(cellPhone: string, ctx: CallContext): Promise<TrustRelationship[]>;
  manageTrust(changes: TrustChange[], deviceFingerPrint: string, ctx: CallContext): Promise<TrustChangeResult[]>;
}
