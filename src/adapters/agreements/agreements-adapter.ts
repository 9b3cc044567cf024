import type { CallContext, CoreCaller } from '../../gateway/core';
import type { AgreementsPort, CollectionCheck, CollectionCheckResult, IcsAgreement, IcsQuery } from '../ports/agreements';
import { withCatalog } from '../error-catalog';
import { AGREEMENTS_ERRORS } from '../catalogs/agreements';
import { GatewayError } from '../../errors/gateway-error';

/**
 * The agreements core: ICS payment agreements (C1) and the collection agreements (convenios)
 * interface a banking correspondent checks a bill against (C5). Both are reads. Its one documented
 * code, 00502 DBA "CUENTA NO EXISTE.", is a 404.
 */
export class AgreementsAdapter implements AgreementsPort {
  constructor(private readonly core: CoreCaller) {}

  async icsAgreement(q: IcsQuery, ctx: CallContext): Promise<IcsAgreement> {
    const res = await withCatalog(AGREEMENTS_ERRORS, () =>
      this.core.call<{ agreement?: IcsAgreement }>(
        { operation: 'ics-agreement', method: 'GET', path: '/ics-agreements', query: { ...q } },
        ctx,
      ),
    );
    if (!res.agreement || typeof res.agreement !== 'object') throw this.bad('agreement missing');
    return res.agreement;
  }

  async checkCollection(trn: CollectionCheck, ctx: CallContext): Promise<CollectionCheckResult> {
    const res = await withCatalog(AGREEMENTS_ERRORS, () =>
      this.core.call<{ trn?: CollectionCheckResult }>(
        { operation: 'collection-check', method: 'POST', path: '/collections/check', body: { trn } },
        ctx,
      ),
    );
    if (!res.trn || !Array.isArray(res.trn.aditionalData?.CurAmt)) throw this.bad('trn missing');
    return res.trn;
  }

  private bad(why: string): GatewayError {
    return GatewayError.of('BACKEND_BAD_RESPONSE', `${this.core.displayName} returned an invalid response`, {
      errorType: this.core.displayName,
      detail: { why },
    });
  }
}
