import crypto from 'node:crypto';
import { Router } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import type { SandboxState } from '../../state/sandbox-state';
import { ensureTransferAccounts } from '../../fixtures/transfers';
import { ADVANCE_MAX_CENTS, ADVANCE_MIN_CENTS, SANDBOX_CARDS, type SandboxCard } from '../../fixtures/transfers-cards';

const cards = (state: SandboxState) =>
  state.domain('opencard-cards', () => new Map<string, SandboxCard>(SANDBOX_CARDS.map((c) => [c.token.toLowerCase(), { ...c }])));

/**
 * OpenCard cash advances (CCR): the card's availability drops and the destination account is
 * credited by a Bankmaster deal under the channel's refId (a repeat answers the first approval).
 */
function advance(state: SandboxState, b: Record<string, any>) {
  const card = cards(state).get(String(b.cardToken ?? '').toLowerCase());
  if (!card) throw sim(404, '00014', 'OPC', 'Tarjeta de Crédito o Crédito Rotativo No Existe');
  if (!Number.isInteger(b.installments) || b.installments < 1) throw sim(400, '00001', 'INP', 'Plazo Avance es obligatorio');
  if (card.productType !== b.productType) throw sim(400, '00007', 'INP', 'Error en campos de entrada');
  if (card.holderId !== b.idNumber) throw sim(400, '00097', 'OPC', 'La identificación no corresponde a la del producto');
  if (card.status === 'blocked') throw sim(400, '00062', 'OPC', 'Tarjeta de Crédito o Crédito Rotativo se encuentra bloqueado');
  if (card.status === 'expired') throw sim(400, '00054', 'OPC', 'Tarjeta de Crédito o Crédito Rotativo se encuentra vencido');
  const amount = Number(b.amountCents);
  const existing = state.ledger.posting(String(b.reference));
  if (!existing) {
    if (amount < ADVANCE_MIN_CENTS) throw sim(500, '00013', 'OPC', 'El Monto es Inferior al mínimo permitido');
    if (amount > ADVANCE_MAX_CENTS) throw sim(400, '00061', 'OPC', 'El valor solicitado No es Permitido');
    if (card.productType === 'RLA' && card.usesLeft <= 0) throw sim(400, '00065', 'OPC', 'Límite de Usos Excedido (Crédito Rotativo)');
    if (amount > card.availableCents) throw sim(400, '00051', 'OPC', 'Fondos Insuficientes');
    if (!state.ledger.accounts.has(String(b.destinationAccount))) throw sim(400, '00052', 'OPC', 'El número de Cuenta No Existe');
  }
  // the deal's own codes (PM/TRX repeated reference, account state) are Bankmaster's
  const result = state.ledger.post({
    reference: String(b.reference),
    kind: 'card-advance',
    entries: [{ acctId: String(b.destinationAccount), deltaCents: amount }],
    fingerprint: JSON.stringify([b.cardToken, b.destinationAccount, amount, b.installments]),
    result: { approvalId: crypto.randomBytes(3).toString('hex').toUpperCase() },
  });
  if (!result.duplicate) {
    card.availableCents -= amount;
    card.usesLeft -= 1;
  }
  return { reference: result.posting.reference, approvalId: result.posting.result.approvalId, duplicate: result.duplicate };
}

/** OpenCard, advances capability. */
export const opencardAdvances: CoreModule = (state) => {
  ensureTransferAccounts(state);
  cards(state);
  const router = Router();
  router.post('/advances', (req, res) => void res.json(advance(state, req.body ?? {})));
  return router;
};
