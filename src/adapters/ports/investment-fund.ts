import type { CallContext } from '../../gateway/core';

/** A transfer between an investment fund plan (OFA) and a deposit account, or between two plans. */
export interface FundTransfer {
  refId: string;
  xFerId: string;
  from: { acctId: string; acctType: string };
  to: { acctId: string; acctType: string };
  amount: number;
  origDt: string;
  flagTradeType?: boolean;
  approvalId?: string;
  branchFrom?: string;
  workingDayFrame?: unknown;
}

export interface InvestmentFundPort {
  transfer(t: FundTransfer, ctx: CallContext): Promise<{ refId: string }>;
}
