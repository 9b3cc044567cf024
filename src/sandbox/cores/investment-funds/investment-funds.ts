import { Router } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import type { SandboxState } from '../../state/sandbox-state';
import { ensureTransferAccounts } from '../../fixtures/transfers';
import { FUND_OFFICES, FUND_PLANS, type FundPlan } from '../../fixtures/transfers-funds';

const plans = (state: SandboxState) => state.domain('investment-fund-plans', () => new Map<string, FundPlan>(FUND_PLANS.map((p) => [p.planId, { ...p }])));

interface Side {
  product: string;
  type: string;
}

/**
 * Investment funds (TFI): a redemption (plan -> account), a contribution (account -> plan) or a
 * switch (plan -> plan). The plans' money is their ledger accounts'; the posting is atomic.
 */
function fundTransfer(state: SandboxState, b: { reference?: string; origin?: Side; destination?: Side; amountCents?: number; office?: string }) {
  const { ledger } = state;
  const registry = plans(state);
  if (b.office && !FUND_OFFICES.has(b.office)) throw sim(404, '00078', 'PRA', 'Equivalencia de Oficina no existe.');
  const plan = (s: Side | undefined) => {
    if (s?.type !== 'OFA') return undefined;
    const p = registry.get(s.product);
    if (!p) throw sim(404, '1403', 'ORA', 'REGISTRO NO ENCONTRADO');
    if (p.status === 'blocked') throw sim(400, '00015', 'PRA', 'El estado actual del plan: BLOQUEADO POR CONFIR, no permite');
    return p;
  };
  const from = plan(b.origin);
  const to = plan(b.destination);
  const amount = Number(b.amountCents);
  const reference = String(b.reference);
  if (!ledger.posting(reference)) {
    if (from && amount > from.maxWithdrawalCents) throw sim(400, '00191', 'PRA', 'Valor Retiro supera el Valor M¿ximo Individual definido para');
    if (from && amount > ledger.account(from.planId).balanceCents) throw sim(400, '00296', 'PRA', 'Valor Retiro no permitido por Saldo Insuficiente.');
    if (to && ledger.account(to.planId).balanceCents === 0 && amount < to.minOpeningCents) {
      throw sim(400, '00315', 'PRA', 'Valor Minimo Apertura no válido según definición del Fondo');
    }
  }
  const { posting, duplicate } = ledger.post({
    reference,
    kind: 'fund-transfer',
    entries: [
      { acctId: String(b.origin?.product), deltaCents: -amount },
      { acctId: String(b.destination?.product), deltaCents: amount },
    ],
  });
  return { reference: posting.reference, receipt: posting.authorizationId, duplicate };
}

/** Investment funds core: fund transfers. */
export const investmentFundsCore: CoreModule = (state) => {
  ensureTransferAccounts(state);
  plans(state);
  const router = Router();
  router.post('/fund-transfers', (req, res) => void res.json(fundTransfer(state, req.body ?? {})));
  return router;
};
