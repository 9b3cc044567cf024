import type { CoreClient, CallContext } from '../core-client';
import type { CashPort, CustomerAccount } from '../ports/cash';
import { withCatalog } from '../error-catalog';
import { TRANSFERS_ERRORS } from '../catalogs/transfers';

interface BmMainAccount {
  customer: { id: string; idType: string; name: string };
  account: { acctId: string; acctType: string; status: string; description: string };
}

/** Bankmaster's cash capability, used by Facilito. Bankmaster answers with the codes of the transfers table. */
export class BankmasterCashAdapter implements CashPort {
  constructor(private readonly core: CoreClient) {}

  async mainAccount(holderId: string, ctx: CallContext): Promise<CustomerAccount> {
    const res = await withCatalog(TRANSFERS_ERRORS, () =>
      this.core.call<BmMainAccount>(
        { operation: 'main-account', method: 'GET', path: `/customers/${encodeURIComponent(holderId)}/main-account`, idempotent: true },
        ctx,
      ),
    );
    return {
      holderId: res.customer.id,
      holderName: res.customer.name,
      acctId: res.account.acctId,
      acctType: res.account.acctType,
      description: res.account.description,
    };
  }
}
