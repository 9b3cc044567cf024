import type { CallContext, CoreCaller } from '../../gateway/core';
import type { NegotiationCommand, NegotiationReceipt, NegotiationsPort } from '../ports/negotiations';
import { withCatalog } from '../error-catalog';
import { TRANSFERS_ERRORS } from '../catalogs/transfers';
import { fromNegotiationAnswer, toNegotiationRecord, type CoreNegotiationAnswer } from './negotiation-record';

/**
 * Registers a negotiation in Bankmaster's loan book. A state change: never retried, a timeout is an
 * unknown outcome. The document gives no negotiation error table; Bankmaster answers with codes of
 * the transfers table (SQLCODE VAL "REGISTRO NO EXISTE" for an unknown obligation, NP TRX for an office).
 */
export async function registerOnLoanBook(core: CoreCaller, cmd: NegotiationCommand, ctx: CallContext): Promise<NegotiationReceipt> {
  const body = { clientApp: { name: cmd.origin }, reference: cmd.reference, collection: toNegotiationRecord(cmd.collection, { alwaysOffice: true }) };
  const res = await withCatalog(TRANSFERS_ERRORS, () =>
    core.call<CoreNegotiationAnswer>({ operation: `negotiation-${cmd.mapping}`, method: 'POST', path: '/negotiations', body }, ctx),
  );
  return fromNegotiationAnswer(res, core.displayName);
}

export class BankmasterNegotiationAdapter implements NegotiationsPort {
  constructor(private readonly core: CoreCaller) {}

  register(cmd: NegotiationCommand, ctx: CallContext): Promise<NegotiationReceipt> {
    return registerOnLoanBook(this.core, cmd, ctx);
  }
}
