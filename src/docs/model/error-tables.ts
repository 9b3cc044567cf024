import type { CatalogRow } from '../../adapters/error-catalog';
import { AGREEMENTS_ERRORS } from '../../adapters/catalogs/agreements';
import { DECISION_ENGINE_ERRORS } from '../../adapters/catalogs/decision-engine';
import { FACILITO_CASH_ROWS } from '../../adapters/bankmaster/cash-errors';

/**
 * The core error tables each API's page shows, straight from the catalogs the adapters translate
 * with (the documents' tables as data). transfers-management publishes its own "Error codes" page
 * in its RAML, rendered from the same catalogs (apis/transfers-management/error-docs.ts), so the
 * portal shows that page instead of repeating it.
 */
export interface CoreErrorTable {
  title: string;
  appliesTo: string;
  rows: readonly CatalogRow[];
  note?: string;
}

export const CORE_ERROR_TABLES: Record<string, CoreErrorTable[]> = {
  'collections-management': [
    { title: 'Agreements core', appliesTo: 'C1 ICS agreement, C5 collection check', rows: AGREEMENTS_ERRORS.rows },
    {
      title: 'Decision engine',
      appliesTo: 'C3 profiling, C4 AppPolicies',
      rows: DECISION_ENGINE_ERRORS.rows,
      note: 'Document 001 leaves the HTTP status of these codes open ("TBD"); the statuses shown are the decision recorded in the RAML.',
    },
  ],
  'transfers-management': [],
  facilito: [
    {
      title: 'Bankmaster cash (authorizer, loans, reversals)',
      appliesTo: 'F2-F7',
      rows: FACILITO_CASH_ROWS,
      note: 'Any other Bankmaster code is answered as in the transfers table of transfers-management (accounts, funds, references).',
    },
  ],
};

/** A RAML documentation page that already is the API's error table (shown in the Errors section). */
export const isErrorCodesPage = (title: string): boolean => /^error codes$/i.test(title.trim());
