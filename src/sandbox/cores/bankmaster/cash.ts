import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import { Ledger, LEDGER_ERRORS, type Posting, type PostingEntry } from '../../state/ledger';
import type { SandboxState } from '../../state/sandbox-state';
import { AUTORIZADOR_ERRORS, facilitoDomain, type FacilitoDomain } from '../../fixtures/facilito-domain';

const OPERATION_TYPES = ['RETIRO', 'PAGO_SERVICIOS'];

/** Bankmaster amounts travel without a decimal separator: integer cents as a digit string. */
function cents(v: unknown): number {
  if (typeof v !== 'string' || !/^[0-9]{1,15}$/.test(v) || Number(v) <= 0) throw sim(400, 'NS', 'TRX', 'MONTO PRINCIPAL DE TRANSACCION DEBE SER VALIDO');
  return Number(v);
}

function reference(req: Request): string {
  const r = req.body?.reference;
  if (typeof r !== 'string' || r.trim() === '') throw sim(400, 'N1', 'TRX', 'DEBE INGRESAR REFERENCIA DE LA TRANSACCION');
  return r;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const answer = (p: Posting, duplicate: boolean) => ({ reference: p.reference, authorizationId: p.authorizationId, kind: p.kind, duplicate });

/**
 * Every Facilito posting is identified by its reference (FAC-<IdFacilito>). Checked before any
 * other rule, so a retry of an applied transaction gets its first result even when the OTP is
 * spent or the pending value changed since: a voided reference is refused, the same content is
 * answered again, other content is refused (PM/TRX).
 */
function priorPosting(state: SandboxState, fac: FacilitoDomain, ref: string, fingerprint: string): Posting | undefined {
  if (fac.voided.has(ref)) throw AUTORIZADOR_ERRORS.voided();
  const prior = state.ledger.posting(ref);
  if (prior && prior.fingerprint !== fingerprint) throw LEDGER_ERRORS.duplicate();
  return prior;
}

function activeAccount(state: SandboxState, acctId: string) {
  const a = state.ledger.account(acctId);
  if (a.status === 'cancelled') throw LEDGER_ERRORS.closed();
  if (a.status === 'blocked') throw LEDGER_ERRORS.blocked();
  if (a.status === 'inactive') throw LEDGER_ERRORS.inactive();
  if (a.status === 'debit-blocked') throw LEDGER_ERRORS.debitBlocked();
  return a;
}

/** Bankmaster, cash capability: what Facilito needs (main account, loans, cash in/out, OTP, reversal). */
export const bankmasterCash: CoreModule = (state) => {
  const fac = facilitoDomain(state);
  const { ledger } = state;
  const router = Router();

  router.get('/customers/:holderId/main-account', (req, res) => {
    const accounts = ledger.accountsOf(req.params.holderId);
    if (!accounts.length) throw sim(404, 'SQLCODE', 'ORA', 'NO EXISTE REGISTRO CC0105CLIENTNUM');
    const main = accounts.find((a) => a.status === 'active' && (a.acctType === 'SDA' || a.acctType === 'DDA'));
    if (!main) throw sim(404, 'NC', 'TRX', 'CUENTA NO EXISTE');
    res.json({
      customer: { id: main.holderId, idType: main.holderIdType, name: main.holderName },
      account: { acctId: main.acctId, acctType: main.acctType, status: main.status, description: main.description },
    });
  });

  router.get('/customers/:holderId/loans', (req, res) => {
    const accounts = ledger.accountsOf(req.params.holderId);
    if (!accounts.length) throw sim(404, 'SQLCODE', 'ORA', 'NO EXISTE REGISTRO CC0105CLIENTNUM');
    const loans = accounts
      .filter((a) => a.acctType === 'LOAN' && a.status === 'active' && a.balanceCents > 0 && fac.loans.has(a.acctId))
      .map((a) => {
        const loan = fac.loans.get(a.acctId)!;
        const minimum = Math.min(loan.installmentCents, a.balanceCents);
        return { loanId: loan.loanId, description: loan.description, minimumDue: String(minimum), pending: String(a.balanceCents) };
      });
    res.json({ customer: { id: accounts[0].holderId, name: accounts[0].holderName }, loans });
  });

  router.post('/cash/deposits', (req, res) => {
    const ref = reference(req);
    const entries: PostingEntry[] = [{ acctId: text(req.body.acctId), deltaCents: cents(req.body.amount) }];
    const fingerprint = Ledger.fingerprint({ kind: 'facilito-deposit', entries });
    const prior = priorPosting(state, fac, ref, fingerprint);
    if (prior) return void res.json(answer(prior, true));
    const { posting } = ledger.post({ reference: ref, kind: 'facilito-deposit', entries, fingerprint });
    res.json(answer(posting, false));
  });

  router.post('/loans/payments', (req, res) => {
    const ref = reference(req);
    // Bankmaster loan ids arrive right-padded with spaces to 20 characters
    const loanId = text(req.body.loanId).trimEnd();
    const amount = cents(req.body.amount);
    const entries: PostingEntry[] = [{ acctId: loanId, deltaCents: -amount }];
    const fingerprint = Ledger.fingerprint({ kind: 'facilito-loan-payment', entries });
    const prior = priorPosting(state, fac, ref, fingerprint);
    if (prior) return void res.json(answer(prior, true));
    const loan = fac.loans.get(loanId);
    if (!loan) throw AUTORIZADOR_ERRORS.loanMissing();
    const pending = ledger.account(loanId).balanceCents;
    if (amount > pending || amount < Math.min(loan.installmentCents, pending)) throw AUTORIZADOR_ERRORS.loanAmount();
    const { posting } = ledger.post({ reference: ref, kind: 'facilito-loan-payment', entries, fingerprint });
    res.json(answer(posting, false));
  });

  // The Autorizador: issues an OTP bound to account and amount and "sends" it to the customer.
  router.post('/otp', (req, res) => {
    const acct = activeAccount(state, text(req.body.acctId));
    const ttl = Number.isInteger(req.body.ttlSeconds) && req.body.ttlSeconds > 0 ? req.body.ttlSeconds : 300;
    const attempts = Number.isInteger(req.body.maxAttempts) && req.body.maxAttempts > 0 ? req.body.maxAttempts : 3;
    const otp = fac.issueOtp(acct.acctId, cents(req.body.amount), ttl, attempts);
    res.json({ delivered: true, channel: 'SMS', expiresAt: new Date(otp.expiresAt).toISOString() });
  });

  router.post('/cash/withdrawals', (req, res) => {
    const ref = reference(req);
    const acctId = text(req.body.acctId);
    const amount = cents(req.body.amount);
    const operationType = text(req.body.operationType);
    if (!OPERATION_TYPES.includes(operationType)) throw sim(400, 'NR', 'TRX', 'DEBE IDENTIFICAR UN TIPO DE NEGOCIACION VALIDO');
    const entries: PostingEntry[] = [{ acctId, deltaCents: -amount }];
    // the same withdrawal is the same OTP too; only its hash is kept
    const otpHash = crypto.createHash('sha256').update(text(req.body.otp)).digest('base64url');
    const fingerprint = Ledger.fingerprint({ kind: 'facilito-withdrawal', entries, operationType, otpHash });
    const prior = priorPosting(state, fac, ref, fingerprint);
    if (prior) return void res.json(answer(prior, true));
    ledger.account(acctId);
    const otp = fac.verifyOtp(acctId, amount, text(req.body.otp));
    const { posting } = ledger.post({ reference: ref, kind: 'facilito-withdrawal', entries, fingerprint });
    fac.consume(otp);
    res.json(answer(posting, false));
  });

  /**
   * Undoes the posting a reference names, once. Nothing under that reference (never received, or
   * lost before it was applied): the reference is voided, so a late or retried original is refused.
   */
  router.post('/cash/reversals', (req, res) => {
    const ref = reference(req);
    const amount = cents(req.body.amount);
    const original = ledger.posting(ref);
    if (!original || !original.kind.startsWith('facilito-')) {
      if (!original && !fac.voided.has(ref)) fac.voided.set(ref, new Date(fac.now()).toISOString());
      throw AUTORIZADOR_ERRORS.nothingToReverse();
    }
    const moved = Math.abs(original.entries[0].deltaCents);
    if (moved !== amount) throw LEDGER_ERRORS.amountMismatch();
    const { posting, duplicate } = ledger.reverse(ref, `REV-${ref}`, amount);
    res.json({ reference: ref, authorizationId: posting.authorizationId, reversed: original.kind, duplicate });
  });

  // Sandbox only: the customer's "phone", where QA reads the OTP the Autorizador sent.
  router.get('/sandbox/otp/:acctId', (req, res) => {
    const otp = sandboxOtp(state, req.params.acctId);
    if (!otp) throw sim(404, 'OT04', 'AUT', 'NO EXISTE OTP VIGENTE PARA LA CUENTA');
    res.json(otp);
  });

  return router;
};

/** The last OTP sent for an account, as the sandbox delivers it to QA (also served by /sandbox/otp). */
export function sandboxOtp(state: SandboxState, acctId: string) {
  const fac = facilitoDomain(state);
  const otp = fac.otps.get(acctId);
  if (!otp) return undefined;
  const expired = otp.state === 'live' && fac.now() >= otp.expiresAt;
  return {
    acctId: otp.acctId,
    otp: otp.code,
    amount: `${Math.trunc(otp.amountCents / 100)}.${String(otp.amountCents % 100).padStart(2, '0')}`,
    expiresAt: new Date(otp.expiresAt).toISOString(),
    state: expired ? 'expired' : otp.state,
    attemptsLeft: otp.attemptsLeft,
  };
}
