import type { CoreCallers } from '../../src/gateway/core';
import type { NegotiationsPort } from '../../src/adapters/ports/negotiations';
import type { DecisionEnginePort } from '../../src/adapters/ports/decision-engine';
import type { AgreementsPort } from '../../src/adapters/ports/agreements';
import { BankmasterNegotiationAdapter } from '../../src/adapters/bankmaster/negotiation-adapter';
import { StarltNegotiationAdapter } from '../../src/adapters/starlt/negotiation-adapter';
import { OpencardNegotiationAdapter } from '../../src/adapters/opencard/negotiation-adapter';
import { DecisionEngineAdapter } from '../../src/adapters/decision-engine/decision-engine-adapter';
import { AgreementsAdapter } from '../../src/adapters/agreements/agreements-adapter';
import type { NegotiationCore } from './negotiation-matrix';

export interface CollectionsPorts {
  /** One negotiations adapter per core of the C2 routing matrix. */
  negotiations: Record<NegotiationCore, NegotiationsPort>;
  decisionEngine: DecisionEnginePort;
  agreements: AgreementsPort;
}

export const createCollectionsPorts = (cores: CoreCallers): CollectionsPorts => ({
  negotiations: {
    bankmaster: new BankmasterNegotiationAdapter(cores.bankmaster),
    starlt: new StarltNegotiationAdapter(cores.starlt),
    opencard: new OpencardNegotiationAdapter(cores.opencard),
  },
  decisionEngine: new DecisionEngineAdapter(cores.decisionEngine),
  agreements: new AgreementsAdapter(cores.agreements),
});
