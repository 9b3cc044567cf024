import type { BackendName } from '../../gateway/backends';
import type { CoreModule } from './core-app';
import { bankmasterCash } from './bankmaster/cash';
import { bankmasterTransfers } from './bankmaster/transfers';
import { bankmasterNegotiations } from './bankmaster/negotiations';
import { starltNegotiations } from './starlt/negotiations';
import { opencardNegotiations } from './opencard/negotiations';
import { opencardAdvances } from './opencard/advances';
import { transfiyaCore } from './transfiya/transfiya';
import { decisionEngineCore } from './decision-engine/decision-engine';
import { agreementsCore } from './agreements/agreements';
import { investmentFundsCore } from './investment-funds/investment-funds';

/** Which capabilities each simulated back end serves. */
export const CORE_MODULES: Record<BackendName, CoreModule[]> = {
  bankmaster: [bankmasterCash, bankmasterTransfers, bankmasterNegotiations],
  starlt: [starltNegotiations],
  opencard: [opencardNegotiations, opencardAdvances],
  transfiya: [transfiyaCore],
  decisionEngine: [decisionEngineCore],
  agreements: [agreementsCore],
  investmentFunds: [investmentFundsCore],
};
