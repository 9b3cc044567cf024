import type { CallContext, CoreCaller } from '../../gateway/core';
import type { NegotiationCommand, NegotiationReceipt, NegotiationsPort } from '../ports/negotiations';
import { withCatalog } from '../error-catalog';
import { CARD_ADVANCE_ERRORS } from '../catalogs/card-advance';
import { fromNegotiationAnswer, toNegotiationRecord, type CoreNegotiationAnswer } from '../bankmaster/negotiation-record';

/** OpenCard keeps credit cards (OTC) and revolving credits (OCR) apart. */
const PATHS: Record<string, string> = { OTC: '/cards/negotiations', OCR: '/revolving-credits/negotiations' };

/**
 * Registers a negotiation on an OpenCard credit card or revolving credit. The conventions are the
 * Bankmaster ones the OpenCard tables repeat; errors are OpenCard's codes of the card-advance table
 * (00014 OPC product does not exist, 00097 OPC identification does not match the product).
 */
export class OpencardNegotiationAdapter implements NegotiationsPort {
  constructor(private readonly core: CoreCaller) {}

  async register(cmd: NegotiationCommand, ctx: CallContext): Promise<NegotiationReceipt> {
    const path = PATHS[cmd.origin];
    if (!path) throw new Error(`OpenCard does not hold ${cmd.origin} products`);
    const body = { clientApp: { name: cmd.origin }, reference: cmd.reference, collection: toNegotiationRecord(cmd.collection, { alwaysOffice: false }) };
    const res = await withCatalog(CARD_ADVANCE_ERRORS, () =>
      this.core.call<CoreNegotiationAnswer>({ operation: `negotiation-${cmd.mapping}`, method: 'POST', path, body }, ctx),
    );
    return fromNegotiationAnswer(res, this.core.displayName);
  }
}
