import type { CoreCallers } from '../../src/gateway/core';
import type { TransfersPort } from '../../src/adapters/ports/transfers';
import type { CardAdvancePort } from '../../src/adapters/ports/card-advance';
import type { InvestmentFundPort } from '../../src/adapters/ports/investment-fund';
import type { TransfiyaPort } from '../../src/adapters/ports/transfiya';
import { BankmasterTransfersAdapter } from '../../src/adapters/bankmaster/transfers-adapter';
import { OpenCardAdvanceAdapter } from '../../src/adapters/opencard/advance-adapter';
import { FundTransferAdapter } from '../../src/adapters/investment-funds/fund-transfer-adapter';
import { TransfiyaAdapter } from '../../src/adapters/transfiya/transfiya-adapter';

/** transfers-management's ports: one adapter per back end it reaches. */
export interface TransfersPorts {
  transfers: TransfersPort;
  cardAdvance: CardAdvancePort;
  funds: InvestmentFundPort;
  transfiya: TransfiyaPort;
}

export const createTransfersPorts = (cores: CoreCallers): TransfersPorts => ({
  transfers: new BankmasterTransfersAdapter(cores.bankmaster),
  cardAdvance: new OpenCardAdvanceAdapter(cores.opencard),
  funds: new FundTransferAdapter(cores.investmentFunds),
  transfiya: new TransfiyaAdapter(cores.transfiya),
});
