import { ErrorCatalog } from '../../../src/adapters/error-catalog';
import { CoreBusinessError } from '../../../src/adapters/core-errors';
import { TRANSFERS_ERRORS } from '../../../src/adapters/catalogs/transfers';
import { POCKETS_ERRORS } from '../../../src/adapters/catalogs/pockets';

const core = (code: string, type: string, desc: string, status = 400) => new CoreBusinessError('bankmaster', status, code, type, desc);

describe('ErrorCatalog', () => {
  it('when the core answers W2/TRX, then 400 FONDOS INSUFICIENTES PARA RETIRO', () => {
    expect(TRANSFERS_ERRORS.translate(core('W2', 'TRX', 'whatever the core says')).envelope()).toEqual({
      responseType: { value: 'ER' },
      responseDetail: { errorCode: 'W2', errorDesc: 'FONDOS INSUFICIENTES PARA RETIRO', errorType: 'TRX' },
    });
    expect(TRANSFERS_ERRORS.translate(core('W2', 'TRX', '')).status).toBe(400);
  });

  it('when one code/type pair has several rows, then the description decides the status', () => {
    expect(TRANSFERS_ERRORS.translate(core('SQLCODE', 'ORA', 'NO EXISTE REGISTRO CC0105CLIENTNUM')).status).toBe(404);
    expect(TRANSFERS_ERRORS.translate(core('SQLCODE', 'ORA', 'CC0105CLIENTNUM')).status).toBe(500);
    expect(TRANSFERS_ERRORS.translate(core('SQLCODE', 'VAL', 'REGISTRO NO EXISTE')).status).toBe(404);
  });

  it('when the code is not in the table, then 500 with the core own code and description', () => {
    const e = TRANSFERS_ERRORS.translate(core('ZZ9', 'XYZ', 'ALGO RARO EN EL CORE'));
    expect(e.status).toBe(500);
    expect(e.envelope().responseDetail).toEqual({ errorCode: 'ZZ9', errorDesc: 'ALGO RARO EN EL CORE', errorType: 'XYZ' });
  });

  it('when a table row has code "*", then it matches any code of that type', () => {
    expect(POCKETS_ERRORS.translate(core('ORA-00942', 'SQL', 'table or view does not exist')).status).toBe(500);
  });

  it('when descriptions differ only in accents or punctuation, then they still match', () => {
    const c = new ErrorCatalog('x', [
      { status: 404, errorCode: 'A', errorType: 'T', errorDesc: 'NO EXISTE NÚMERO DE CUENTA' },
      { status: 500, errorCode: 'A', errorType: 'T', errorDesc: 'OTRA COSA' },
    ]);
    expect(c.lookup('A', 'T', 'no existe numero de cuenta')?.status).toBe(404);
  });
});
