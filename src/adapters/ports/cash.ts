import type { CallContext } from '../core-client';

/** Cash operations of a deposit core, in the gateway's terms (amounts as decimal numbers). */
export interface CustomerAccount {
  holderId: string;
  holderName: string;
  acctId: string;
  acctType: string;
  description: string;
}

export interface CashPort {
  /** The customer's main active deposit account, by identity number. */
  mainAccount(holderId: string, ctx: CallContext): Promise<CustomerAccount>;
}
