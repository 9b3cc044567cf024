import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads the error tables of the source documents as they came from the portal export: in the
 * transfers page (002) each row is glued together ("400W2TRXFONDOS INSUFICIENTES PARA RETIRO");
 * in the collections page (001) rows are markdown. Splitting a glued row needs the set of
 * error types the documents use.
 */
export const DOC_DIR = path.join(__dirname, '..', '..', 'fixtures', 'source-documents');
export const KNOWN_TYPES = ['TPS', 'TPX', 'ORA', 'VAL', 'TRS', 'EXP', 'RGN', 'AUT', 'ERN', 'TRX', 'OSB', 'INP', 'TPE', 'TXS', 'OPC', 'SQL', 'TUX', 'PRA', 'RES', 'MDB', 'OTR', 'DBA'];

/** Core codes are digits, SQLCODE, ZEROS, * (any), or two-character TRX codes (N1, NC, W2...). */
const VALID_CODE = /^(\d+|SQLCODE|ZEROS|\*|[A-Z][A-Z0-9])$/;

export interface DocRow {
  table: string;
  line: number;
  status: string;
  errorCode: string;
  errorType: string;
  errorDesc: string;
  raw: string;
}

/** The six tables of 002 in document order. */
export const TRANSFER_TABLES = ['transfers', 'fees', 'cardAdvance', 'investmentFund', 'transfiya', 'pockets'] as const;

export function splitGluedRow(raw: string): Omit<DocRow, 'table' | 'line' | 'raw'> | undefined {
  const m = /^(\d{3})(.*)$/.exec(raw);
  if (!m) return undefined;
  const [, status, rest] = m;
  if (rest.startsWith('(Core system error)')) return undefined;
  // the first position where a known type follows a non-empty code (or an empty one, see OSB)
  for (let i = 0; i <= rest.length - 3; i++) {
    const type = rest.slice(i, i + 3);
    if (!KNOWN_TYPES.includes(type)) continue;
    const code = rest.slice(0, i);
    const desc = rest.slice(i + 3);
    if (code === '' && /^\d+/.test(desc)) {
      // "400OSB10001El valor..." lists type before code: code 10001, type OSB
      const d = /^(\d+)(.*)$/.exec(desc)!;
      return { status, errorCode: d[1], errorType: type, errorDesc: d[2] };
    }
    if (!VALID_CODE.test(code)) continue;
    return { status, errorCode: code, errorType: type, errorDesc: desc };
  }
  return undefined;
}

export function transferTables(): DocRow[] {
  const file = path.join(DOC_DIR, '002_a210728450930c18.txt');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const rows: DocRow[] = [];
  let table = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === 'HTTP CodeError CodeError TypeDescription') {
      table++;
      continue;
    }
    if (table < 0) continue;
    if (!/^\d{3}/.test(line)) continue;
    const parsed = splitGluedRow(line);
    if (!parsed) {
      if (line.includes('(Core system error)')) continue;
      throw new Error(`002 line ${i + 1}: cannot split error row "${line}"`);
    }
    rows.push({ table: TRANSFER_TABLES[table], line: i + 1, raw: line, ...parsed });
  }
  return rows;
}

export function collectionTables(): DocRow[] {
  const file = path.join(DOC_DIR, '001_b876e0ab7680c7e3.txt');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const rows: DocRow[] = [];
  let table = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('| HTTPCode | ErrorCode')) {
      table = rows.some((r) => r.table === 'decisionEngine:profile') ? 'decisionEngine:policies' : 'decisionEngine:profile';
      continue;
    }
    if (!table) continue;
    if (!line.startsWith('|')) {
      table = '';
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0].startsWith('---')) continue;
    const desc = /^"([^"]+)"/.exec(cells[3])?.[1] ?? cells[3];
    rows.push({ table, line: i + 1, raw: line, status: cells[0], errorCode: cells[1], errorType: cells[2], errorDesc: desc });
  }
  return rows;
}

/** C1's documented error example: 00502 / DBA "CUENTA NO EXISTE." */
export function agreementErrors(): DocRow[] {
  const file = path.join(DOC_DIR, '001_b876e0ab7680c7e3.txt');
  const text = fs.readFileSync(file, 'utf8');
  const m = /"errorCode": "(00502)",\n"errorDesc": "([^"]+)",\n"errorType": "(DBA)"/.exec(text);
  if (!m) throw new Error('001: the C1 error example was not found');
  return [{ table: 'agreements', line: text.slice(0, m.index).split('\n').length, raw: m[0], status: '404', errorCode: m[1], errorType: m[3], errorDesc: m[2] }];
}
