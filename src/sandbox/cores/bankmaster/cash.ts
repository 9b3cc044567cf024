import { Router } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import { seedFacilito } from '../../fixtures/facilito';

/** Bankmaster, cash capability: what Facilito needs (customer's main account...). */
export const bankmasterCash: CoreModule = (state) => {
  state.domain('facilito-fixtures', seedFacilito);
  const router = Router();
  router.get('/customers/:holderId/main-account', (req, res) => {
    const accounts = state.ledger.accountsOf(req.params.holderId);
    if (!accounts.length) throw sim(404, 'SQLCODE', 'ORA', 'NO EXISTE REGISTRO CC0105CLIENTNUM');
    const main = accounts.find((a) => a.status === 'active' && (a.acctType === 'SDA' || a.acctType === 'DDA'));
    if (!main) throw sim(404, 'NC', 'TRX', 'CUENTA NO EXISTE');
    res.json({
      customer: { id: main.holderId, idType: main.holderIdType, name: main.holderName },
      account: { acctId: main.acctId, acctType: main.acctType, status: main.status, description: main.description },
    });
  });
  return router;
};
