import fs from 'node:fs';
import { projectPath } from '../../src/paths';
import { GatewayError } from '../../src/errors/gateway-error';
import { GATEWAY_ERRORS } from '../../src/errors/catalog';
import { RESULTADO, resultadoFor, facilitoErrorDecorator } from '../../apis/facilito/results';
import { CASH_ERRORS, FACILITO_CASH_ROWS } from '../../src/adapters/bankmaster/cash-errors';
import { AUTORIZADOR_ERRORS } from '../../src/sandbox/fixtures/facilito-domain';
import { LEDGER_ERRORS } from '../../src/sandbox/state/ledger';
import { CoreBusinessError } from '../../src/adapters/core-errors';

/** The Resultado table the Facilito RAML publishes (raml/facilito/docs/resultado.md): Resultado -> its HTTP column. */
function publishedTable(): Map<number, string> {
  const doc = fs.readFileSync(projectPath('raml', 'facilito', 'docs', 'resultado.md'), 'utf8');
  const rows = [...doc.matchAll(/^\s*\| (\d+) \| ([^|]+) \|/gm)];
  return new Map(rows.map((m) => [Number(m[1]), m[2].trim()]));
}

const coreError = (status: number, code: string, type: string, desc: string) =>
  CASH_ERRORS.translate(new CoreBusinessError('bankmaster', status, code, type, desc));

describe('Facilito Resultado catalog', () => {
  it('when the RAML table is read, then it publishes exactly the Resultado values the gateway answers', () => {
    expect([...publishedTable().keys()].sort((a, b) => a - b)).toEqual([...new Set(Object.values(RESULTADO))].sort((a, b) => a - b));
  });

  it('when Bankmaster answers any code of the Facilito table, then each gets its own Resultado and the HTTP status the RAML publishes', () => {
    const table = publishedTable();
    const seen = new Set<number>();
    for (const row of FACILITO_CASH_ROWS) {
      const err = coreError(row.status, row.errorCode, row.errorType, row.errorDesc);
      const r = resultadoFor(err);
      expect(r).toBeGreaterThan(1);
      expect(seen.has(r)).toBe(false);
      seen.add(r);
      expect(table.get(r)).toContain(String(err.status));
    }
  });

  it('when the simulated core raises its Facilito errors, then the adapter table has the same code, type, status and text', () => {
    for (const make of Object.values(AUTORIZADOR_ERRORS)) {
      const e = make();
      expect(FACILITO_CASH_ROWS).toContainEqual({ status: e.httpStatus, errorCode: e.errorCode, errorType: e.errorType, errorDesc: e.errorDesc });
    }
  });

  it.each([
    ['customer not found', LEDGER_ERRORS.noAccount(), RESULTADO.ACCOUNT_NOT_FOUND],
    ['insufficient funds', LEDGER_ERRORS.funds(), RESULTADO.INSUFFICIENT_FUNDS],
    ['account blocked', LEDGER_ERRORS.blocked(), RESULTADO.ACCOUNT_NOT_OPERATIVE],
    ['account closed', LEDGER_ERRORS.closed(), RESULTADO.ACCOUNT_NOT_OPERATIVE],
    ['blocked for debits', LEDGER_ERRORS.debitBlocked(), RESULTADO.ACCOUNT_NOT_OPERATIVE],
    ['reversal amount', LEDGER_ERRORS.amountMismatch(), RESULTADO.REVERSAL_AMOUNT_MISMATCH],
  ])('when the ledger answers %s, then the Resultado is the published one', (_what, sim, expected) => {
    expect(resultadoFor(coreError(sim.httpStatus, sim.errorCode, sim.errorType, sim.errorDesc))).toBe(expected);
  });

  it('when Bankmaster says the customer does not exist (404 row), then Resultado 2; its 500 row of the same code is Resultado 98', () => {
    expect(resultadoFor(coreError(404, 'SQLCODE', 'ORA', 'NO EXISTE REGISTRO CC0105CLIENTNUM'))).toBe(RESULTADO.CUSTOMER_NOT_FOUND);
    expect(resultadoFor(coreError(500, 'SQLCODE', 'ORA', 'CA0201ACCOUNT'))).toBe(RESULTADO.CORE_UNIDENTIFIED);
    expect(resultadoFor(coreError(500, 'X77', 'ZZZ', 'ALGO RARO'))).toBe(RESULTADO.CORE_UNIDENTIFIED);
  });

  it.each([
    ['BAD_REQUEST', RESULTADO.INVALID_REQUEST],
    ['NOT_FOUND', RESULTADO.INVALID_REQUEST],
    ['UNSUPPORTED_MEDIA_TYPE', RESULTADO.INVALID_REQUEST],
    ['INVALID_TOKEN', RESULTADO.UNAUTHORIZED],
    ['CLIENT_NOT_CONTRACTED', RESULTADO.UNAUTHORIZED],
    ['IDEMPOTENCY_KEY_REUSED', RESULTADO.ID_FACILITO_REUSED],
    ['TRANSACTION_NOT_FOUND', RESULTADO.TRANSACTION_NOT_FOUND],
    ['TRANSACTION_VOIDED', RESULTADO.TRANSACTION_VOIDED],
    ['AUTH_THROTTLED', RESULTADO.RATE_LIMITED],
    ['IDEMPOTENCY_IN_PROGRESS', RESULTADO.IN_PROGRESS],
    ['RATE_LIMITED', RESULTADO.RATE_LIMITED],
    ['BACKEND_OUTCOME_UNKNOWN', RESULTADO.OUTCOME_UNKNOWN],
    ['BACKEND_TIMEOUT', RESULTADO.CORE_FAILURE],
    ['BACKEND_BAD_RESPONSE', RESULTADO.CORE_FAILURE],
    ['BACKEND_UNAVAILABLE', RESULTADO.CORE_UNAVAILABLE],
    ['INTERNAL', RESULTADO.INTERNAL],
  ] as const)('when the gateway answers %s, then Resultado %i with the HTTP status the RAML publishes', (key, expected) => {
    const err = GatewayError.of(key);
    expect(resultadoFor(err)).toBe(expected);
    expect(publishedTable().get(expected)).toContain(String(GATEWAY_ERRORS[key].status));
  });

  it('when an error is decorated, then Mensaje is the envelope errorDesc', () => {
    const err = GatewayError.of('BAD_REQUEST', 'Field Valor is required');
    expect(facilitoErrorDecorator(err)).toEqual({ Resultado: 1, Mensaje: 'Field Valor is required' });
  });
});
