import { example } from './collections-support';

/**
 * C2 cases shared by the negotiation tests: the document's example of each routing-matrix row and
 * the record each core must receive for it, written out by hand from the 001 tables (not computed
 * by the code under test).
 */
export const DATE = '2022-09-22';
export const HOLDER = { identSerialNum: '1234567890', govIssueIdentType: 'CC' };

export const EXAMPLE_OF: Record<string, string> = {
  'bm-slp-standard': 'negotiation-bm-slp-cntl-pdia-pppl-request.json',
  'bm-slp-deferred': 'negotiation-bm-slp-pdda-pppa-request.json',
  'bm-slp-preapproved': 'negotiation-bm-slp-ppps-request.json',
  'otc-card': 'negotiation-otc-card-request.json',
  'ocr-revolving': 'negotiation-ocr-revolving-request.json',
  'opencard-preapproved': 'negotiation-ocr-prerm-request.json',
  default: 'negotiation-default-request.json',
};

/** The core-side record each example must become (written out by hand from the 001 tables, not computed). */
export const bmStandard = (strategyType: string) => ({
  strategyType,
  partyAcctRelRec: { acctId: '872452983283        ', amt: 1244, rate: '23.00' },
  startDt: DATE,
  endDt: DATE,
  adviser: { adviserId: 'User_root' },
  submitOffice: { branchId: '9999' },
  numAsignInstallments: '024',
  periodGrace: '024',
  indebtedness: { rate: '23' },
  partialPmt: 'T',
});
export const bmDeferred = (strategyType: string) => ({
  ...bmStandard(strategyType),
  partyAcctRelRec: { acctId: '123456789           ', amt: 2343, rate: '23.00' },
  indebtedness: { rate: '23', numAsignInstallments: '024' },
});
export const bmPreapproved = (strategyType: string) => ({
  ...bmStandard(strategyType),
  partyAcctRelRec: { acctId: '872452983283        ', amt: 12, rate: '23.00' },
  indebtedness: { rate: '33' },
  govIssueIdent: HOLDER,
  type: 'R26',
  offer: { effDt: '20220922', trnRqUID: '28498521' },
  intRateInfo: {
    rate: '33.000000',
    intRateType: '000',
    additionalData: [
      ['PORCONDONAINTCTE', '030.42'],
      ['PORCONDONAINTMORA', '021.42'],
      ['PORCONDONACARGOS', '044.42'],
      ['PORCONDONACONTIN', '011.42'],
      ['PORCONDONAGAC', '088.43'],
      ['PORCONDONOTRCRGOS', '030.42'],
      ['PORCONDONCOMOP', '022.42'],
      ['PORCONDONSEGVID', '076.43'],
      ['PORCONDONSEGIRT', '013.42'],
    ].map(([name, value]) => ({ name, value })),
  },
});
export const card = (strategyType: string, causalCode: string) => ({
  strategyType,
  strategyId: '05',
  causalCode,
  partyAcctRelRec: { acctId: '456892344           ', amt: 14 },
  startDt: DATE,
  endDt: DATE,
  numAsignInstallments: '024',
  govIssueIdent: HOLDER,
});
export const prerm = () => ({
  strategyType: 'PRERM',
  processDate: '20220922',
  govIssueIdent: HOLDER,
  strategyId: '07',
  causalCode: '307',
  offer: { requestNumber: '123A', periodGrace: 23, periodGraceDeath: 111 },
  partyAcctRelRec: { acctId: '872452983283        ' },
  numAsignInstallments: '024',
  quotaInfo: { amt: 12345678987654 },
  intRateInfo: {
    rate: '33.000000',
    additionalData: [
      ['% A CONDONAR POR CAPITAL', '030.40'],
      ['% A CONDONAR POR INTERES CORRIENTE', '021.40'],
      ['% A CONDONAR POR INTERES DE DE MORA', '044.40'],
      ['% A CONDONAR POR INTERESES EXTRACONTABLES O CONTINGENTES', '011.40'],
      ['% A CONDONAR POR OTROS CONCEPTOS', '088.40'],
    ].map(([name, value]) => ({ name, value })),
  },
});
export const defaultMapping = (strategyType: string) => ({
  strategyType,
  partialPmt: 'T',
  intRateInfo: { additionalData: [{ name: 'Nombre porcentaje', value: '099.45' }], amt: '1432', curRate: 2, rate: '99.445000', intRateType: '000' },
  createdDt: '20220922',
  periodGrace: '024',
  processDate: '20220922',
  offer: { periodGrace: 23, effDt: '20220922', collateralType: '20', periodGraceDeath: 111, requestNumber: '123A', trnRqUID: '28498521' },
  adviser: { adviserId: 'User_root' },
  partyAcctRelRec: { acctId: '12345678901234567890', amt: 1234, rate: '33.00', acctType: 'Credit...' },
  numAsignInstallments: '024',
  strategyId: '03',
  submitOffice: { branchId: '9999' },
  type: 'R26',
  causalCode: '302',
  endDt: DATE,
  indebtedness: { rate: '33', numAsignInstallments: '024' },
  govIssueIdent: HOLDER,
  startDt: DATE,
  quotaInfo: { amt: 213 },
  invoicePmtInfo: { daysCycle: 24 },
});

