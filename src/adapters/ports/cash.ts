import type { CallContext } from '../../gateway/core';

/**
 * Cash operations of a deposit core, in the gateway's terms: amounts are decimal numbers (at most
 * two decimals; the adapter converts them exactly), references are the channel's transaction ids.
 */
export interface CustomerAccount {
  holderId: string;
  holderName: string;
  acctId: string;
  acctType: string;
  description: string;
}

export interface LoanSummary {
  loanId: string;
  description: string;
  /** The next installment (or the pending value when it is lower). */
  minimumDue: number;
  pending: number;
}

export interface CustomerLoans {
  holderId: string;
  holderName: string;
  loans: LoanSummary[];
}

/** The core's record of a money movement; `duplicate` when the reference had already been applied. */
export interface CashPosting {
  reference: string;
  authorizationId: string;
  duplicate: boolean;
}

export type WithdrawalType = 'RETIRO' | 'PAGO_SERVICIOS';

export interface CashPort {
  /** The customer's main active deposit account, by identity number. */
  mainAccount(holderId: string, ctx: CallContext): Promise<CustomerAccount>;
  /** The customer's loans with something pending. */
  customerLoans(holderId: string, ctx: CallContext): Promise<CustomerLoans>;
  /** Cash in to an account; applied once per reference. */
  deposit(req: { reference: string; acctId: string; amount: number }, ctx: CallContext): Promise<CashPosting>;
  /** A payment to a loan, lowering its pending value; applied once per reference. */
  payLoan(req: { reference: string; loanId: string; amount: number }, ctx: CallContext): Promise<CashPosting>;
  /** Asks the core's authorizer to send the customer an OTP bound to this account and amount. */
  requestOtp(req: { acctId: string; amount: number; ttlSeconds: number; maxAttempts: number }, ctx: CallContext): Promise<void>;
  /** Cash out, authorized by the customer's OTP; applied once per reference. */
  withdraw(req: { reference: string; acctId: string; amount: number; otp: string; operationType: WithdrawalType }, ctx: CallContext): Promise<CashPosting>;
  /** Undoes the movement a reference names, once; the amount must be the original's. */
  reverse(req: { reference: string; amount: number }, ctx: CallContext): Promise<CashPosting>;
}
