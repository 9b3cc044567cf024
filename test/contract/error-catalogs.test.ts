import { agreementErrors, collectionTables, transferTables, type DocRow } from './helpers/doc-tables';
import type { ErrorCatalog } from '../../src/adapters/error-catalog';
import { CoreBusinessError } from '../../src/adapters/core-errors';
import { TRANSFERS_ERRORS } from '../../src/adapters/catalogs/transfers';
import { FEES_ERRORS } from '../../src/adapters/catalogs/fees';
import { CARD_ADVANCE_ERRORS } from '../../src/adapters/catalogs/card-advance';
import { INVESTMENT_FUND_ERRORS } from '../../src/adapters/catalogs/investment-fund';
import { TRANSFIYA_ERRORS } from '../../src/adapters/catalogs/transfiya';
import { POCKETS_ERRORS } from '../../src/adapters/catalogs/pockets';
import { DECISION_ENGINE_ERRORS } from '../../src/adapters/catalogs/decision-engine';
import { AGREEMENTS_ERRORS } from '../../src/adapters/catalogs/agreements';

const CATALOGS: Record<string, ErrorCatalog> = {
  transfers: TRANSFERS_ERRORS,
  fees: FEES_ERRORS,
  cardAdvance: CARD_ADVANCE_ERRORS,
  investmentFund: INVESTMENT_FUND_ERRORS,
  transfiya: TRANSFIYA_ERRORS,
  pockets: POCKETS_ERRORS,
  decisionEngine: DECISION_ENGINE_ERRORS,
  agreements: AGREEMENTS_ERRORS,
};

/** The documents leave the decision engine's HTTP status open ("TBD", "OTR"); our choice, recorded in the RAML. */
const DECIDED_STATUS: Record<string, number> = { '10001': 500, '10002': 400, '10007': 500, '10101': 502, '15001': 500 };

const rows: DocRow[] = [...transferTables(), ...collectionTables(), ...agreementErrors()];

describe('error catalogs against the error tables of the source documents', () => {
  it('when the documents are read, then every table is found with its rows', () => {
    const count = (t: string) => rows.filter((r) => r.table.startsWith(t)).length;
    expect(count('transfers')).toBe(103);
    expect(count('fees')).toBe(20);
    expect(count('cardAdvance')).toBe(21);
    expect(count('investmentFund')).toBe(15);
    expect(count('transfiya')).toBe(22);
    expect(count('pockets')).toBe(5);
    expect(count('decisionEngine')).toBe(10);
    expect(count('agreements')).toBe(1);
  });

  it.each(rows.map((r) => [`${r.table} line ${r.line}: ${r.status} ${r.errorCode}/${r.errorType} ${r.errorDesc}`, r] as const))(
    '%s',
    (_name, r) => {
      const catalog = CATALOGS[r.table.split(':')[0]];
      const status = /^\d{3}$/.test(r.status) ? Number(r.status) : DECIDED_STATUS[r.errorCode];
      const answer = catalog.translate(new CoreBusinessError('core', 400, r.errorCode, r.errorType, r.errorDesc));
      const { errorCode, errorType, errorDesc } = answer.envelope().responseDetail;
      expect({ errorCode, errorType }).toEqual({ errorCode: r.errorCode, errorType: r.errorType });
      // the tables repeat some rows with other capitalisation ("Error de Inicio TP" / "ERROR DE INICIO TP")
      expect(errorDesc.toUpperCase()).toBe(r.errorDesc.toUpperCase());
      expect(answer.status).toBe(status);
    },
  );

  it('when a core answers a code that no table lists, then 500 with the core own description', () => {
    for (const c of Object.values(CATALOGS)) {
      const e = c.translate(new CoreBusinessError('core', 400, 'NOPE', 'ZZZ', 'DESCRIPCION DEL CORE'));
      expect(e.status).toBe(500);
      expect(e.errorDesc).toBe('DESCRIPCION DEL CORE');
    }
  });
});
