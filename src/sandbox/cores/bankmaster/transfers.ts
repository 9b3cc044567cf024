import crypto from 'node:crypto';
import { Router } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import type { SandboxState } from '../../state/sandbox-state';
import type { PostingEntry } from '../../state/ledger';
import { FEE_SCHEDULE_CENTS, GL, MAX_TRANSFER_CENTS, WITHOUT_POCKET, ensureTransferAccounts } from '../../fixtures/transfers';

const cents = (v: unknown) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) throw sim(400, 'NS', 'TRX', 'MONTO PRINCIPAL DE TRANSACCION DEBE SER VALIDO');
  return n;
};
const text = (c: number) => String(c);
const EXPECTED_CODE: Record<string, string> = { OWN: '88018', THIRD: '88018', PSE: '88013' };
const CONCEPT = /^[A-Za-z0-9ÁÉÍÓÚÑáéíóúñ .,-]*$/;
const depositApproval = () => `Z${crypto.randomBytes(10).toString('hex').toUpperCase().slice(0, 19)}`;

/** Bankmaster deals: own, third-party and interbank transfers (BM00134037), with the 002 transfers table's codes. */
function transfer(state: SandboxState, b: Record<string, string | undefined>) {
  const { ledger } = state;
  if (!b.reference) throw sim(400, 'N1', 'TRX', 'DEBE INGRESAR REFERENCIA DE LA TRANSACCION');
  const amount = cents(b.amount);
  if (b.processingCode && b.processingCode !== EXPECTED_CODE[b.transferType ?? '']) throw sim(400, '10004', 'TPS', 'ERROR CON EL CODIGO DE PROCESO');
  if (b.concept && !CONCEPT.test(b.concept)) throw sim(400, '11112', 'EXP', 'Campo Concepto deber ser alfanumérico');
  if (amount > MAX_TRANSFER_CENTS) throw sim(400, '28108', 'AUT', 'TRANSACCION DE UTILIZACION - EXCEDE EL MONTO MAXIMO');
  const from = ledger.account(b.debitAccount ?? '');
  // the commission is the core's; a channel that sends another value is refused
  const scheduleFee = FEE_SCHEDULE_CENTS[b.processingCode ?? EXPECTED_CODE[b.transferType ?? '']] ?? 0;
  if (b.feeAmount !== undefined && Number(b.feeAmount) !== scheduleFee) throw sim(400, 'PH', 'TRX', 'MONTO NO COINCIDE');
  let creditAccount: string;
  if (b.transferType === 'PSE') {
    if (b.bankCode === '0032') throw sim(400, '10004', 'TPS', 'ERROR CON EL CODIGO DE PROCESO');
    creditAccount = GL.pseClearing;
  } else {
    const to = ledger.account(b.creditAccount ?? '');
    if (to.acctId === from.acctId) throw sim(400, '11110', 'VAL', 'CUENTA ORIGEN IGUAL A CUENTA DESTINO');
    if (to.acctType === 'CDT') throw sim(400, '11109', 'VAL', 'CUENTA DE PRESTAMO O CDT:');
    if (b.transferType === 'OWN' && (from.holderId !== b.holderId || to.holderId !== b.holderId)) {
      throw sim(400, '5621', 'RGN', 'NO EXISTE TITULAR PARA LA CTA');
    }
    creditAccount = to.acctId;
  }
  const entries: PostingEntry[] = [
    { acctId: from.acctId, deltaCents: -(amount + scheduleFee) },
    { acctId: creditAccount, deltaCents: amount },
  ];
  if (scheduleFee > 0) entries.push({ acctId: GL.feeIncome, deltaCents: scheduleFee });
  const { posting, duplicate } = ledger.post({ reference: b.reference, kind: `transfer:${b.transferType}`, entries });
  return { reference: posting.reference, authorizationId: posting.authorizationId, duplicate };
}

function feeQuote(state: SandboxState, b: Record<string, string | undefined>) {
  const acct = state.ledger.accounts.get(b.debitAccount ?? '');
  if (!acct) throw sim(404, '05620', 'RGN', 'NO EXISTE NÚMERO DE CUENTA');
  if (!acct.holderName) throw sim(404, '05621', 'RGN', 'NO EXISTE TITULAR PARA LA CTA');
  const fee = FEE_SCHEDULE_CENTS[b.processingCode ?? ''];
  if (fee === undefined) throw sim(400, '14252', 'TPS', 'VERIFIQUE STATUS COMMMGR');
  return { holderName: acct.holderName, processingCode: b.processingCode, feeAmount: text(fee) };
}

function pocketTransfer(state: SandboxState, b: Record<string, string | undefined>) {
  const acct = state.ledger.account(b.account ?? '');
  if (WITHOUT_POCKET.has(acct.acctId) || acct.acctType !== 'SDA') throw sim(500, '30024', 'PRA', 'LA CUENTA NO TIENE BOLSILLO ACTIVO');
  if (b.direction !== 'D' && b.direction !== 'C') throw sim(400, '00001', 'INP', 'La longitud del mensaje de entrada no es correcta');
  const amount = cents(b.amount);
  // deltaCents < 0 moves money from the account into its pocket
  const entry = { acctId: acct.acctId, deltaCents: b.direction === 'D' ? -amount : amount, pocket: true };
  const { posting } = state.ledger.post({ reference: `pocket:${b.reference}`, kind: 'pocket', entries: [entry] });
  return { availableBalance: text(acct.balanceCents), pocketBalance: text(acct.pocketBalanceCents), authorizationId: posting.authorizationId };
}

/** Correspondent cash deposit: credits the customer; the correspondent settles apart (end-of-day compensation). */
function deposit(state: SandboxState, b: Record<string, string | undefined>) {
  const { ledger } = state;
  const reference = `deposit:${b.servicePoint}:${b.auditNumber}`;
  const amount = cents(b.amount);
  const correspondent = ledger.account(b.correspondentAccount ?? '');
  if (correspondent.status !== 'active') throw sim(400, 'NF', 'TRX', 'CUENTA BLOQUEADA');
  const acct = ledger.account(b.account ?? '');
  if (b.type === 'R') {
    const original = ledger.posting(reference);
    if (!original || original.entries[0].acctId !== acct.acctId) throw sim(400, 'N4', 'TRX', 'REF.TRAN.PARA REVER.DEBE IDEN.NEGOC.VAL.NO REV.');
    const { posting, duplicate } = ledger.reverse(reference, `reversal:${reference}`, amount);
    posting.result.approvalId ??= depositApproval();
    return { holderName: acct.holderName, account: acct.acctId, authorizationId: posting.result.approvalId, duplicate };
  }
  const { posting, duplicate } = ledger.post({
    reference,
    kind: 'deposit',
    entries: [{ acctId: acct.acctId, deltaCents: amount }],
    result: { approvalId: depositApproval() },
  });
  return { holderName: acct.holderName, account: acct.acctId, authorizationId: posting.result.approvalId, duplicate };
}

/** Bankmaster, transfers capability: deals, commissions, pockets and correspondent deposits. */
export const bankmasterTransfers: CoreModule = (state) => {
  ensureTransferAccounts(state);
  const router = Router();
  router.post('/transfers', (req, res) => void res.json(transfer(state, req.body ?? {})));
  router.post('/fees/quote', (req, res) => void res.json(feeQuote(state, req.body ?? {})));
  router.post('/pockets/transfers', (req, res) => void res.json(pocketTransfer(state, req.body ?? {})));
  router.post('/deposits', (req, res) => void res.json(deposit(state, req.body ?? {})));
  return router;
};
