import type { CallContext } from '../../gateway/core';

/** Cash advance from a credit card (CCA) or revolving credit (RLA) to a deposit account. */
export interface CardAdvance {
  refId: string;
  xFerId: string;
  /** The product as the channel sends it: an encrypted token. */
  cardToken: string;
  productType: 'CCA' | 'RLA';
  toAcctId: string;
  toAcctType: string;
  amount: number;
  installments: number;
  holder: { idType: string; id: string };
  approvalId?: string;
  branchTo?: string;
}

export interface CardAdvancePort {
  advance(a: CardAdvance, ctx: CallContext): Promise<{ approvalId: string }>;
}
