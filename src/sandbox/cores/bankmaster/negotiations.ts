import { Router } from 'express';
import type { CoreModule } from '../core-app';
import { sim } from '../../sim-error';
import { collectionsOf, type CollectionsDomain, type Obligation, type RegisteredNegotiation } from '../../fixtures/collections';

const today = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

/**
 * Records the mark and answers like the cores do: the padded product number, a state, yyyymmdd, a
 * description. A reference already used answers its first mark again: the core keeps one per reference.
 */
export function registerMark(d: CollectionsDomain, system: RegisteredNegotiation['system'], body: Record<string, any>, obligation: Obligation) {
  const key = typeof body.reference === 'string' ? `${system}|${body.reference}` : undefined;
  const first = key && d.marksByReference.get(key);
  if (first) return first;
  const state = obligation.rejectReason ? 'Rejected' : 'Received';
  d.negotiations.push({ system, clientApp: body.clientApp?.name, record: body.collection, state });
  const answer = {
    collection: {
      partyAcctRelRec: { acctId: body.collection.partyAcctRelRec.acctId },
      state,
      createdDt: today(),
      desc: obligation.rejectReason ?? 'successful transaction',
    },
  };
  if (key) d.marksByReference.set(key, answer);
  return answer;
}

/**
 * A loan book's negotiation marks (Bankmaster; StarLT reuses it, 001 maps "BM & SLP" together).
 * Like the real core, an obligation id not padded to 20 characters is not found, and the office
 * must be 9999.
 */
export function loanBookNegotiations(system: 'bankmaster' | 'starlt'): CoreModule {
  return (state) => {
    const d = collectionsOf(state);
    const router = Router();
    router.post('/negotiations', (req, res) => {
      const collection = req.body?.collection ?? {};
      if (collection.submitOffice?.branchId !== '9999') throw sim(400, 'NP', 'TRX', 'COD.OFIC.ORIGEN DEBE IDENTIFICAR OFIC. VALIDA');
      const loan = d.loanBooks[system].get(collection.partyAcctRelRec?.acctId);
      if (!loan) throw sim(404, 'SQLCODE', 'VAL', 'REGISTRO NO EXISTE');
      res.json(registerMark(d, system, req.body, loan));
    });
    return router;
  };
}

export const bankmasterNegotiations: CoreModule = loanBookNegotiations('bankmaster');
