import { Router, type Request } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import type { SandboxState } from '../../state/sandbox-state';
import { ensureTransferAccounts } from '../../fixtures/transfers';
import { transfiyaDomain, type TransfiyaDomain } from './transfiya-state';
import { answerRequest, answerTransfer, requestMoney, send } from './transfiya-money';

const ACCOUNT_STATE: Record<string, [string, string, string]> = {
  blocked: ['06905', 'VAL', 'CUENTA CON BLOQUEO BM'],
  cancelled: ['00163', 'VAL', 'CUENTA ES CUENTA CANCELADA'],
  inactive: ['11101', 'VAL', 'CUENTA ES CUENTA INACTIVA'],
};

/** Enrollment validates the account the way Bankmaster's BMVALCT2 does (Transfiya's VAL codes). */
function saveEnrollment(state: SandboxState, d: TransfiyaDomain, b: Record<string, string>) {
  const acct = state.ledger.account(b.account);
  if (ACCOUNT_STATE[acct.status]) throw sim(400, ...ACCOUNT_STATE[acct.status]);
  if (acct.acctType === 'CDT') throw sim(400, '11109', 'VAL', 'CUENTA DE PRESTAMO O CDT');
  if (acct.acctType === 'PSA') throw sim(400, '11105', 'VAL', 'CUENTA DE AHORROS PROGRAMADO');
  if (acct.holderId !== b.idNumber) throw sim(400, '5621', 'RGN', 'NO EXISTE TITULAR PARA LA CTA');
  const existing = d.enrollments.get(b.phone);
  if (b.operation === 'MODIFY') {
    if (!existing || existing.idNumber !== b.idNumber) throw sim(404, '20001', 'RGN', 'MATRICULA INEXISTENTE');
    existing.acctId = acct.acctId;
    return {};
  }
  if (existing) throw sim(400, '00005', 'RGN', 'Numero de Celular YA Matriculado');
  d.enrollments.set(b.phone, { phone: b.phone, idType: b.idType, idNumber: b.idNumber, acctId: acct.acctId });
  return {};
}

function page<T>(items: T[], req: Request, empty: () => Error): T[] {
  const offset = Number(req.query.offset ?? 0);
  const limit = Number(req.query.limit ?? 10);
  const slice = items.slice(offset, offset + limit);
  if (!slice.length) throw empty();
  return slice;
}

function manageTrust(d: TransfiyaDomain, items: Array<{ fromPhone: string; toPhone: string; operation: string }>) {
  return items.map((i) => {
    const fail = (errorCode: string, errorType: string, errorDesc: string) => ({ fromPhone: i.fromPhone, toPhone: i.toPhone, ok: false, errorCode, errorType, errorDesc });
    if (!d.enrollments.has(i.fromPhone)) return fail('20001', 'RGN', 'MATRICULA INEXISTENTE');
    if (i.operation === 'ACTIVATE') {
      const r = d.setRelation(i.fromPhone, i.toPhone, 'A');
      return { fromPhone: i.fromPhone, toPhone: i.toPhone, since: r.since, ok: true };
    }
    const r = d.relation(i.fromPhone, i.toPhone);
    if (!r) return fail('00004', 'RGN', 'No existe Relación de confianza.');
    if (r.locked) return fail('00304', 'RGN', 'Error en la eliminacion de la relacion de confianza.');
    d.trust = d.trust.filter((t) => t !== r);
    return { fromPhone: i.fromPhone, toPhone: i.toPhone, since: r.since, ok: true };
  });
}

/** ACH Transfiya: enrollment directory, money sent and requested by phone, trust relationships. */
export const transfiyaCore: CoreModule = (state) => {
  ensureTransferAccounts(state);
  const d = transfiyaDomain(state);
  const router = Router();
  router.get('/enrollments/:idType/:idNumber', (req, res) => {
    const phone = typeof req.query.phone === 'string' ? req.query.phone : undefined;
    const found = [...d.enrollments.values()].find((e) => e.idType === req.params.idType && e.idNumber === req.params.idNumber && (!phone || e.phone === phone));
    if (!found) throw sim(404, '20001', 'RGN', 'MATRICULA INEXISTENTE');
    res.json({ phone: found.phone, account: found.acctId });
  });
  router.post('/enrollments', (req, res) => void res.json(saveEnrollment(state, d, req.body ?? {})));
  router.get('/phones/:phone/recent', (req, res) => {
    d.enrolled(req.params.phone);
    const phones = [...new Set(d.transfers.filter((t) => t.fromPhone === req.params.phone).sort((a, b) => b.seq - a.seq).map((t) => t.toPhone))];
    res.json({ phones: page(phones, req, () => sim(404, '00003', 'RGN', 'No existen transferencias recientes')) });
  });
  router.get('/phones/:phone/pending-in', (req, res) => {
    d.enrolled(req.params.phone);
    const items = d.transfers
      .filter((t) => t.toPhone === req.params.phone && t.status === 'pending')
      .map((t) => ({ counterpartPhone: t.fromPhone, amountCents: t.amountCents, description: t.description, trnCode: t.trnCode }));
    res.json({ items: page(items, req, () => sim(404, '00001', 'RGN', 'No existen transferencias pendientes por Recibir')) });
  });
  router.get('/phones/:phone/pending-out', (req, res) => {
    d.enrolled(req.params.phone);
    const items = d.requests
      .filter((r) => r.payerPhone === req.params.phone && r.status === 'pending')
      .map((r) => ({ counterpartPhone: r.requesterPhone, amountCents: r.amountCents, description: r.description, trnCode: r.trnCode }));
    res.json({ items: page(items, req, () => sim(404, '00002', 'RGN', 'No existen transferencias pendientes por Enviar')) });
  });
  router.post('/transfers', (req, res) => void res.json(send(state, req.body)));
  router.post('/transfers/:trnCode/answer', (req, res) => void res.json(answerTransfer(state, req.params.trnCode, req.body)));
  router.post('/requests', (req, res) => void res.json(requestMoney(state, req.body)));
  router.post('/requests/:trnCode/answer', (req, res) => void res.json(answerRequest(state, req.params.trnCode, req.body)));
  router.get('/phones/:phone/trust', (req, res) => {
    d.enrolled(req.params.phone);
    const items = d.trust.filter((t) => t.fromPhone === req.params.phone).map((t) => ({ id: t.id, fromPhone: t.fromPhone, toPhone: t.toPhone, status: t.status, since: t.since }));
    if (!items.length) throw sim(404, '00004', 'RGN', 'No existe Relación de confianza.');
    res.json({ items });
  });
  router.post('/trust', (req, res) => void res.json({ items: manageTrust(d, req.body?.items ?? []) }));
  return router;
};
