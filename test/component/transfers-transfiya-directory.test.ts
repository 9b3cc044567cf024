import { startGateway, type TestGateway } from '../helpers/gateway';
import { call, errorOf, example, variant } from './transfers-support';

/** T3 / T4 enrollment, T5 recent transfers, T12 / T13 trust relationships. */
const enrollment = (phone: string, acctId: string, idNumber: string, op?: 'Create' | 'Modify') =>
  variant(example('enrollment-request.json'), (b) => {
    b.govIssueIdent = { identSerialNum: idNumber, govIssueIdentType: 'CC', cellPhone: phone };
    b.xFerInfo.depAcctIdFrom.acctId = acctId;
    if (op) b.transfiyaOperationType = op;
    else delete b.transfiyaOperationType;
  });
const trust = (items: Array<[from: string, to: string, op: string]>) =>
  variant(example('manage-trust-request.json'), (b) => {
    b.xFerInfo = items.map(([from, to, op]) => ({ depAcctIdFrom: { cellPhone: from }, depAcctIdTo: { cellPhone: to }, transfiyaOperationType: op }));
  });

describe('Transfiya directory: enrollment, recent transfers, trust relationships', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());
  const save = (body: unknown) => call(t, 'post', '/v1/transfiya/enrollment', body);
  const consult = (id: string, q = '?govIssueIdentType=CC') => call(t, 'get', `/v1/transfiya/enrollment/${id}${q}`);

  describe('T3 / T4 enrollment', () => {
    it('when a phone is enrolled without transfiyaOperationType (Create by default), then T3 finds it', async () => {
      const res = await save(enrollment('3115550001', '22875459847', '1020304050'));
      expect(res.status).toBe(201);
      const found = await consult('1020304050', '?govIssueIdentType=CC&cellPhone=3115550001');
      expect(found.body).toEqual({ responseType: { value: 'OK' }, personInfo: { cellPhone: '3115550001' }, depAcctId: { acctId: '22875459847' } });
    });

    it('when an enrollment is modified, then T3 answers the new account', async () => {
      await save(enrollment('3115550002', '22875459847', '1020304050'));
      const res = await save(enrollment('3115550002', '22875459846', '1020304050', 'Modify'));
      expect(res.status).toBe(201);
      expect((await consult('1020304050', '?govIssueIdentType=CC&cellPhone=3115550002')).body.depAcctId.acctId).toBe('22875459846');
    });

    it.each([
      ['the phone is already enrolled', enrollment('5567787448', '24517151999', '51434566546', 'Create'), 400, '00005', 'RGN', 'Numero de Celular YA Matriculado'],
      ['a Modify names no enrollment', enrollment('3115559999', '22875459846', '1020304050', 'Modify'), 404, '20001', 'RGN', 'MATRICULA INEXISTENTE'],
      ['the account is blocked', enrollment('3115550003', '30010000001', '30010000'), 400, '06905', 'VAL', 'CUENTA CON BLOQUEO BM'],
      ['the account is cancelled', enrollment('3115550003', '30010000002', '30010000'), 400, '00163', 'VAL', 'CUENTA ES CUENTA CANCELADA'],
      ['the account is inactive', enrollment('3115550003', '30010000003', '30010000'), 400, '11101', 'VAL', 'CUENTA ES CUENTA INACTIVA'],
      ['the account is a CDT', enrollment('3115550003', '30010000007', '30010000'), 400, '11109', 'VAL', 'CUENTA DE PRESTAMO O CDT'],
      ['the account is programmed savings', enrollment('3115550003', '30010000008', '30010000'), 400, '11105', 'VAL', 'CUENTA DE AHORROS PROGRAMADO'],
      ['the account is another customer\'s', enrollment('3115550003', '22875459846', '30010000'), 400, '5621', 'RGN', 'NO EXISTE TITULAR PARA LA CTA'],
      ['the account does not exist', enrollment('3115550003', '30019999999', '30010000'), 404, 'NC', 'TRX', 'CUENTA NO EXISTE'],
    ])('when %s, then the documented error', async (_why, body, status, errorCode, errorType, errorDesc) => {
      const res = await save(body);
      expect(res.status).toBe(status);
      expect(errorOf(res)).toEqual({ errorCode, errorType, errorDesc });
    });

    it('when a customer without enrollment is consulted, then 404 20001/RGN', async () => {
      const res = await consult('99999999');
      expect(res.status).toBe(404);
      expect(errorOf(res)).toEqual({ errorCode: '20001', errorType: 'RGN', errorDesc: 'MATRICULA INEXISTENTE' });
    });
  });

  describe('T5 recent transfers', () => {
    it('when recordsXPage is 2, then the two most recent counterparts', async () => {
      const res = await call(t, 'get', '/v1/transfiya/transfers/5745678877/recent?recordsXPage=2');
      expect(res.body.xFerInfo).toEqual([{ depAcctIdTo: { cellPhone: '3204633555' } }, { depAcctIdTo: { cellPhone: '3208824555' } }]);
      const capped = await call(t, 'get', '/v1/transfiya/transfers/5745678877/recent?totalRecords=1');
      expect(capped.body.xFerInfo).toHaveLength(1);
    });

    it('when the phone sent nothing, then 404 00003/RGN; when it is not enrolled, 404 20001/RGN', async () => {
      const none = await call(t, 'get', '/v1/transfiya/transfers/3000000009/recent');
      expect(errorOf(none)).toEqual({ errorCode: '00003', errorType: 'RGN', errorDesc: 'No existen transferencias recientes' });
      const unknown = await call(t, 'get', '/v1/transfiya/transfers/3999999999/recent');
      expect(unknown.status).toBe(404);
      expect(errorOf(unknown).errorCode).toBe('20001');
    });
  });

  describe('T12 / T13 trust relationships', () => {
    it('when relationships are listed, then each comes with its id, phones, state and date', async () => {
      const res = await call(t, 'get', '/v1/transfiya/account-relationships/5745678877');
      expect(res.status).toBe(200);
      expect(res.body.xFerInfo).toContainEqual({
        transaction: { trnRqUid: expect.stringMatching(/^[0-9a-f-]{36}$/) },
        depAcctIdFrom: { cellPhone: '5745678877' },
        depAcctIdTo: { cellPhone: '5735609897' },
        transfiyaOperationType: 'B',
        startDt: '2022-05-05',
      });
    });

    it('when a batch mixes good and bad items, then each item is answered with its own responseType', async () => {
      const res = await call(
        t,
        'post',
        '/v1/transfiya/account-relationships',
        trust([
          ['3000000009', '3201234567', 'Activate'],
          ['3999999999', '3201234567', 'Activate'],
          ['3000000009', '3209999999', 'Eliminate'],
          ['5745678877', '5735609898', 'Eliminate'],
        ]),
      );
      expect(res.status).toBe(201);
      const items = res.body.xFerInfo;
      expect(items).toHaveLength(4);
      expect(items[0]).toEqual({
        depAcctIdFrom: { cellPhone: '3000000009' },
        depAcctIdTo: { cellPhone: '3201234567' },
        startDt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        responseType: { value: 'OK' },
        responseDetail: { errorCode: '', errorDesc: '', errorType: '' },
      });
      expect(items.slice(1).map((i: any) => [i.responseType.value, i.responseDetail])).toEqual([
        ['ER', { errorCode: '20001', errorType: 'RGN', errorDesc: 'MATRICULA INEXISTENTE' }],
        ['ER', { errorCode: '00004', errorType: 'RGN', errorDesc: 'No existe Relación de confianza.' }],
        ['ER', { errorCode: '00304', errorType: 'RGN', errorDesc: 'Error en la eliminacion de la relacion de confianza.' }],
      ]);
      const listed = await call(t, 'get', '/v1/transfiya/account-relationships/3000000009');
      expect(listed.body.xFerInfo).toEqual([expect.objectContaining({ depAcctIdTo: { cellPhone: '3201234567' }, transfiyaOperationType: 'A' })]);
    });

    it('when the only relationship is eliminated, then T12 answers 404 00004/RGN', async () => {
      await call(t, 'post', '/v1/transfiya/account-relationships', trust([['3101112233', '3207654321', 'Activate']]));
      const res = await call(t, 'post', '/v1/transfiya/account-relationships', trust([['3101112233', '3207654321', 'Eliminate']]));
      expect(res.body.xFerInfo[0].responseType).toEqual({ value: 'OK' });
      const listed = await call(t, 'get', '/v1/transfiya/account-relationships/3101112233');
      expect(listed.status).toBe(404);
      expect(errorOf(listed)).toEqual({ errorCode: '00004', errorType: 'RGN', errorDesc: 'No existe Relación de confianza.' });
    });

    it('when 50 items come, then all are answered; 51 are refused by the contract', async () => {
      const fifty = Array.from({ length: 50 }, (_, i) => ['3104445566', `3202000${String(i).padStart(3, '0')}`, 'Activate'] as [string, string, string]);
      const res = await call(t, 'post', '/v1/transfiya/account-relationships', trust(fifty));
      expect(res.status).toBe(201);
      expect(res.body.xFerInfo.every((i: any) => i.responseType.value === 'OK')).toBe(true);
      expect(res.body.xFerInfo).toHaveLength(50);
    });

    it('when the phone is not enrolled, then T12 answers 404 20001/RGN', async () => {
      const res = await call(t, 'get', '/v1/transfiya/account-relationships/3999999999');
      expect(res.status).toBe(404);
      expect(errorOf(res).errorCode).toBe('20001');
    });
  });
});
