import type { ErrorCatalog } from '../error-catalog';
import { CoreBusinessError } from '../core-errors';
import { TRANSFERS_ERRORS } from '../catalogs/transfers';

/**
 * Card advances, fund transfers and Transfiya post their money as Bankmaster deals: a code their
 * own table does not list (PM/TRX repeated reference, NC/TRX unknown account...) is looked up in
 * Bankmaster's transfers table before it becomes an unidentified 500.
 */
export async function withCatalogs<T>(catalogs: readonly ErrorCatalog[], call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof CoreBusinessError)) throw e;
    const known = catalogs.find((c) => c.lookup(e.errorCode, e.errorType, e.errorDesc));
    throw (known ?? catalogs[0]).translate(e);
  }
}

export const withDealFallback = <T>(primary: ErrorCatalog, call: () => Promise<T>) => withCatalogs([primary, TRANSFERS_ERRORS], call);
