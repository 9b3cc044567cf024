import type { SandboxState } from '../../state/sandbox-state';
import type { PostingEntry } from '../../state/ledger';
import { SimCoreError, sim } from '../../sim-error';
import { GL } from '../../fixtures/transfers';
import { TRANSFIYA_MAX_CENTS } from '../../fixtures/transfers-transfiya';
import { transfiyaDomain, type Status } from './transfiya-state';
import type { DECISIONS } from '../../../adapters/transfiya/transfiya-wire';

/** The core's words for an answer: the wire table the adapter writes them from. */
type Decision = (typeof DECISIONS)[keyof typeof DECISIONS];

/** The ledger's codes as ACH Transfiya answers them (its table in 002). */
const LEDGER_TO_TRANSFIYA: Record<string, [string, string, string]> = {
  W2: ['11201', 'RGN', 'CUENTA NO POSEE FONDOS PARA ESTA OPERACIÓN.'],
  NF: ['06905', 'VAL', 'CUENTA CON BLOQUEO BM'],
  ND: ['00163', 'VAL', 'CUENTA ES CUENTA CANCELADA'],
  W6: ['11102', 'VAL', 'CUENTA CON BLOQUEO FS'],
  W7: ['11102', 'VAL', 'CUENTA CON BLOQUEO FS'],
};

export function post(state: SandboxState, reference: string, kind: string, entries: PostingEntry[]) {
  try {
    return state.ledger.post({ reference, kind, entries: entries.filter((e) => e.deltaCents !== 0) });
  } catch (e) {
    const m = e instanceof SimCoreError ? LEDGER_TO_TRANSFIYA[e.errorCode] : undefined;
    if (m) throw sim(400, ...m);
    throw e;
  }
}

const DECISION_STATUS: Record<Decision, Status> = { ACCEPT: 'accepted', REJECT: 'rejected', BLOCK: 'blocked' };

export interface AnswerBody {
  decision: Decision;
  phone: string;
  account: string;
  counterpartPhone: string;
  amountCents: number;
  feeCents: number;
  trust?: boolean;
}

function checkLimit(amountCents: number) {
  if (amountCents > TRANSFIYA_MAX_CENTS) throw sim(400, '00123', 'RES', 'Se excede monto permitido para esta transacción');
}

/** T6: debits the sender now; the money waits in the Transfiya clearing account until answered. */
export function send(state: SandboxState, b: { reference: string; fromPhone: string; fromAccount: string; toPhone: string; amountCents: number; feeCents: number; description: string }) {
  const d = transfiyaDomain(state);
  const sender = d.enrolled(b.fromPhone);
  if (sender.acctId !== b.fromAccount) throw sim(404, '20001', 'RGN', 'MATRICULA INEXISTENTE');
  const seen = d.transfers.find((t) => t.reference === b.reference);
  checkLimit(b.amountCents);
  const { duplicate } = post(state, `tfy-send:${b.reference}`, 'transfiya-send', [
    { acctId: sender.acctId, deltaCents: -(b.amountCents + b.feeCents) },
    { acctId: GL.transfiyaClearing, deltaCents: b.amountCents },
    { acctId: GL.feeIncome, deltaCents: b.feeCents },
  ]);
  if (duplicate && seen) return { trnCode: seen.trnCode };
  const t = { trnCode: d.newCode(), reference: b.reference, fromPhone: b.fromPhone, toPhone: b.toPhone, amountCents: b.amountCents, feeCents: b.feeCents, description: b.description, status: 'pending' as Status, seq: d.next() };
  d.transfers.push(t);
  // a receiver that trusts this sender gets the money without answering
  const receiver = d.enrollments.get(b.toPhone);
  if (receiver && d.relation(b.toPhone, b.fromPhone)?.status === 'A') {
    post(state, `tfy-answer:${t.trnCode}`, 'transfiya-accept', [
      { acctId: GL.transfiyaClearing, deltaCents: -t.amountCents },
      { acctId: receiver.acctId, deltaCents: t.amountCents },
    ]);
    t.status = 'accepted';
  }
  return { trnCode: t.trnCode };
}

