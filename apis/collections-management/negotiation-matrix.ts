import type { NegotiationOrigin } from '../../src/adapters/ports/negotiations';

/**
 * C2's routing matrix as data (001 "Mapping Data" tables): which core takes a clientApp.name,
 * and which fields each clientApp.name x strategyType combination needs. Paths are under
 * `collection`. The RAML documents the same matrix for partners (docs/negotiation-routing.md).
 */
export type NegotiationCore = 'bankmaster' | 'starlt' | 'opencard';

export const ORIGINS: readonly NegotiationOrigin[] = ['BM', 'SLP', 'OTC', 'OCR'];

export const CORE_OF: Record<NegotiationOrigin, NegotiationCore> = { BM: 'bankmaster', SLP: 'starlt', OTC: 'opencard', OCR: 'opencard' };

export const CORE_LABEL: Record<NegotiationOrigin, string> = {
  BM: 'Bankmaster',
  SLP: 'StarLT',
  OTC: 'OpenCard credit card',
  OCR: 'OpenCard revolving credit',
};

export interface MatrixRow {
  id: string;
  /** The document's heading for the table. */
  title: string;
  origins: readonly NegotiationOrigin[];
  /** The tools of the row; undefined for the default mapping (any new tool). */
  strategyTypes?: readonly string[];
  /** The fields of the table: mandatory, and the only ones forwarded (the default row forwards everything sent). */
  fields: readonly string[];
  /** Table fields that are optional for some tools (the term "para los casos que aplique la modificación del plazo"). */
  optionalFor?: Readonly<Record<string, readonly string[]>>;
  /** The only names intRateInfo.additionalData[].name may take (compared after trimming spaces). */
  percentNames?: readonly string[];
}

const BM_SLP_BASE = [
  'partyAcctRelRec.acctId',
  'partyAcctRelRec.amt',
  'partyAcctRelRec.rate',
  'startDt',
  'endDt',
  'adviser.adviserId',
  'submitOffice.branchId',
  'numAsignInstallments',
  'periodGrace',
  'indebtedness.rate',
  'partialPmt',
] as const;

const OPENCARD_BASE = [
  'strategyId',
  'partyAcctRelRec.acctId',
  'partyAcctRelRec.amt',
  'startDt',
  'endDt',
  'numAsignInstallments',
  'govIssueIdent.identSerialNum',
  'govIssueIdent.govIssueIdentType',
  'causalCode',
] as const;

/** Cancelación total and puesta al día do not modify the term. */
const TERM_NOT_MODIFIED = { numAsignInstallments: ['CNTL', 'PDIA'] } as const;

export const PORCONDONA_NAMES = [
  'PORCONDONAINTCTE',
  'PORCONDONAINTMORA',
  'PORCONDONACARGOS',
  'PORCONDONACONTIN',
  'PORCONDONAGAC',
  'PORCONDONOTRCRGOS',
  'PORCONDONCOMOP',
  'PORCONDONSEGVID',
  'PORCONDONSEGIRT',
] as const;

export const CONDONAR_NAMES = [
  '% A CONDONAR POR CAPITAL',
  '% A CONDONAR POR INTERES CORRIENTE',
  '% A CONDONAR POR INTERES DE DE MORA',
  '% A CONDONAR POR INTERESES EXTRACONTABLES O CONTINGENTES',
  '% A CONDONAR POR OTROS CONCEPTOS',
] as const;

export const MATRIX: readonly MatrixRow[] = [
  {
    id: 'bm-slp-standard',
    title: 'BM & SLP -- CancelacionTotal(CNTL) | PuestaAlDia(PDIA) | PlanDePagoPlazo(PPPL)',
    origins: ['BM', 'SLP'],
    strategyTypes: ['CNTL', 'PDIA', 'PPPL'],
    fields: BM_SLP_BASE,
    optionalFor: TERM_NOT_MODIFIED,
  },
  {
    id: 'bm-slp-deferred',
    title: 'BM & SLP -- PuestaAlDiaConDiferidos(PDDA) | PlanPagosPlazoCondonacionIntermedia(PPPA)',
    origins: ['BM', 'SLP'],
    strategyTypes: ['PDDA', 'PPPA'],
    fields: [...BM_SLP_BASE, 'indebtedness.numAsignInstallments'],
  },
  {
    id: 'bm-slp-preapproved',
    title: 'BM & SLP -- Preaprobados Modificaciones / Reestructuraciones (PPPS)',
    origins: ['BM', 'SLP'],
    strategyTypes: ['PPPS'],
    fields: [
      ...BM_SLP_BASE,
      'govIssueIdent.identSerialNum',
      'govIssueIdent.govIssueIdentType',
      'type',
      'offer.trnRqUID',
      'offer.effDt',
      'intRateInfo.rate',
      'intRateInfo.intRateType',
      'intRateInfo.additionalData',
    ],
    percentNames: PORCONDONA_NAMES,
  },
  {
    id: 'otc-card',
    title: 'OTC -- TarjetaCredito (PDIA, CNTL, PPPL, REDIFERIDO)',
    origins: ['OTC'],
    strategyTypes: ['PDIA', 'CNTL', 'PPPL', 'REDIF'],
    fields: OPENCARD_BASE,
    optionalFor: TERM_NOT_MODIFIED,
  },
  {
    id: 'ocr-revolving',
    title: 'OCR -- CreditoRotativo (PDIA, CNTL, PPPL)',
    origins: ['OCR'],
    strategyTypes: ['PDIA', 'CNTL', 'PPPL'],
    fields: OPENCARD_BASE,
    optionalFor: TERM_NOT_MODIFIED,
  },
  {
    id: 'opencard-preapproved',
    title: 'OCR & OTC -- Preaprobados Reestructuraciones | Modificaciones (PRERM)',
    origins: ['OTC', 'OCR'],
    strategyTypes: ['PRERM'],
    fields: [
      'processDate',
      'govIssueIdent.identSerialNum',
      'govIssueIdent.govIssueIdentType',
      'strategyId',
      'causalCode',
      'offer.requestNumber',
      'offer.periodGrace',
      'offer.periodGraceDeath',
      'partyAcctRelRec.acctId',
      'numAsignInstallments',
      'quotaInfo.amt',
      'intRateInfo.rate',
      'intRateInfo.additionalData',
    ],
    percentNames: CONDONAR_NAMES,
  },
  {
    id: 'default',
    title: 'BM & SLP & OPENCARD -- Nuevas Herramientas (Default)',
    origins: ORIGINS,
    // a new tool is identified by its strategy, the obligation and the customer; the rest of the
    // default table is forwarded when sent
    fields: ['strategyId', 'partyAcctRelRec.acctId', 'govIssueIdent.identSerialNum', 'govIssueIdent.govIssueIdentType'],
  },
];