export interface Case {
  name: string;
  strategyType: string;
  row: string;
  backend: string;
  path: string;
  record: Record<string, unknown>;
}

export const MATRIX_CASES: Case[] = [
  ...['BM', 'SLP'].flatMap((name) => {
    const backend = name === 'BM' ? 'bankmaster' : 'starlt';
    const at = { backend, path: '/negotiations' };
    return [
      ...['CNTL', 'PDIA', 'PPPL'].map((s) => ({ name, strategyType: s, row: 'bm-slp-standard', ...at, record: bmStandard(s) })),
      ...['PDDA', 'PPPA'].map((s) => ({ name, strategyType: s, row: 'bm-slp-deferred', ...at, record: bmDeferred(s) })),
      { name, strategyType: 'PPPS', row: 'bm-slp-preapproved', ...at, record: bmPreapproved('PPPS') },
      { name, strategyType: 'NEWT', row: 'default', ...at, record: defaultMapping('NEWT') },
    ];
  }),
  ...['PDIA', 'CNTL', 'PPPL', 'REDIF'].map((s) => ({
    name: 'OTC',
    strategyType: s,
    row: 'otc-card',
    backend: 'opencard',
    path: '/cards/negotiations',
    record: card(s, '303'),
  })),
  ...['PDIA', 'CNTL', 'PPPL'].map((s) => ({
    name: 'OCR',
    strategyType: s,
    row: 'ocr-revolving',
    backend: 'opencard',
    path: '/revolving-credits/negotiations',
    record: card(s, '302'),
  })),
  { name: 'OTC', strategyType: 'PRERM', row: 'opencard-preapproved', backend: 'opencard', path: '/cards/negotiations', record: prerm() },
  { name: 'OCR', strategyType: 'PRERM', row: 'opencard-preapproved', backend: 'opencard', path: '/revolving-credits/negotiations', record: prerm() },
  { name: 'OTC', strategyType: 'NEWT', row: 'default', backend: 'opencard', path: '/cards/negotiations', record: defaultMapping('NEWT') },
  { name: 'OCR', strategyType: 'NEWT', row: 'default', backend: 'opencard', path: '/revolving-credits/negotiations', record: defaultMapping('NEWT') },
];

export function requestFor(row: string, name: string, strategyType: string) {
  const body = example(EXAMPLE_OF[row]);
  body.clientApp.name = name;
  body.collection.strategyType = strategyType;
  return body;
}

export function drop(body: any, field: string): void {
  const keys = `collection.${field}`.split('.');
  const parent = keys.slice(0, -1).reduce((o, k) => o[k], body);
  delete parent[keys[keys.length - 1]];
}
