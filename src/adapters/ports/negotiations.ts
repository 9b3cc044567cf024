import type { CallContext } from '../../gateway/core';

/** clientApp.name: the system of record of the obligation (001 C2). */
export type NegotiationOrigin = 'BM' | 'SLP' | 'OTC' | 'OCR';

export interface NamedPercentage {
  name: string;
  /** A percentage 0-100 (the contract also accepts it as text). */
  value: number | string;
}

/**
 * A negotiation in the bank's own vocabulary (001 C2 mapping tables), reduced by the API to the
 * fields of its routing-matrix row. Amounts, dates and terms arrive as the contract accepts them;
 * each adapter applies its core's conventions.
 */
export interface NegotiationCollection {
  strategyType: string;
  strategyId?: string;
  causalCode?: string;
  type?: string;
  partyAcctRelRec?: { acctId?: string; amt?: number; rate?: number; acctType?: string };
  startDt?: string;
  endDt?: string;
  processDate?: string;
  createdDt?: string;
  adviser?: { adviserId?: string };
  submitOffice?: { branchId?: number | string };
  numAsignInstallments?: number;
  periodGrace?: number;
  indebtedness?: { rate?: number; numAsignInstallments?: number };
  partialPmt?: 'T' | 'P';
  govIssueIdent?: { identSerialNum?: string; govIssueIdentType?: string };
  orgInfo?: { govIssueIdent?: { IdentSerialNum?: number | string } };
  offer?: { trnRqUID?: string; effDt?: string; requestNumber?: string; periodGrace?: number; periodGraceDeath?: number; collateralType?: string };
  intRateInfo?: { rate?: number; intRateType?: number | string; amt?: number; curRate?: number; additionalData?: NamedPercentage[] };
  quotaInfo?: { amt?: number };
  invoicePmtInfo?: { daysCycle?: number };
}

export interface NegotiationCommand {
  origin: NegotiationOrigin;
  /** The routing-matrix row that produced the command (logs and tests). */
  mapping: string;
  /**
   * client_id:Idempotency-Key when the partner sent one. The cores keep one mark per reference, so
   * a retry after an unknown outcome (the key is released on 5xx) gets the first mark, not a second.
   */
  reference?: string;
  collection: NegotiationCollection;
}

/** The core's answer, in the gateway's terms: acctId without padding, createdDt as YYYY-MM-DD. */
export interface NegotiationReceipt {
  acctId: string;
  state: string;
  createdDt: string;
  desc: string;
}

/** Registers negotiation marks in one core (Bankmaster, StarLT or OpenCard). */
export interface NegotiationsPort {
  register(cmd: NegotiationCommand, ctx: CallContext): Promise<NegotiationReceipt>;
}
