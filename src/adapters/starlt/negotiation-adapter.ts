import type { CallContext, CoreCaller } from '../../gateway/core';
import type { NegotiationCommand, NegotiationReceipt, NegotiationsPort } from '../ports/negotiations';
import { registerOnLoanBook } from '../bankmaster/negotiation-adapter';

/**
 * Registers a negotiation in StarLT. 001 maps "BM & SLP" in one table: StarLT takes the same
 * record, conventions and error codes as Bankmaster, on its own back end and breaker.
 */
export class StarltNegotiationAdapter implements NegotiationsPort {
  constructor(private readonly core: CoreCaller) {}

  register(cmd: NegotiationCommand, ctx: CallContext): Promise<NegotiationReceipt> {
    return registerOnLoanBook(this.core, cmd, ctx);
  }
}
