import type { ErrorCatalog } from '../../src/adapters/error-catalog';
import { TRANSFERS_ERRORS } from '../../src/adapters/catalogs/transfers';
import { FEES_ERRORS } from '../../src/adapters/catalogs/fees';
import { CARD_ADVANCE_ERRORS } from '../../src/adapters/catalogs/card-advance';
import { INVESTMENT_FUND_ERRORS } from '../../src/adapters/catalogs/investment-fund';
import { TRANSFIYA_ERRORS } from '../../src/adapters/catalogs/transfiya';
import { POCKETS_ERRORS } from '../../src/adapters/catalogs/pockets';

/**
 * raml/transfers-management/errors.md is rendered from the error catalogs (the document's tables
 * as data), so the portal can never list a code the gateway does not translate, or miss one.
 * test/unit/transfers-error-docs.test.ts fails when the file and the catalogs drift.
 */
const SECTIONS: Array<[title: string, applies: string, catalog: ErrorCatalog]> = [
  ['Transfers (Bankmaster)', 'T1 OWN / THIRD / PSE, T15 deposit; also the fallback for codes of the Bankmaster deal behind CCR, TFI, Transfiya and pockets', TRANSFERS_ERRORS],
  ['Fees', 'T2', FEES_ERRORS],
  ['Credit card / revolving credit advance (OpenCard)', 'T1 CCR', CARD_ADVANCE_ERRORS],
  ['Investment fund', 'T1 TFI', INVESTMENT_FUND_ERRORS],
  ['Transfiya (immediate transfers)', 'T3-T13; in T13 each item carries its own responseDetail', TRANSFIYA_ERRORS],
  ['Pockets', 'T14; rows whose description is the placeholder "m" answer the core\'s own description', POCKETS_ERRORS],
];

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderErrorDocs(): string {
  const out = [
    'Every error is answered in the bank\'s envelope `{"responseType":{"value":"ER"},"responseDetail":{"errorCode","errorDesc","errorType"}}`.',
    'Core codes below are the tables of document 002, with the HTTP status each one is answered with. A core code',
    'that no table lists is answered 500 with the core\'s own code and description. The gateway\'s own codes',
    '(GW-nnn-nn: contract, security, idempotency, back end unavailable / timeout / outcome unknown) are listed in',
    'the common traits.',
    '',
  ];
  for (const [title, applies, catalog] of SECTIONS) {
    out.push(`### ${title}`, '', `Applies to: ${applies}.`, '', '| HTTP | errorCode | errorType | errorDesc |', '| --- | --- | --- | --- |');
    for (const r of catalog.rows) out.push(`| ${r.status} | ${cell(r.errorCode)} | ${cell(r.errorType)} | ${cell(r.errorDesc)} |`);
    out.push('');
  }
  return out.join('\n');
}
