import type { CoreCaller, CallContext, CoreRequest } from '../../gateway/core';
import type { CashPort, CashPosting, CustomerAccount, CustomerLoans, WithdrawalType } from '../ports/cash';
import { withCatalog } from '../error-catalog';
import { CASH_ERRORS } from './cash-errors';
import { fromCents, padLoanId, toCents } from './conventions';

interface BmMainAccount {
  customer: { id: string; idType: string; name: string };
  account: { acctId: string; acctType: string; status: string; description: string };
}

interface BmLoans {
  customer: { id: string; name: string };
  loans: Array<{ loanId: string; description: string; minimumDue: string; pending: string }>;
}

interface BmPosting {
  reference: string;
  authorizationId: string;
  duplicate: boolean;
}

/** Bankmaster amounts: integer cents without a decimal separator, converted exactly (no floats). */
const amount = (n: number) => String(toCents(n));

/**
 * Bankmaster's cash capability, used by Facilito. Bankmaster answers with the codes of 002's
 * transfers table plus its authorizer's and loans' codes (cash-errors.ts). Every call that moves
 * money comes from a money-moving route and is sent once: a timeout is an unknown outcome, never
 * retried; the reference lets Bankmaster recognise a retry.
 */
export class BankmasterCashAdapter implements CashPort {
  constructor(private readonly core: CoreCaller) {}

  private send<T>(req: CoreRequest, ctx: CallContext): Promise<T> {
    return withCatalog(CASH_ERRORS, () => this.core.call<T>(req, ctx));
  }

  private async post(operation: string, path: string, body: Record<string, unknown>, ctx: CallContext): Promise<CashPosting> {
    const res = await this.send<BmPosting>({ operation, method: 'POST', path, body }, ctx);
    return { reference: res.reference, authorizationId: res.authorizationId, duplicate: res.duplicate === true };
  }

  async mainAccount(holderId: string, ctx: CallContext): Promise<CustomerAccount> {
    const res = await this.send<BmMainAccount>(
      { operation: 'main-account', method: 'GET', path: `/customers/${encodeURIComponent(holderId)}/main-account` },
      ctx,
    );
    return {
      holderId: res.customer.id,
      holderName: res.customer.name,
      acctId: res.account.acctId,
      acctType: res.account.acctType,
      description: res.account.description,
    };
  }

  async customerLoans(holderId: string, ctx: CallContext): Promise<CustomerLoans> {
    const res = await this.send<BmLoans>(
      { operation: 'customer-loans', method: 'GET', path: `/customers/${encodeURIComponent(holderId)}/loans` },
      ctx,
    );
    return {
      holderId: res.customer.id,
      holderName: res.customer.name,
      loans: res.loans.map((l) => ({
        loanId: l.loanId.trimEnd(),
        description: l.description,
        minimumDue: fromCents(l.minimumDue),
        pending: fromCents(l.pending),
      })),
    };
  }

  deposit(req: { reference: string; acctId: string; amount: number }, ctx: CallContext): Promise<CashPosting> {
    return this.post('cash-deposit', '/cash/deposits', { reference: req.reference, acctId: req.acctId, amount: amount(req.amount) }, ctx);
  }

  payLoan(req: { reference: string; loanId: string; amount: number }, ctx: CallContext): Promise<CashPosting> {
    return this.post('loan-payment', '/loans/payments', { reference: req.reference, loanId: padLoanId(req.loanId), amount: amount(req.amount) }, ctx);
  }

  async requestOtp(req: { acctId: string; amount: number; ttlSeconds: number; maxAttempts: number }, ctx: CallContext): Promise<void> {
    await this.send(
      {
        operation: 'otp-request',
        method: 'POST',
        path: '/otp',
        body: { acctId: req.acctId, amount: amount(req.amount), ttlSeconds: req.ttlSeconds, maxAttempts: req.maxAttempts },
      },
      ctx,
    );
  }

  withdraw(
    req: { reference: string; acctId: string; amount: number; otp: string; operationType: WithdrawalType },
    ctx: CallContext,
  ): Promise<CashPosting> {
    const body = { reference: req.reference, acctId: req.acctId, amount: amount(req.amount), otp: req.otp, operationType: req.operationType };
    return this.post('cash-withdrawal', '/cash/withdrawals', body, ctx);
  }

  reverse(req: { reference: string; amount: number }, ctx: CallContext): Promise<CashPosting> {
    return this.post('cash-reversal', '/cash/reversals', { reference: req.reference, amount: amount(req.amount) }, ctx);
  }
}
