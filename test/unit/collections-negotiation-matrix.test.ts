import fs from 'node:fs';
import path from 'node:path';
import { CONDONAR_NAMES, MATRIX, PORCONDONA_NAMES } from '../../apis/collections-management/negotiation-matrix';
import { negotiationProblems, pickFields, planNegotiation, resolveRow } from '../../apis/collections-management/negotiation-rules';
import { GatewayError } from '../../src/errors/gateway-error';

/**
 * The C2 routing matrix against document 001 itself: each "Mapping Body Request" table of the
 * negotiations section is parsed from the source document and must be exactly its row's fields.
 */
const DOC = path.join(__dirname, '..', 'fixtures', 'source-documents', '001_b876e0ab7680c7e3.txt');

interface DocTable {
  heading: string;
  fields: string[];
  percentNames: string[];
}

/** The tables between "Negotiation Operation Case" and the common response, keyed by their heading. */
function negotiationTables(): DocTable[] {
  const lines = fs.readFileSync(DOC, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('Negotiation Operation Case'));
  const end = lines.findIndex((l) => l.includes('> Respuesta para todos los servicios de negociacion'));
  const tables: DocTable[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const heading = /^}?((BM|OTC|OCR)\b.*(--).*)$/.exec(line);
    if (heading) {
      tables.push({ heading: heading[1], fields: [], percentNames: [] });
      continue;
    }
    const row = /^\| collection\.([^ |]+) \|([^|]*)\|/.exec(line);
    if (!row || !tables.length) continue;
    const table = tables[tables.length - 1];
    // GovIssueIdent (capital G) is the same object as govIssueIdent in the same table (see the RAML decisions)
    const field = row[1].replace(/^GovIssueIdent\./, 'govIssueIdent.').replace(/\.additionalData\[\]_\.(name|value)$/, '.additionalData');
    if (!table.fields.includes(field)) table.fields.push(field);
    const names = /nombres de valores: (.*)$/.exec(row[2].trim());
    if (names) table.percentNames = names[1].split(/ - |^- /).map((n) => n.replace(/^- /, '').trim()).filter(Boolean);
  }
  return tables;
}

const ROW_OF_HEADING: Array<[RegExp, string]> = [
  [/^BM & SLP -- CancelacionTotal/, 'bm-slp-standard'],
  [/^BM & SLP -- PuestaAlDiaConDiferidos/, 'bm-slp-deferred'],
  [/^BM & SLP -- Preaprobados/, 'bm-slp-preapproved'],
  [/^OTC-- TarjetaCredito/, 'otc-card'],
  [/^OCR -- CreditoRotativo \(/, 'ocr-revolving'],
  [/^OCR -- CreditoRotativo -- Preaprobados/, 'opencard-preapproved'],
  [/^OTC Tarjeta de Credito -- Preaprobados/, 'opencard-preapproved'],
  [/^BM & SLP & OPENCARD -- Nuevas Herramientas/, 'default'],
];

describe('C2 routing matrix vs document 001', () => {
  const tables = negotiationTables();

  it('when 001 is parsed, then it has the eight negotiation tables, each mapped to a matrix row', () => {
    expect(tables).toHaveLength(8);
    for (const t of tables) expect(ROW_OF_HEADING.some(([re]) => re.test(t.heading))).toBe(true);
  });

  it.each(ROW_OF_HEADING.filter(([, id]) => id !== 'default'))('when the table %s is read, then its fields are exactly the row %s', (re, id) => {
    const table = tables.find((t) => re.test(t.heading))!;
    const row = MATRIX.find((r) => r.id === id)!;
    // clientApp.name and strategyType route the request; the contract requires them
    expect([...row.fields].sort()).toEqual(table.fields.filter((f) => f !== 'strategyType').sort());
  });

  it('when the PPPS and PRERM tables name their percentages, then the matrix accepts exactly those names', () => {
    expect(tables.find((t) => /PPPS/.test(t.heading))!.percentNames).toEqual([...PORCONDONA_NAMES]);
    for (const t of tables.filter((x) => /PRERM/.test(x.heading))) expect(t.percentNames).toEqual([...CONDONAR_NAMES]);
  });

  it('when the default table is read, then the contract accepts every field it lists', () => {
    const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'apis', 'collections-management', 'openapi.json'), 'utf8'));
    const schemas = spec.components.schemas;
    const accepts = (field: string) =>
      field.split('.').reduce<any>((schema, key) => {
        const s = schema?.$ref ? schemas[schema.$ref.split('/').pop()] : schema;
        return s?.properties?.[key];
      }, schemas.NegotiationCollection) !== undefined;
    const table = tables.find((t) => /Nuevas Herramientas/.test(t.heading))!;
    expect(table.fields.length).toBeGreaterThan(25);
    expect(table.fields.filter((f) => !accepts(f))).toEqual([]);
  });
});

describe('C2 routing rules', () => {
  it.each([
    ['BM', 'PPPL', 'bm-slp-standard'],
    ['SLP', 'PPPA', 'bm-slp-deferred'],
    ['SLP', 'PPPS', 'bm-slp-preapproved'],
    ['OTC', 'REDIF', 'otc-card'],
    ['OCR', 'CNTL', 'ocr-revolving'],
    ['OCR', 'PRERM', 'opencard-preapproved'],
    ['OTC', 'ABC1', 'default'],
    ['BM', 'X', 'default'],
  ] as const)('when %s asks for %s, then the row is %s', (origin, tool, id) => {
    expect(resolveRow(origin, tool).id).toBe(id);
  });

  it('when BM asks for REDIF, then it is refused rather than sent to the default mapping', () => {
    expect(() => resolveRow('BM', 'REDIF')).toThrow(GatewayError);
  });

  it('when a PPPS percentage name carries the trailing space of the example, then it is accepted and trimmed', () => {
    const row = resolveRow('BM', 'PPPS');
    const c = { strategyType: 'PPPS', intRateInfo: { additionalData: [{ name: 'PORCONDONACARGOS ', value: 44.423 }] } };
    expect(negotiationProblems(row, 'BM', c).filter((p) => p.includes('additionalData[0]'))).toEqual([]);
    expect(pickFields(row, c).intRateInfo!.additionalData).toEqual([{ name: 'PORCONDONACARGOS', value: 44.423 }]);
  });

  it('when a request is planned, then the command names its origin, row and core', () => {
    const plan = planNegotiation({
      clientApp: { name: 'OCR' },
      collection: {
        strategyType: 'PDIA',
        strategyId: '01',
        causalCode: '0000',
        partyAcctRelRec: { acctId: '456892344', amt: 100 },
        startDt: '2024-01-01',
        endDt: '2024-02-01',
        govIssueIdent: { identSerialNum: '1234567890', govIssueIdentType: 'CC' },
      },
    });
    expect(plan.core).toBe('opencard');
    expect(plan.command).toMatchObject({ origin: 'OCR', mapping: 'ocr-revolving' });
  });
});