/** T8: the receiver's answer. Accept credits it; Reject and Block return the money to the sender. */
export function answerTransfer(state: SandboxState, trnCode: string, b: AnswerBody) {
  const d = transfiyaDomain(state);
  const receiver = d.enrolled(b.phone);
  if (receiver.acctId !== b.account) throw sim(404, '20001', 'RGN', 'MATRICULA INEXISTENTE');
  const t = d.transfers.find((x) => x.trnCode === trnCode && x.toPhone === b.phone && x.fromPhone === b.counterpartPhone && x.amountCents === b.amountCents);
  if (!t) throw sim(404, '20002', 'RGN', 'TRANSACCION INEXISTENTE');
  const wanted = DECISION_STATUS[b.decision];
  if (t.status !== 'pending') {
    if (t.status === wanted) return {};
    throw sim(400, '01101', 'RGN', 'TRANSACCION DE RECHAZO YA PROCESADA');
  }
  const sender = d.enrollments.get(t.fromPhone);
  if (b.decision === 'ACCEPT') {
    if (sender?.idNumber === receiver.idNumber) throw sim(400, '01102', 'RGN', 'TRANSFERENCIA NO PUEDE SER ACEPTADA POR EL MISMO CLIENTE.');
    post(state, `tfy-answer:${trnCode}`, 'transfiya-accept', [
      { acctId: GL.transfiyaClearing, deltaCents: -t.amountCents },
      { acctId: receiver.acctId, deltaCents: t.amountCents - b.feeCents },
      { acctId: GL.feeIncome, deltaCents: b.feeCents },
    ]);
    if (b.trust) d.setRelation(b.phone, t.fromPhone, 'A');
  } else {
    post(state, `tfy-answer:${trnCode}`, 'transfiya-return', [
      { acctId: GL.transfiyaClearing, deltaCents: -t.amountCents },
      { acctId: sender?.acctId ?? GL.transfiyaClearing, deltaCents: t.amountCents },
    ]);
    if (b.decision === 'BLOCK') d.setRelation(b.phone, t.fromPhone, 'B');
  }
  t.status = wanted;
  return {};
}

/** T9: a request waits for the payer; nothing moves until it pays (T11). */
export function requestMoney(state: SandboxState, b: { reference: string; fromPhone: string; toPhone: string; amountCents: number; description: string }) {
  const d = transfiyaDomain(state);
  d.enrolled(b.fromPhone);
  checkLimit(b.amountCents);
  const seen = d.requests.find((r) => r.reference === b.reference);
  if (seen) return { trnCode: seen.trnCode };
  const r = { trnCode: d.newCode(), reference: b.reference, requesterPhone: b.fromPhone, payerPhone: b.toPhone, amountCents: b.amountCents, description: b.description, status: 'pending' as Status, seq: d.next() };
  d.requests.push(r);
  return { trnCode: r.trnCode };
}

/** T11: the payer's answer. Accept debits it (amount + fee) and credits the requester's account. */
export function answerRequest(state: SandboxState, trnCode: string, b: AnswerBody) {
  const d = transfiyaDomain(state);
  const payer = d.enrolled(b.phone);
  if (payer.acctId !== b.account) throw sim(404, '20001', 'RGN', 'MATRICULA INEXISTENTE');
  const r = d.requests.find((x) => x.trnCode === trnCode && x.payerPhone === b.phone && x.requesterPhone === b.counterpartPhone && x.amountCents === b.amountCents);
  if (!r) throw sim(404, '20002', 'RGN', 'TRANSACCION INEXISTENTE');
  const wanted = DECISION_STATUS[b.decision];
  if (r.status !== 'pending') {
    if (r.status === wanted) return { trnCode };
    throw sim(400, '01101', 'RGN', 'TRANSACCION DE RECHAZO YA PROCESADA');
  }
  const requester = d.enrolled(r.requesterPhone);
  if (b.decision === 'ACCEPT') {
    if (requester.idNumber === payer.idNumber) throw sim(400, '01102', 'RGN', 'TRANSFERENCIA NO PUEDE SER ACEPTADA POR EL MISMO CLIENTE.');
    post(state, `tfy-pay:${trnCode}`, 'transfiya-pay-request', [
      { acctId: payer.acctId, deltaCents: -(r.amountCents + b.feeCents) },
      { acctId: requester.acctId, deltaCents: r.amountCents },
      { acctId: GL.feeIncome, deltaCents: b.feeCents },
    ]);
  } else if (b.decision === 'BLOCK') d.setRelation(b.phone, r.requesterPhone, 'B');
  r.status = wanted;
  return { trnCode };
}
