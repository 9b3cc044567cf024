import { GatewayError } from '../errors/gateway-error';
import type { CoreBusinessError } from './core-errors';

/** One row of an error table of the source documents: core code/type -> HTTP status and description. */
export interface CatalogRow {
  status: number;
  errorCode: string;
  errorType: string;
  errorDesc: string;
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toUpperCase();

/**
 * A back end's error table as data. Most code/type pairs are unique; where the documents list one
 * pair several times with different statuses (SQLCODE/ORA...), the description tells them apart.
 * Anything not in the table is answered 500 with the core's own code and description.
 */
export class ErrorCatalog {
  private readonly byKey = new Map<string, CatalogRow[]>();

  constructor(
    readonly name: string,
    readonly rows: readonly CatalogRow[],
  ) {
    for (const r of rows) {
      const k = `${r.errorCode}|${r.errorType}`;
      const list = this.byKey.get(k) ?? [];
      list.push(r);
      this.byKey.set(k, list);
    }
  }

  lookup(errorCode: string, errorType: string, errorDesc = ''): CatalogRow | undefined {
    // "*" rows (pockets table) stand for any code of their type
    const list = this.byKey.get(`${errorCode}|${errorType}`) ?? this.byKey.get(`*|${errorType}`);
    if (!list) return undefined;
    if (list.length === 1) return list[0];
    const d = norm(errorDesc);
    return list.find((r) => norm(r.errorDesc) === d) ?? list.find((r) => d.startsWith(norm(r.errorDesc)) && norm(r.errorDesc).length > 0);
  }

  translate(err: CoreBusinessError): GatewayError {
    const row = this.lookup(err.errorCode, err.errorType, err.errorDesc);
    if (row) {
      return new GatewayError({ status: row.status, errorCode: row.errorCode, errorType: row.errorType, errorDesc: row.errorDesc, detail: { catalog: this.name } });
    }
    return new GatewayError({
      status: 500,
      errorCode: err.errorCode,
      errorType: err.errorType,
      errorDesc: err.errorDesc || 'Unidentified core system error',
      detail: { catalog: this.name, unidentified: true },
    });
  }
}

/** Runs a core call and translates its business errors through the catalog. */
export async function withCatalog<T>(catalog: ErrorCatalog, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if ((e as Error).name === 'CoreBusinessError') throw catalog.translate(e as CoreBusinessError);
    throw e;
  }
}
