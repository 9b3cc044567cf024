import type { CoreCaller, CallContext } from '../../gateway/core';
import type { FundTransfer, InvestmentFundPort } from '../ports/investment-fund';
import { withDealFallback } from '../bankmaster/transfers-errors';
import { INVESTMENT_FUND_ERRORS } from '../catalogs/investment-fund';
import { toCents } from '../bankmaster/conventions';

interface IfTransferRs {
  reference: string;
  receipt: string;
  duplicate: boolean;
}

/** Investment funds core: transfers between a fund plan (OFA) and a deposit account (T1 categCode TFI). */
export class FundTransferAdapter implements InvestmentFundPort {
  constructor(private readonly core: CoreCaller) {}

  async transfer(t: FundTransfer, ctx: CallContext): Promise<{ refId: string }> {
    const body = {
      reference: t.refId,
      channelTransferId: t.xFerId,
      origin: { product: t.from.acctId, type: t.from.acctType },
      destination: { product: t.to.acctId, type: t.to.acctType },
      amountCents: toCents(t.amount),
      tradeDate: t.origDt,
      tradeTypeFlag: t.flagTradeType ?? false,
      challengeApproval: t.approvalId,
      office: t.branchFrom,
      workingDayFrame: t.workingDayFrame,
    };
    const rs = await withDealFallback(INVESTMENT_FUND_ERRORS, () =>
      this.core.call<IfTransferRs>({ operation: 'fund-transfer', method: 'POST', path: '/fund-transfers', body }, ctx),
    );
    return { refId: rs.reference };
  }
}
