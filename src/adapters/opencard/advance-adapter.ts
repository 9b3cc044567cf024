import type { CoreCaller, CallContext } from '../../gateway/core';
import type { CardAdvance, CardAdvancePort } from '../ports/card-advance';
import { withDealFallback } from '../bankmaster/transfers-errors';
import { CARD_ADVANCE_ERRORS } from '../catalogs/card-advance';
import { toCents } from '../bankmaster/conventions';

interface OcAdvanceRs {
  approvalId: string;
  reference: string;
  duplicate: boolean;
}

/** OpenCard: cash advance from a credit card or revolving credit (T1 categCode CCR). */
export class OpenCardAdvanceAdapter implements CardAdvancePort {
  constructor(private readonly core: CoreCaller) {}

  async advance(a: CardAdvance, ctx: CallContext): Promise<{ approvalId: string }> {
    const body = {
      reference: a.refId,
      channelTransferId: a.xFerId,
      cardToken: a.cardToken,
      productType: a.productType,
      destinationAccount: a.toAcctId,
      destinationAccountType: a.toAcctType,
      amountCents: toCents(a.amount),
      installments: a.installments,
      idType: a.holder.idType,
      idNumber: a.holder.id,
      challengeApproval: a.approvalId,
      office: a.branchTo,
    };
    const rs = await withDealFallback(CARD_ADVANCE_ERRORS, () =>
      this.core.call<OcAdvanceRs>({ operation: 'card-advance', method: 'POST', path: '/advances', body }, ctx),
    );
    return { approvalId: rs.approvalId };
  }
}
