import { Router } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import { collectionsOf, type Obligation } from '../../fixtures/collections';
import { registerMark } from '../bankmaster/negotiations';

/**
 * OpenCard's negotiation marks on credit cards (OTC) and revolving credits (OCR). Unknown product
 * (or one not padded to 20 characters): 00014 OPC; an identification that is not the holder's: 00097 OPC.
 */
export const opencardNegotiations: CoreModule = (state) => {
  const d = collectionsOf(state);
  const router = Router();
  const mark = (book: Map<string, Obligation>) => (req: { body: any }, res: { json: (b: unknown) => void }) => {
    const collection = req.body?.collection ?? {};
    const product = book.get(collection.partyAcctRelRec?.acctId);
    if (!product) throw sim(404, '00014', 'OPC', 'Tarjeta de Crédito o Crédito Rotativo No Existe');
    const ident = collection.govIssueIdent?.identSerialNum;
    if (ident !== undefined && ident !== product.holderId) throw sim(400, '00097', 'OPC', 'La identificación no corresponde a la del producto');
    res.json(registerMark(d, 'opencard', req.body, product));
  };
  router.post('/cards/negotiations', mark(d.cards));
  router.post('/revolving-credits/negotiations', mark(d.revolvingCredits));
  return router;
};
